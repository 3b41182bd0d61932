import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('records a change with who, what, before and after, in the same transaction', async () => {
    const cookie = await t.login('vanthu');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { cookie },
      payload: { favourites: ['directory'] },
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.db.rows<{ action: string; actor_id: string; before: unknown; after: unknown; ip: string }>(
      sql`SELECT a.action, a.actor_id, a.before, a.after, a.ip FROM audit_log a JOIN users u ON u.id = a.actor_id
          WHERE u.username = 'vanthu' AND a.action = 'user.preferences.update'`,
    );
    expect(row.before).toMatchObject({ favourites: ['directory', 'change-password'] });
    expect(row.after).toMatchObject({ favourites: ['directory'] });
    expect(row.ip).toBeTruthy();
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(t.db.q.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(t.db.q.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.db.q.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const [{ n }] = await t.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(n).toBeGreaterThan(0);
  });

  it('records sign-ins and account locks', async () => {
    await t.login('th.vanthu');
    for (let i = 0; i < 5; i++)
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'th.gv1', password: 'x' } });
    const actions = (await t.db.rows<{ action: string }>(sql`SELECT DISTINCT action FROM audit_log`)).map(
      (r) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.locked']));
  });
});
