import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, call } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { userId } from '../incoming/incoming.test-helpers';
import { unitId } from '../outgoing/outgoing.test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('interaction groups (Nhóm tương tác)', () => {
  it('a person keeps groups of people or units, visible to them only, and sends an announcement to them', async () => {
    const leader = await t.login('truongphong');
    const people = await call(t, leader, 'POST', '/api/interaction-groups', {
      name: '  Tổ chuyên môn  ',
      kind: 'users',
      memberIds: [await userId(t, 'chuyenvien1'), await userId(t, 'chuyenvien2')],
    });
    expect(people.statusCode).toBe(201);
    expect(people.json()).toMatchObject({ name: 'Tổ chuyên môn', kind: 'users', reach: 2 });
    const schools = await call(t, leader, 'POST', '/api/interaction-groups', {
      name: 'Các trường tiểu học, THCS',
      kind: 'units',
      memberIds: [await unitId(t, 'THAM'), await unitId(t, 'THCSAM')],
    });
    expect(schools.json().reach).toBe(8);
    const bad = await call(t, leader, 'POST', '/api/interaction-groups', {
      name: 'Sai',
      kind: 'units',
      memberIds: [await userId(t, 'chuyenvien1')],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.memberIds');

    const other = await t.login('photruongphong');
    expect((await call(t, other, 'GET', '/api/interaction-groups')).json()).toEqual([]);
    expect(
      (
        await call(t, other, 'PUT', `/api/interaction-groups/${people.json().id}`, {
          name: 'x',
          kind: 'users',
          memberIds: [await userId(t, 'vanthu')],
        })
      ).statusCode,
    ).toBe(404);
    // Someone else's group cannot address an announcement.
    const stolen = await call(t, other, 'POST', '/api/announcements', {
      title: 'Thử',
      body: 'Thử',
      recipients: { interactionGroupIds: [people.json().id] },
    });
    expect(stolen.statusCode).toBe(400);

    const sent = await call(t, leader, 'POST', '/api/announcements', {
      title: 'Họp giao ban',
      body: 'Mời các tổ và các trường dự họp giao ban tháng 12.',
      recipients: { interactionGroupIds: [people.json().id, schools.json().id] },
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().recipientCount).toBe(10);

    const renamed = await call(t, leader, 'PUT', `/api/interaction-groups/${people.json().id}`, {
      name: 'Tổ văn phòng',
      kind: 'users',
      memberIds: [await userId(t, 'vanthu')],
    });
    expect(renamed.json()).toMatchObject({ name: 'Tổ văn phòng', reach: 1 });
    expect((await call(t, leader, 'POST', `/api/interaction-groups/${people.json().id}/remove`)).statusCode).toBe(204);
    expect(
      (await call(t, leader, 'GET', '/api/interaction-groups')).json().map((g: { name: string }) => g.name),
    ).toEqual(['Các trường tiểu học, THCS']);
    const kept = await t.db.rows(sql`SELECT removed_at FROM interaction_groups WHERE id = ${people.json().id}::uuid`);
    expect(kept[0].removed_at).not.toBeNull();
    expect((await auditOf(t, people.json().id)).map((a) => a.action)).toEqual([
      'interactionGroup.create',
      'interactionGroup.update',
      'interactionGroup.remove',
    ]);
  });
});
