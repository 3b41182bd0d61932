import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { ManualClock } from '../clock';
import { type TestApp, createTestApp } from '../../test/harness';

// 10:00 on 10/03/2026 in Vietnam (UTC+7).
const START = new Date('2026-03-10T03:00:00Z');

/**
 * X-On-Behalf-Of (ủy quyền): a delegate works with the delegator's rights only while an
 * unrevoked delegation covers today's Vietnam date; anything else is refused with 403.
 */
describe('acting on behalf of a delegator', () => {
  let t: TestApp;
  let clock: ManualClock;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    clock = new ManualClock(START);
    t = await createTestApp({ clock });
    for (const r of await t.db.rows<{ username: string; id: string }>(sql`SELECT username, id FROM users`))
      ids[r.username] = r.id;
  });
  afterAll(() => t.close());

  /** A delegation inserted as stored, to test the resolver alone. */
  const give = async (from: string, to: string, startsOn: string, endsOn: string) => {
    const id = uuidv7();
    await t.db.rows(sql`INSERT INTO delegations (id, from_user_id, to_user_id, starts_on, ends_on)
      VALUES (${id}::uuid, ${ids[from]}::uuid, ${ids[to]}::uuid, ${startsOn}::date, ${endsOn}::date)`);
    return id;
  };
  const me = async (username: string, onBehalfOf?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: {
        cookie: await t.login(username),
        ...(onBehalfOf === undefined ? {} : { 'x-on-behalf-of': onBehalfOf }),
      },
    });
  const refused = (res: { statusCode: number; json(): { error: { code: string; details?: object } } }) => {
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'DELEGATION_INVALID' } });
  };

  it('without the header, a user has their own rights', async () => {
    await give('admin', 'chuyenvien2', '2026-03-10', '2026-03-12');
    const res = await me('chuyenvien2');
    expect(res.json().actingFor).toBeNull();
    expect(res.json().permissions).not.toContain('admin.users');
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/admin/account-proposals',
      headers: { cookie: await t.login('chuyenvien2') },
    });
    expect(queue.statusCode).toBe(403);
  });

  it('with a valid delegation, works with the delegator’s permissions and unit, as themself', async () => {
    const res = await me('chuyenvien2', ids.admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.chuyenvien2,
      fullName: 'Phạm Thị Thanh Xuân',
      actingFor: { userId: ids.admin, fullName: 'Quản Trị Hệ Thống' },
    });
    expect(res.json().permissions).toContain('admin.users');
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/admin/account-proposals',
      headers: { cookie: await t.login('chuyenvien2'), 'x-on-behalf-of': ids.admin },
    });
    expect(queue.statusCode).toBe(200);
  });

  it('records the real person as actor and the delegator as on_behalf_of in the audit log', async () => {
    const cookie = await t.login('chuyenvien2');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/account/contact',
      headers: { cookie, 'x-on-behalf-of': ids.admin },
      payload: { email: 'xuan.ptt@anminh.edu.vn' },
    });
    expect(res.statusCode).toBe(200);
    // The own account is the real person's, also under a delegation.
    expect(res.json().username).toBe('chuyenvien2');
    const [row] = await t.db.rows<{ actor_id: string; on_behalf_of_id: string }>(
      sql`SELECT actor_id, on_behalf_of_id FROM audit_log WHERE action = 'account.contact.update'`,
    );
    expect(row).toEqual({ actor_id: ids.chuyenvien2, on_behalf_of_id: ids.admin });
  });

  it('a decision taken under delegation is the delegate’s, on behalf of the administrator', async () => {
    const proposal = await t.app.inject({
      method: 'POST',
      url: '/api/account/proposals',
      headers: { cookie: await t.login('th.gv1') },
      payload: { address: 'Ấp Kinh Tắc', reason: 'Chuyển nhà' },
    });
    const id = proposal.json().id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/account-proposals/${id}/approve`,
      headers: { cookie: await t.login('chuyenvien2'), 'x-on-behalf-of': ids.admin },
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().decidedByName).toBe('Phạm Thị Thanh Xuân');
    const rows = await t.db.rows<{ actor_id: string; on_behalf_of_id: string }>(
      sql`SELECT actor_id, on_behalf_of_id FROM audit_log WHERE entity_id IN (${id}, ${ids['th.gv1']})
          AND action IN ('user.update', 'account.proposal.approve')`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toEqual({ actor_id: ids.chuyenvien2, on_behalf_of_id: ids.admin });
  });

  it('scopes the delegator’s rights to the delegator’s unit, not the delegate’s', async () => {
    // truongphong (Phòng) administers users of the Phòng only; th.gv1 works in a school below it.
    await t.db.rows(sql`INSERT INTO user_groups (user_id, group_id, scope)
      SELECT ${ids.truongphong}::uuid, id, 'own' FROM groups WHERE code = 'quan-tri'`);
    await give('truongphong', 'th.gv1', '2026-03-10', '2026-03-10');
    await t.app.inject({
      method: 'POST',
      url: '/api/account/proposals',
      headers: { cookie: await t.login('chuyenvien1') },
      payload: { address: 'Ấp Xẻo Đước', reason: 'Chuyển nhà' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/account/proposals',
      headers: { cookie: await t.login('th.gv2') },
      payload: { address: 'Ấp Kinh Tắc', reason: 'Chuyển nhà' },
    });
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/admin/account-proposals',
      headers: { cookie: await t.login('th.gv1'), 'x-on-behalf-of': ids.truongphong },
    });
    expect(queue.json().items.map((i: { user: { username: string } }) => i.user.username)).toEqual(['chuyenvien1']);
  });

  it('refuses a header without a delegation, a malformed one, and the user’s own id', async () => {
    refused(await me('chuyenvien1', ids.admin));
    refused(await me('chuyenvien2', ids.truongphong));
    refused(await me('admin', ids.chuyenvien2)); // the delegation goes the other way
    refused(await me('chuyenvien2', 'not-a-uuid'));
    refused(await me('chuyenvien2', `${ids.admin},${ids.admin}`));
    refused(await me('chuyenvien2', ids.chuyenvien2));
    // Without a session the header changes nothing: 401.
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { 'x-on-behalf-of': ids.admin },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a delegation that has not started, has ended (Vietnam date) or is revoked', async () => {
    await give('truongphong', 'photruongphong', '2026-03-11', '2026-03-11');
    refused(await me('photruongphong', ids.truongphong));
    // 23:59 on 10/03 in Vietnam: still not started.
    clock.set(new Date('2026-03-10T16:59:00Z'));
    refused(await me('photruongphong', ids.truongphong));
    // 00:00 on 11/03 in Vietnam (17:00 UTC on the 10th): it covers today.
    clock.set(new Date('2026-03-10T17:00:00Z'));
    expect((await me('photruongphong', ids.truongphong)).statusCode).toBe(200);
    clock.set(new Date('2026-03-11T16:59:00Z'));
    expect((await me('photruongphong', ids.truongphong)).statusCode).toBe(200);
    // 00:00 on 12/03 in Vietnam: ended.
    clock.set(new Date('2026-03-11T17:00:00Z'));
    refused(await me('photruongphong', ids.truongphong));

    clock.set(START);
    const id = await give('th.hieutruong', 'th.vanthu', '2026-03-10', '2026-03-20');
    expect((await me('th.vanthu', ids['th.hieutruong'])).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/account/delegations/${id}/revoke`,
      headers: { cookie: await t.login('th.hieutruong') },
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    refused(await me('th.vanthu', ids['th.hieutruong']));
  });

  it('refuses acting for a delegator whose account is disabled', async () => {
    await give('mn.hieutruong', 'mn.vanthu', '2026-03-10', '2026-03-20');
    expect((await me('mn.vanthu', ids['mn.hieutruong'])).statusCode).toBe(200);
    await t.db.rows(sql`UPDATE users SET status = 'disabled' WHERE username = 'mn.hieutruong'`);
    refused(await me('mn.vanthu', ids['mn.hieutruong']));
  });

  it('sign-in and sign-out ignore the header', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-on-behalf-of': 'junk' },
      payload: { username: 'chuyenvien1', password: 'Demo@2026' },
    });
    expect(login.statusCode).toBe(200);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: await t.login('chuyenvien1'), 'x-on-behalf-of': 'junk' },
    });
    expect(logout.statusCode).toBe(200);
  });

  it('never lets a delegate decide the delegator’s own proposal', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/account/proposals',
      headers: { cookie: await t.login('admin') },
      payload: { address: 'Phòng máy chủ', reason: 'Cập nhật' },
    });
    const decide = await t.app.inject({
      method: 'POST',
      url: `/api/admin/account-proposals/${res.json().id}/approve`,
      headers: { cookie: await t.login('chuyenvien2'), 'x-on-behalf-of': ids.admin },
      payload: {},
    });
    expect(decide.statusCode).toBe(403);
  });
});
