import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { userId } from '../incoming/incoming.test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('notifications list (resident view)', () => {
  it('lists my notifications newest first, counts unread, marks chosen or all read; never someone else’s', async () => {
    const me = await userId(t, 'chuyenvien1');
    const other = await userId(t, 'chuyenvien2');
    await t.app.platform.notifier.notify([me], {
      kind: 'test.a',
      title: 'Việc mới',
      body: 'Một',
      link: '/app/tasks-received',
    });
    await new Promise((r) => setTimeout(r, 5));
    await t.app.platform.notifier.notify([me, other], { kind: 'test.b', title: 'Văn bản đến', body: 'Hai' });
    const cookie = await t.login('chuyenvien1');
    const list = (await call(t, cookie, 'GET', '/api/notifications')).json();
    expect(list.unread).toBe(2);
    expect(list.items.map((n: { body: string }) => n.body)).toEqual(['Hai', 'Một']);
    const bad = await call(t, cookie, 'POST', '/api/notifications/read', { ids: ['khong-phai-id'] });
    expect(bad.statusCode).toBe(400);
    await call(t, cookie, 'POST', '/api/notifications/read', { ids: [list.items[0].id] });
    expect((await call(t, cookie, 'GET', '/api/notifications')).json().unread).toBe(1);
    // Someone else's id is not theirs to mark.
    const otherCookie = await t.login('chuyenvien2');
    await call(t, otherCookie, 'POST', '/api/notifications/read', { ids: [list.items[1].id] });
    expect((await call(t, cookie, 'GET', '/api/notifications')).json().unread).toBe(1);
    await call(t, cookie, 'POST', '/api/notifications/read', {});
    expect((await call(t, cookie, 'GET', '/api/notifications')).json().unread).toBe(0);
    expect((await call(t, otherCookie, 'GET', '/api/notifications')).json().unread).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
