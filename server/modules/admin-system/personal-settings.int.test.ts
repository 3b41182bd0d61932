import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { auditOf, call } from './admin-system.test-helpers';

describe('Cài đặt tùy chọn › tùy chọn cá nhân (PATCH /api/me/preferences)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const patch = (cookie: string, body: unknown) => call(t, cookie, 'PATCH', '/api/me/preferences', body);
  const me = async (cookie: string) => (await call(t, cookie, 'GET', '/api/auth/me')).json();

  it('lets any user choose a landing function and notification channels, and shows them in /me', async () => {
    const cookie = await t.login('chuyenvien1');
    const res = await patch(cookie, {
      landingFunction: 'directory',
      notifyChannels: ['sms', 'email', 'sms'],
      pageSize: 50,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ landingFunction: 'directory', notifyChannels: ['sms', 'email'], pageSize: 50 });
    expect((await me(cookie)).preferences).toMatchObject({
      landingFunction: 'directory',
      notifyChannels: ['sms', 'email'],
    });
    // Personal settings are for everyone: the function is on the menu without admin.settings.
    expect((await patch(cookie, { landingFunction: 'admin-settings' })).statusCode).toBe(200);
    const back = await patch(cookie, { landingFunction: null, notifyChannels: [] });
    expect(back.json()).toMatchObject({ landingFunction: null, notifyChannels: [] });
    const [id] = await t.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'chuyenvien1'`);
    const audit = await auditOf(t, id.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'user.preferences.update',
      before: { landingFunction: 'admin-settings', notifyChannels: ['sms', 'email'] },
      after: { landingFunction: null, notifyChannels: [] },
    });
  });

  it('refuses a landing function the user may not open, one not built yet, or an unknown one', async () => {
    const cookie = await t.login('chuyenvien2');
    for (const id of ['admin-users', 'chat', 'khong-co']) {
      const res = await patch(cookie, { landingFunction: id });
      expect(res.statusCode, id).toBe(400);
      expect(res.json().error.fields[0].path).toBe('body.landingFunction');
    }
    expect((await me(cookie)).preferences.landingFunction).toBeNull();
  });

  it('offers SMS only to users with a phone number and e-mail only with an address', async () => {
    await t.db.rows(sql`UPDATE users SET phone = NULL WHERE username = 'th.gv2'`);
    const cookie = await t.login('th.gv2');
    const sms = await patch(cookie, { notifyChannels: ['email', 'sms'], landingFunction: 'directory' });
    expect(sms.statusCode).toBe(400);
    expect(sms.json().error.fields[0].path).toBe('body.notifyChannels.1');
    // Nothing of the refused request was saved.
    expect((await me(cookie)).preferences).toMatchObject({ notifyChannels: [], landingFunction: null });
    expect((await patch(cookie, { notifyChannels: ['email'] })).statusCode).toBe(200);
    expect((await patch(cookie, { notifyChannels: ['fax'] })).statusCode).toBe(400);
  });
});
