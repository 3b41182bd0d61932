import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { type TestDb, createTestDb } from '../test/harness';
import { bootstrapAdministrator } from './bootstrap';

describe('first start of a real deployment (empty database, no demo data)', () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.drop());

  it('creates the root unit and an administrator who must change the one-time password, once', async () => {
    const first = await bootstrapAdministrator(testDb.db, 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang');
    expect(first?.username).toBe('admin');
    expect(await bootstrapAdministrator(testDb.db, 'x')).toBeNull();

    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/none' } as NodeJS.ProcessEnv),
      db: testDb.db,
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: first?.password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({
        mustChangePassword: true,
        unit: { name: 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang' },
      });
      const cookie = `co_session=${login.cookies[0].value}`;
      const change = await app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: { cookie },
        payload: { currentPassword: first?.password, newPassword: 'QuanTri@2027' },
      });
      expect(change.statusCode).toBe(200);
      // The administrator can now build the organisation: every administration function is granted.
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.json().permissions).toEqual(
        expect.arrayContaining(['admin.units', 'admin.users', 'admin.groups', 'admin.catalogs', 'admin.settings']),
      );
      const units = await app.inject({ method: 'GET', url: '/api/admin/units', headers: { cookie } });
      expect(units.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
