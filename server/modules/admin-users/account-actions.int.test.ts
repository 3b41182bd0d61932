import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

describe('Quản lý người dùng: lock, unlock, reset password', () => {
  let t: TestApp;
  let admin: string;
  let sibling: string;
  const ids = new Map<string, string>();

  const api = (cookie: string, url: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/admin/users${url}`, headers: { cookie }, payload });
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const audits = (action: string, id: string) =>
    t.db.rows<{ after: Record<string, unknown> }>(
      sql`SELECT after FROM audit_log WHERE action = ${action} AND entity_id = ${id}`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    for (const r of await t.db.rows<{ username: string; id: string }>(sql`SELECT username, id FROM users`))
      ids.set(r.username, r.id);
    await t.db.rows(sql`INSERT INTO user_groups (user_id, group_id, scope)
      SELECT ${ids.get('th.hieutruong')}::uuid, id, 'subtree' FROM groups WHERE code = 'quan-tri'`);
    admin = await t.login('admin');
    sibling = await t.login('th.hieutruong');
  });
  afterAll(() => t.close());

  it('locks an account: its sessions end at once and it cannot sign in (403 ACCOUNT_DISABLED)', async () => {
    const id = ids.get('thcs.gv1') as string;
    const victim = await t.login('thcs.gv1');
    expect((await me(victim)).statusCode).toBe(200);
    const pushed: string[] = [];
    const unlisten = await t.db.listen('co_realtime', (payload) => pushed.push(payload));
    const res = await api(admin, `/${id}/lock`, { reason: 'Nghỉ hưu' });
    expect(res.statusCode).toBe(200);
    // The open browser tabs of the user are told the session ended (NOTIFY on commit).
    await expect
      .poll(() => pushed.map((p) => JSON.parse(p)))
      .toContainEqual({
        to: { users: [id] },
        msg: { type: 'session.ended' },
      });
    await unlisten();
    expect(res.json()).toMatchObject({ status: 'disabled', abilities: { lock: false, unlock: true } });
    expect((await me(victim)).statusCode).toBe(401);
    const again = await login('thcs.gv1', 'Demo@2026');
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
    const live = await t.db.rows(sql`SELECT id FROM sessions WHERE user_id = ${id}::uuid AND revoked_at IS NULL`);
    expect(live).toHaveLength(0);
    expect((await audits('user.lock', id))[0].after).toMatchObject({ status: 'disabled', reason: 'Nghỉ hưu' });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users?status=disabled',
      headers: { cookie: admin },
    });
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['thcs.gv1']);
    // Locking twice is refused; unlocking brings the account back.
    expect((await api(admin, `/${id}/lock`)).json().error.code).toBe('INVALID_STATE');
    const unlocked = await api(admin, `/${id}/unlock`);
    expect(unlocked.json()).toMatchObject({ status: 'active' });
    expect((await login('thcs.gv1', 'Demo@2026')).statusCode).toBe(200);
    expect(await audits('user.unlock', id)).toHaveLength(1);
    expect((await api(admin, `/${id}/unlock`)).statusCode).toBe(409);
  });

  it('accepts lock without a body, refuses an administrator locking themselves', async () => {
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${ids.get('admin')}/lock`,
      headers: { cookie: admin },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('INVALID_STATE');
    expect((await api(admin, `/${ids.get('admin')}/reset-password`)).statusCode).toBe(409);
    expect((await api(admin, `/${ids.get('mn.gv1')}/lock`, { reason: 'x'.repeat(501) })).statusCode).toBe(400);
  });

  it('unlocks an account locked after wrong passwords', async () => {
    for (let i = 0; i < 5; i++) await login('mn.gv2', 'sai-mat-khau');
    expect((await login('mn.gv2', 'Demo@2026')).statusCode).toBe(423);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users?status=locked-out',
      headers: { cookie: admin },
    });
    expect(list.json().items).toMatchObject([{ username: 'mn.gv2', status: 'locked-out' }]);
    expect(list.json().items[0].lockedUntil).toBeTruthy();
    const res = await api(admin, `/${ids.get('mn.gv2')}/unlock`);
    expect(res.json().status).toBe('active');
    expect((await login('mn.gv2', 'Demo@2026')).statusCode).toBe(200);
  });

  it('resets a password: one-time password once, sessions end, change forced at next sign-in', async () => {
    const id = ids.get('th.vanthu') as string;
    const victim = await t.login('th.vanthu');
    const res = await api(sibling, `/${id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { oneTimePassword } = res.json();
    expect(oneTimePassword).toHaveLength(12);
    expect((await me(victim)).statusCode).toBe(401);
    expect((await login('th.vanthu', 'Demo@2026')).statusCode).toBe(401);
    const signedIn = await login('th.vanthu', oneTimePassword);
    expect(signedIn.json().mustChangePassword).toBe(true);
    const cookie = await t.login('th.vanthu', oneTimePassword);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/directory', headers: { cookie } });
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie },
      payload: { currentPassword: oneTimePassword, newPassword: 'Moi@2026abc' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(cookie)).json().mustChangePassword).toBe(false);
    const [audit] = await audits('user.password.reset', id);
    expect(audit.after).toMatchObject({ mustChangePassword: true });
    expect(JSON.stringify(audit.after)).not.toContain(oneTimePassword);
  });

  it('hides users of another school from a school administrator (404)', async () => {
    const other = ids.get('thcs.gv2') as string;
    for (const action of ['lock', 'unlock', 'reset-password']) {
      expect((await api(sibling, `/${other}/${action}`)).statusCode).toBe(404);
    }
    expect((await login('thcs.gv2', 'Demo@2026')).statusCode).toBe(200);
  });

  it('refuses every write route to a non-administrator (403) and changes nothing', async () => {
    const staff = await t.login('chuyenvien1');
    const target = ids.get('th.gv1') as string;
    const calls: [string, string, object][] = [
      ['POST', '', { username: 'khong.duoc', fullName: 'Không Được', unitId: ids.get('admin') }],
      ['PATCH', `/${target}`, { fullName: 'X' }],
      ['POST', `/${target}/move`, { unitId: target }],
      ['PUT', `/${target}/groups`, { groups: [] }],
      ['POST', `/${target}/lock`, {}],
      ['POST', `/${target}/unlock`, {}],
      ['POST', `/${target}/reset-password`, {}],
      ['POST', '/import', { fileName: 'a.xlsx', contentBase64: 'AAAA' }],
      ['GET', '/import-template', {}],
    ];
    for (const [method, url, payload] of calls) {
      const res = await t.app.inject({
        method: method as 'POST',
        url: `/api/admin/users${url}`,
        headers: { cookie: staff },
        ...(method === 'GET' ? {} : { payload }),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await t.db.rows(sql`SELECT id FROM users WHERE username = 'khong.duoc'`)).length).toBe(0);
    expect((await login('th.gv1', 'Demo@2026')).statusCode).toBe(200);
  });
});
