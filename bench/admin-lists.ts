/**
 * npm run bench:admin-lists — administration and directory lists at province scale.
 *
 * Creates a fresh database on the PostgreSQL server of DATABASE_URL (default: the local `test`
 * server database is used to create a throw-away one), migrates it, seeds the demo organisation,
 * adds --units units and --users users under it, then measures through the HTTP API (in
 * process, app.inject) the first page of: the staff directory, a diacritics-free name search in
 * it, the administrators' user list, and a search in that list. Prints one JSON object last.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { DEMO_PASSWORD, seedDemo } from '../server/db/seed-demo';
import { Database } from '../server/platform/db/database';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const UNITS = arg('units', 1000);
const USERS = arg('users', 20000);
const RUNS = arg('runs', 50);
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const name = `co_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const db = await Database.openPostgres(url.toString(), 10);
try {
  await db.migrate();
  await seedDemo(db, { fixedPasswords: true });
  const t0 = performance.now();
  // Units: schools under the root, each with a materialised path.
  await db.rows(sql`
    INSERT INTO units (id, parent_id, path, code, name, short_name, kind)
    SELECT u.id, r.id, r.path || u.id || '/', 'BENCH' || g, 'Trường số ' || g || ' huyện Bình Minh', 'TS' || g, 'primary'
    FROM generate_series(1, ${UNITS}) g
    CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, g AS gg) u
    CROSS JOIN (SELECT id, path FROM units WHERE parent_id IS NULL) r`);
  // Users spread over those units with Vietnamese names; sort keys as the app computes them
  // are approximated by given name + family name (the order is not what is measured here).
  await db.rows(sql`
    WITH fam AS (SELECT ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'] a),
         mid AS (SELECT ARRAY['Văn','Thị','Minh','Ngọc','Thanh','Quốc','Thu','Hoàng','Kim','Hữu'] a),
         giv AS (SELECT ARRAY['An','Bình','Châu','Dũng','Đức','Giang','Hà','Hải','Hạnh','Hùng','Lan','Linh','Mai','Nam','Nga','Phúc','Quang','Sơn','Tâm','Thảo','Trang','Tuấn','Vân','Yến'] a),
         us AS (SELECT id, row_number() OVER () AS n FROM units WHERE code LIKE 'BENCH%')
    INSERT INTO users (id, username, full_name, sort_key, unit_id, password_hash, email, phone)
    SELECT gen_random_uuid(), 'bench' || g,
           fam.a[1 + g % 16] || ' ' || mid.a[1 + (g / 16) % 10] || ' ' || giv.a[1 + (g / 160) % 24],
           giv.a[1 + (g / 160) % 24] || ' ' || fam.a[1 + g % 16],
           us.id, 'x', 'bench' || g || '@binhminh.edu.vn', '09' || lpad((g * 7919 % 100000000)::text, 8, '0')
    FROM generate_series(1, ${USERS}) g, fam, mid, giv, us
    WHERE us.n = 1 + g % ${UNITS}`);
  await db.rows(sql`ANALYZE`);
  const generatedMs = Math.round(performance.now() - t0);

  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/none' } as NodeJS.ProcessEnv),
    db,
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: DEMO_PASSWORD },
  });
  const cookie = `co_session=${login.cookies[0].value}`;

  const measure = async (path: string) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
      times.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) =>
      Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] * 10) / 10;
    return { p50: pct(50), p95: pct(95) };
  };
  const result = {
    units: UNITS,
    users: USERS,
    generatedMs,
    directoryFirstPage: await measure('/api/directory?limit=50'),
    directorySearchNoDiacritics: await measure(`/api/directory?q=${encodeURIComponent('thanh tam')}&limit=50`),
    adminUsersFirstPage: await measure('/api/admin/users?pageSize=20'),
    adminUsersSearch: await measure(`/api/admin/users?q=${encodeURIComponent('duc')}&pageSize=20`),
  };
  await app.close();
  console.log(JSON.stringify(result));
} finally {
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
