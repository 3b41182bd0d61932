import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { DEMO_PASSWORD, seedDemo } from '../db/seed-demo';
import { SESSION_COOKIE } from '../platform/auth/session-token';
import { ManualClock } from '../platform/clock';
import { Database } from '../platform/db/database';

/** Which engine this test run uses: PGlite, or the server at TEST_DATABASE_URL. */
export const ENGINE = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export interface TestDb {
  db: Database;
  /** Opens one more handle on the same database (a second app instance). */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database: in-memory PGlite, or a new database created on the server for
 * this test file (dropped afterwards).
 */
export async function createTestDb(): Promise<TestDb> {
  if (ENGINE === 'pglite') {
    const db = await Database.openPglite();
    await db.migrate();
    return { db, openAnother: async () => db, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `co_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await Database.openPostgres(url.toString(), 5);
  await db.migrate();
  const others: Database[] = [];
  return {
    db,
    openAnother: async () => {
      const d = await Database.openPostgres(url.toString(), 5);
      others.push(d);
      return d;
    },
    drop: async () => {
      for (const d of others) await d.close();
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  clock: ManualClock;
  testDb: TestDb;
  /** Signs in through the API and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** Builds a second app instance on the same database (its own pool and listener on a server). */
  another(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

/** A ready app on a fresh database with the demo organisation (password Demo@2026). */
export async function createTestApp(opts: { clock?: ManualClock; bodyLimit?: number } = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  const clock = opts.clock ?? new ManualClock(new Date());
  await seedDemo(testDb.db, { fixedPasswords: true });
  // Uploaded files go to a folder of this test app, removed on close.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cloudoffice-test-'));
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', DATA_DIR: dataDir } as NodeJS.ProcessEnv),
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
  };
  const app = await buildApp({ config, db: testDb.db, clock });
  await app.ready();
  const extra: FastifyInstance[] = [];
  return {
    app,
    db: testDb.db,
    clock,
    testDb,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      if (!cookie) throw new Error('no session cookie');
      return `${SESSION_COOKIE}=${cookie.value}`;
    },
    async another() {
      const db2 = await testDb.openAnother();
      const app2 = await buildApp({ config, db: db2, clock });
      await app2.ready();
      extra.push(app2);
      return app2;
    },
    async close() {
      for (const a of extra) await a.close();
      await app.close();
      await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
