import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

describe('sign-in, sessions and password change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const me = (cookie?: string) =>
    t.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} });

  it('signs in with the right password, sets an httpOnly SameSite cookie and tells who is signed in', async () => {
    const res = await login('Admin', 'Demo@2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'admin', unit: { shortName: 'PGDĐT' }, mustChangePassword: false });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/co_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = `co_session=${res.cookies[0].value}`;
    const who = await me(cookie);
    expect(who.statusCode).toBe(200);
    expect(who.json().permissions).toContain('admin.users');
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    const wrong = await login('vanthu', 'nope');
    const unknown = await login('khongtontai', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('without a session every signed-in route answers 401', async () => {
    expect((await me()).statusCode).toBe(401);
    expect((await me('co_session=forged')).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('locks an account after the configured number of wrong passwords, then unlocks after the duration', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('th.gv1', `wrong${i}`)).statusCode).toBe(401);
    const fifth = await login('th.gv1', 'wrong5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = new Date(fifth.json().error.details.lockedUntil);
    expect(lockedUntil.getTime() - t.clock.now().getTime()).toBe(15 * 60_000);
    // Even the right password is refused while locked.
    expect((await login('th.gv1', 'Demo@2026')).statusCode).toBe(423);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login('th.gv1', 'Demo@2026')).statusCode).toBe(200);
  });

  it('locks unknown usernames the same way, so lockout does not reveal which names exist', async () => {
    for (let i = 0; i < 4; i++) await login('ai.do', 'x');
    expect((await login('ai.do', 'x')).statusCode).toBe(423);
  });

  it('takes the lockout rules from settings, not constants', async () => {
    await t.app.platform.settings.set('auth.lockout.maxAttempts', 2, null);
    try {
      expect((await login('th.gv2', 'a')).statusCode).toBe(401);
      expect((await login('th.gv2', 'b')).statusCode).toBe(423);
    } finally {
      await t.app.platform.settings.set('auth.lockout.maxAttempts', 5, null);
      t.clock.advance(16 * 60_000);
    }
  });

  it('forgets old failures outside the window', async () => {
    for (let i = 0; i < 4; i++) await login('mn.gv2', 'x');
    t.clock.advance(16 * 60_000);
    expect((await login('mn.gv2', 'x')).statusCode).toBe(401);
  });

  it('ends the session on the server at sign-out', async () => {
    const cookie = await t.login('chuyenvien1');
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends an idle session after the idle timeout and any session after its absolute lifetime', async () => {
    const cookie = await t.login('chuyenvien2');
    t.clock.advance(59 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200); // activity renews the idle timer
    t.clock.advance(59 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advance(61 * 60_000);
    expect((await me(cookie)).statusCode).toBe(401);

    const second = await t.login('chuyenvien2');
    for (let h = 0; h < 12; h++) {
      t.clock.advance(50 * 60_000);
      await me(second);
    }
    // 10 h of activity still inside the 12 h lifetime; 2 more hours pass it.
    for (let h = 0; h < 3; h++) {
      t.clock.advance(50 * 60_000);
      await me(second);
    }
    expect((await me(second)).statusCode).toBe(401);
  });

  describe('change password', () => {
    const change = (cookie: string, currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: { cookie },
        payload: { currentPassword, newPassword },
      });

    it('refuses a wrong current password and names the field', async () => {
      const cookie = await t.login('mn.vanthu');
      const res = await change(cookie, 'sai', 'Moi@2027x');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'WRONG_CURRENT_PASSWORD', fields: [{ path: 'currentPassword' }] });
    });

    it('refuses a weak password with the rules it breaks', async () => {
      const cookie = await t.login('mn.vanthu');
      const res = await change(cookie, 'Demo@2026', 'abc');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.problems).toEqual(['minLength', 'upper', 'digit']);
    });

    it('changes it, keeps this session, ends every other one, and the new password signs in', async () => {
      const here = await t.login('mn.hieutruong');
      const elsewhere = await t.login('mn.hieutruong');
      const res = await change(here, 'Demo@2026', 'Truong@2027');
      expect(res.statusCode).toBe(200);
      expect((await me(here)).statusCode).toBe(200);
      expect((await me(elsewhere)).statusCode).toBe(401);
      expect((await login('mn.hieutruong', 'Demo@2026')).statusCode).toBe(401);
      expect((await login('mn.hieutruong', 'Truong@2027')).statusCode).toBe(200);
      const audit = await t.db.rows<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE action = 'auth.password.change' AND entity_type = 'user'`,
      );
      expect(audit.length).toBe(1);
    });

    it('follows the password rules set by the administrator', async () => {
      await t.app.platform.settings.set('auth.password.requireSymbol', true, null);
      try {
        const cookie = await t.login('th.hieutruong');
        const policy = await t.app.inject({ method: 'GET', url: '/api/auth/password-policy', headers: { cookie } });
        expect(policy.json().requireSymbol).toBe(true);
        const res = await change(cookie, 'Demo@2026', 'KhongKyTu2027');
        expect(res.json().error.details.problems).toEqual(['symbol']);
      } finally {
        await t.app.platform.settings.set('auth.password.requireSymbol', false, null);
      }
    });
  });

  it('lets a user who must change the password reach only the password change', async () => {
    await t.db.q.execute(sql`UPDATE users SET must_change_password = true WHERE username = 'thcs.gv1'`);
    const cookie = await t.login('thcs.gv1');
    expect((await me(cookie)).json().mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/directory', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie },
      payload: { currentPassword: 'Demo@2026', newPassword: 'GiaoVien@2027' },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses a disabled account after a correct password', async () => {
    await t.db.q.execute(sql`UPDATE users SET status = 'disabled' WHERE username = 'thcs.gv2'`);
    const res = await login('thcs.gv2', 'Demo@2026');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
  });
});
