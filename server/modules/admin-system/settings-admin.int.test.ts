import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_MASK, type TSettingItem } from '../../../contracts/settings';
import { type TestApp, createTestApp } from '../../test/harness';
import { auditOf, call, grantAdmin, storedSettings } from './admin-system.test-helpers';

describe('Cài đặt tùy chọn › tùy chọn quản trị', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const view = async (cookie = admin) => {
    const res = await call(t, cookie, 'GET', '/api/admin/settings');
    expect(res.statusCode).toBe(200);
    return Object.fromEntries((res.json().items as TSettingItem[]).map((i) => [i.key, i]));
  };
  const put = (body: unknown, cookie = admin) => call(t, cookie, 'PUT', '/api/admin/settings', body);
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('shows every setting with its value, its default and whether it was changed', async () => {
    const items = await view();
    expect(items['org.shortName']).toMatchObject({ value: 'PGDĐT', defaultValue: 'PGDĐT', changed: false });
    expect(items['upload.maxFileMb']).toMatchObject({ value: 20, changed: false, secret: false });
    expect(items['work.days'].value).toEqual([1, 2, 3, 4, 5]);
    expect(items['work.holidays'].value).toContain('2026-02-17');
    expect(items['sms.http.authHeader']).toMatchObject({ value: '', secret: true });
  });

  it('saves several keys at once, audits each with before and after, and shows who changed them', async () => {
    const res = await put({
      'upload.maxFileMb': 50,
      'work.days': [6, 1, 2, 3, 4, 5],
      'org.name': '  Phòng GD&ĐT An Minh ',
    });
    expect(res.statusCode).toBe(200);
    const items = Object.fromEntries((res.json().items as TSettingItem[]).map((i) => [i.key, i]));
    expect(items['upload.maxFileMb']).toMatchObject({ value: 50, changed: true, updatedByName: 'Quản Trị Hệ Thống' });
    expect(items['work.days'].value).toEqual([1, 2, 3, 4, 5, 6]);
    expect(items['org.name'].value).toBe('Phòng GD&ĐT An Minh');
    expect(await auditOf(t, 'upload.maxFileMb')).toEqual([
      expect.objectContaining({ action: 'settings.update', before: { value: 20 }, after: { value: 50 } }),
    ]);
    expect(await auditOf(t, 'work.days')).toHaveLength(1);
    // Unchanged keys are neither stored nor audited.
    expect(await auditOf(t, 'org.shortName')).toHaveLength(0);
  });

  it('refuses an invalid value with the key as the field and saves nothing of the request', async () => {
    const before = await storedSettings(t);
    for (const [key, value] of [
      ['upload.maxFileMb', 500],
      ['upload.maxFileMb', '20'],
      ['upload.allowedTypes', ['pdf', 'exe']],
      ['upload.allowedTypes', []],
      ['work.days', [0, 1]],
      ['work.days', [1, 1]],
      ['work.holidays', ['2026-02-30']],
      ['sms.http.url', 'ftp://gateway'],
      ['sms.http.bodyTemplate', '{"to":"{{phone}}"}'],
      ['sms.provider', 'zalo'],
      ['org.shortName', 'pgd dt'],
      ['auth.lockout.maxAttempts', 0],
    ] as const) {
      const res = await put({ 'org.name': 'Không được lưu', [key]: value });
      expect(res.statusCode, `${key}=${JSON.stringify(value)}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: key }] });
    }
    expect(await storedSettings(t)).toEqual(before);
    expect((await view())['org.name'].value).toBe('Phòng GD&ĐT An Minh');
  });

  it('refuses unknown keys, an empty body and rules across settings', async () => {
    const unknown = await put({ 'upload.maxFileMb': 30, 'theme.colour': 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('theme.colour');
    expect((await put({})).statusCode).toBe(400);
    const gateway = await put({ 'sms.enabled': true, 'sms.provider': 'http' });
    expect(gateway.statusCode).toBe(400);
    expect(gateway.json().error.fields[0].path).toBe('sms.http.url');
    const idle = await put({ 'auth.session.idleMinutes': 800, 'auth.session.absoluteHours': 12 });
    expect(idle.json().error.fields[0].path).toBe('auth.session.idleMinutes');
    expect((await view())['upload.maxFileMb'].value).toBe(50);
    expect((await view())['sms.enabled'].value).toBe(false);
  });

  it('never returns a secret in clear, keeps it when the mask comes back, and masks it in the audit', async () => {
    const res = await put({
      'sms.enabled': true,
      'sms.provider': 'http',
      'sms.http.url': 'https://sms.example.vn/send',
      'sms.http.authHeader': 'Bearer bi-mat-123',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('bi-mat-123');
    expect((await view())['sms.http.authHeader']).toMatchObject({ value: SECRET_MASK, changed: true });
    expect((await storedSettings(t))['sms.http.authHeader']).toBe('Bearer bi-mat-123');

    // The web sends the whole section back with the mask: the secret stays, the rest changes.
    const again = await put({ 'sms.http.authHeader': SECRET_MASK, 'sms.http.method': 'PUT' });
    expect(again.statusCode).toBe(200);
    expect((await storedSettings(t))['sms.http.authHeader']).toBe('Bearer bi-mat-123');
    expect((await storedSettings(t))['sms.http.method']).toBe('PUT');

    const audit = await auditOf(t, 'sms.http.authHeader');
    expect(audit).toEqual([expect.objectContaining({ before: { value: '' }, after: { value: SECRET_MASK } })]);
    expect(JSON.stringify(audit)).not.toContain('bi-mat');
  });

  it('puts a setting back to its default and audits the reset', async () => {
    const res = await call(t, admin, 'POST', '/api/admin/settings/upload.maxFileMb/reset');
    expect(res.statusCode).toBe(200);
    const item = (res.json().items as TSettingItem[]).find((i) => i.key === 'upload.maxFileMb');
    expect(item).toMatchObject({ value: 20, changed: false, updatedAt: null });
    expect((await auditOf(t, 'upload.maxFileMb')).at(-1)).toMatchObject({
      action: 'settings.reset',
      before: { value: 50 },
      after: { value: 20 },
    });
    // Resetting a default is a no-op; an unknown key is 404.
    expect((await call(t, admin, 'POST', '/api/admin/settings/upload.maxFileMb/reset')).statusCode).toBe(200);
    expect(await auditOf(t, 'upload.maxFileMb')).toHaveLength(2);
    expect((await call(t, admin, 'POST', '/api/admin/settings/khong.co/reset')).statusCode).toBe(404);
    // A reset that would break a rule across settings is refused: the gateway still needs its URL.
    const url = await call(t, admin, 'POST', '/api/admin/settings/sms.http.url/reset');
    expect(url.statusCode).toBe(400);
    expect(url.json().error.fields[0].path).toBe('sms.http.url');
  });

  it('saving the default value removes the override', async () => {
    expect((await put({ 'work.days': [1, 2, 3, 4, 5] })).statusCode).toBe(200);
    expect((await view())['work.days'].changed).toBe(false);
    expect(await storedSettings(t)).not.toHaveProperty('work.days');
  });

  it('a new lockout rule applies at the next sign-in, on this instance and on another', async () => {
    const other = await t.another();
    const otherLogin = (username: string, password: string) =>
      other.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    // Warm the other instance's settings cache with the old rule.
    expect((await otherLogin('mn.gv1', 'sai')).statusCode).toBe(401);

    expect((await put({ 'auth.lockout.maxAttempts': 2 })).statusCode).toBe(200);
    expect((await login('th.gv1', 'sai-1')).statusCode).toBe(401);
    expect((await login('th.gv1', 'sai-2')).statusCode).toBe(423);

    // The other instance hears NOTIFY co_settings and drops its cache (its clock never moves here).
    const deadline = Date.now() + 5000;
    while ((await other.platform.settings.get('auth.lockout.maxAttempts')) !== 2) {
      if (Date.now() > deadline) throw new Error('the other instance kept the old rule');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await otherLogin('thcs.gv1', 'sai-1')).statusCode).toBe(401);
    expect((await otherLogin('thcs.gv1', 'sai-2')).statusCode).toBe(423);
  });

  it('refuses a non-administrator and a school administrator on every route', async () => {
    await grantAdmin(t, 'th.hieutruong', 'subtree');
    for (const username of ['chuyenvien1', 'th.hieutruong']) {
      const cookie = await t.login(username);
      expect((await call(t, cookie, 'GET', '/api/admin/settings')).statusCode, username).toBe(403);
      expect((await put({ 'upload.maxFileMb': 10 }, cookie)).statusCode, username).toBe(403);
      expect((await call(t, cookie, 'POST', '/api/admin/settings/sms.enabled/reset')).statusCode, username).toBe(403);
    }
    expect((await view())['upload.maxFileMb'].value).toBe(20);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/settings' })).statusCode).toBe(401);
  });
});
