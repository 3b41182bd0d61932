/**
 * npm run bench:incoming — incoming documents at province scale (issue 4, "Scale").
 *
 * Creates a throw-away database co_bench_* on the PostgreSQL server of DATABASE_URL, migrates
 * it, seeds the demo organisation and generates (bench/incoming-data.ts) 1,000 units, 20,000
 * users and 1,000,000 incoming documents over five years with assignments, access rows and
 * trails (× --scale). Then measures through the HTTP API (in process, app.inject): the first
 * page of a leader's "chờ chỉ đạo" box and of a handler's "cần xử lý" box, a subject search
 * without diacritics as the root's leader and as a school clerk, and 50 concurrent clients
 * registering 5,000 documents into one fresh register (× --scale), checking the arrival numbers
 * are exactly 1..N. `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the list and search SQL.
 * Progress goes to stderr; the figures are one JSON object on the last line of stdout.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { vnDate, vnYear } from '../contracts/calendar';
import { ZIncomingSearch } from '../contracts/incoming';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { DEMO_PASSWORD, seedDemo } from '../server/db/seed-demo';
import { IncomingListsRepository } from '../server/modules/incoming/incoming-lists.repository';
import { subjectQuery } from '../server/platform/db/text-search';
import { classifyScopeSql, visibleSql } from '../server/modules/incoming/incoming.policy';
import { hashPassword } from '../server/platform/auth/password';
import { type Actor, foldPermissions } from '../server/platform/authz/actor';
import { Database } from '../server/platform/db/database';
import { generate, REGISTER_CLERK, REGISTER_UNIT_CODE } from './incoming-data';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
};
const SCALE = arg('scale', 1);
const RUNS = Math.round(arg('runs', 50));
const CLIENTS = Math.round(arg('clients', 50));
const EXPLAIN = argv.includes('--explain');
const KEEP = argv.includes('--keep');
const WARMUP = 5;
const SEARCH = 'ke hoach tuyen sinh';
const TARGETS = { listP95Ms: 50, searchP95Ms: 150 };

const units = Math.max(2, Math.round(1000 * SCALE));
const rootStaff = Math.max(2, Math.round(20 * SCALE));
const sizes = {
  units,
  rootStaff,
  users: Math.max(rootStaff + 3 * units, Math.round(20000 * SCALE)),
  documents: Math.max(100, Math.round(1_000_000 * SCALE)),
  organs: Math.max(100, Math.min(2000, Math.round(2000 * SCALE))),
};
const REGISTRATIONS = Math.round(arg('registrations', Math.max(500, Math.round(5000 * SCALE))));
const log = (line: string) => console.error(line);
const ms = (t: number) => Math.round(t * 10) / 10;
const pct = (sorted: number[], p: number) =>
  ms(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `co_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/none' } as NodeJS.ProcessEnv);

let db: Database | undefined;
let gen: pg.Client | undefined;
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
let dropped = false;
const cleanup = async () => {
  if (dropped) return;
  dropped = true;
  await app?.close().catch(() => undefined);
  await db?.close().catch(() => undefined);
  await gen?.end().catch(() => undefined);
  if (KEEP) log(`kept database ${name} (drop it with: DROP DATABASE ${name} WITH (FORCE))`);
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
};
process.once('SIGINT', () => {
  log(`interrupted: dropping ${name}`);
  cleanup().finally(() => process.exit(130));
});

try {
  log(`bench:incoming on ${name}: ${JSON.stringify({ scale: SCALE, ...sizes, registrations: REGISTRATIONS })}`);
  db = await Database.openPostgres(url.toString(), config.databasePoolSize);
  await db.migrate();
  await seedDemo(db, { fixedPasswords: true });
  gen = new pg.Client({ connectionString: url.toString() });
  await gen.connect();
  const g = gen;

  log('generating…');
  const t0 = performance.now();
  const { steps, rows } = await generate(g, sizes, log);
  const generatedMs = Math.round(performance.now() - t0);
  log(`generated in ${(generatedMs / 1000).toFixed(1)} s: ${JSON.stringify(rows)}`);

  // Who to measure as: the leader and the handler whose boxes are closest to 40 documents.
  const one = async <T>(text: string, params: unknown[] = []) => (await g.query(text, params)).rows[0] as T;
  const leader = await one<{ username: string; n: number }>(`
    SELECT u.username, count(*)::int AS n FROM incoming_assignments x
    JOIN incoming_documents d ON d.id = x.document_id JOIN users u ON u.id = x.user_id
    WHERE x.role = 'director' AND x.state = 'pending' AND d.status IN ('new', 'presented', 'in_progress')
    GROUP BY u.username ORDER BY abs(count(*) - 40), u.username LIMIT 1`);
  const handler = await one<{ username: string; n: number }>(`
    SELECT u.username, count(*)::int AS n FROM incoming_assignments x
    JOIN incoming_documents d ON d.id = x.document_id JOIN users u ON u.id = x.user_id
    WHERE x.role IN ('lead', 'co') AND x.state IN ('pending', 'in_progress', 'delegated') AND d.status = 'in_progress'
    GROUP BY u.username ORDER BY abs(count(*) - 40), u.username LIMIT 1`);
  const clerk = await one<{ username: string; n: number; unit_id: string }>(`
    SELECT u.username, d.unit_id, count(*)::int AS n FROM incoming_documents d
    JOIN units un ON un.id = d.unit_id JOIN users u ON u.id = d.created_by
    WHERE un.code LIKE 'BENCH%' GROUP BY u.username, d.unit_id ORDER BY count(*) DESC, u.username LIMIT 1`);
  const tsq = subjectQuery(SEARCH);
  const matches = await one<{ all: number; clerk: number }>(
    `SELECT count(*)::int AS all, count(*) FILTER (WHERE unit_id = $2)::int AS clerk
     FROM incoming_documents WHERE subject_search @@ to_tsquery('simple', $1)`,
    [tsq, clerk.unit_id],
  );
  log(`leader ${leader.username} (${leader.n} waiting), handler ${handler.username} (${handler.n} open parts),`);
  log(
    `clerk ${clerk.username} (${clerk.n} documents); "${SEARCH}" matches ${matches.all} (${matches.clerk} in the school)`,
  );

  const loginAs = [leader.username, handler.username, clerk.username, REGISTER_CLERK];
  await g.query(`UPDATE users SET password_hash = $1 WHERE username = ANY($2)`, [
    await hashPassword(DEMO_PASSWORD),
    loginAs,
  ]);

  app = await buildApp({ config, db });
  await app.ready();
  const server = app;
  const login = async (username: string) => {
    const res = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return `co_session=${res.cookies.find((c) => c.name === 'co_session')?.value}`;
  };

  const measure = async (username: string, path: string) => {
    const cookie = await login(username);
    const get = async () => {
      const s = performance.now();
      const res = await server.inject({ method: 'GET', url: path, headers: { cookie } });
      const t = performance.now() - s;
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return { t, body: res.json() as { total: number; items: unknown[] } };
    };
    for (let i = 0; i < WARMUP; i++) await get();
    const times: number[] = [];
    let last = { total: 0, items: [] as unknown[] };
    for (let i = 0; i < RUNS; i++) {
      const r = await get();
      times.push(r.t);
      last = r.body;
    }
    times.sort((a, b) => a - b);
    return { user: username, p50: pct(times, 50), p95: pct(times, 95), total: last.total, rows: last.items.length };
  };

  log('measuring lists…');
  const q = encodeURIComponent(SEARCH);
  const leaderDirectFirstPage = await measure(leader.username, '/api/incoming/box/direct?page=1&pageSize=20');
  const handlerHandleFirstPage = await measure(handler.username, '/api/incoming/box/handle?page=1&pageSize=20');
  const searchAsRootLeader = await measure('truongphong', `/api/incoming?q=${q}&page=1&pageSize=20`);
  const searchAsSchoolClerk = await measure(clerk.username, `/api/incoming?q=${q}&page=1&pageSize=20`);
  const leaderBoxCounts = await (async () => {
    const cookie = await login(leader.username);
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const s = performance.now();
      const res = await server.inject({ method: 'GET', url: '/api/incoming/boxes', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`boxes: ${res.statusCode}`);
      if (i >= WARMUP) times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    return { user: leader.username, p50: pct(times, 50), p95: pct(times, 95) };
  })();
  log(JSON.stringify({ leaderDirectFirstPage, handlerHandleFirstPage, searchAsRootLeader, searchAsSchoolClerk }));

  if (EXPLAIN) await explainAll(g, { leader: leader.username, handler: handler.username, clerk: clerk.username });

  // Concurrent registration: CLIENTS sessions of the clerk of a unit without documents this year.
  log(`registering ${REGISTRATIONS} documents from ${CLIENTS} clients…`);
  const cookies: string[] = [];
  for (let i = 0; i < CLIENTS; i++) cookies.push(await login(REGISTER_CLERK));
  const refs = await one<{ type_id: string; organ_id: string; unit_id: string }>(`
    SELECT (SELECT id FROM document_types WHERE name = 'Công văn') AS type_id,
      (SELECT id FROM issuing_organs ORDER BY name_key LIMIT 1) AS organ_id,
      (SELECT id FROM units WHERE code = '${REGISTER_UNIT_CODE}') AS unit_id`);
  const today = vnDate(new Date());
  let next = 0;
  const failures: Record<string, number> = {};
  const latencies: number[] = [];
  const tReg = performance.now();
  await Promise.all(
    cookies.map(async (cookie) => {
      while (next < REGISTRATIONS) {
        const i = next++;
        const s = performance.now();
        const res = await server.inject({
          method: 'POST',
          url: '/api/incoming',
          headers: { cookie },
          payload: {
            documentTypeId: refs.type_id,
            issuingOrganId: refs.organ_id,
            codeNumber: String(i + 1),
            codeNotation: 'PGDĐT-GDTX',
            issuedDate: today,
            subject: `Công văn về việc triển khai công tác xóa mù chữ năm ${today.slice(0, 4)} (đợt ${i + 1})`,
          },
        });
        latencies.push(performance.now() - s);
        if (res.statusCode !== 201) failures[res.statusCode] = (failures[res.statusCode] ?? 0) + 1;
      }
    }),
  );
  const wallMs = performance.now() - tReg;
  latencies.sort((a, b) => a - b);
  const numbers = (
    await g.query<{ n: number }>(
      `SELECT d.arrival_number AS n FROM incoming_documents d JOIN registers r ON r.id = d.register_id
       WHERE r.unit_id = $1 AND r.kind = 'incoming' AND r.year = $2 AND NOT r.secret`,
      [refs.unit_id, vnYear(new Date())],
    )
  ).rows.map((r) => Number(r.n));
  const distinct = new Set(numbers);
  let gaps = 0;
  for (let k = 1; k <= REGISTRATIONS; k++) if (!distinct.has(k)) gaps++;
  const outside = [...distinct].filter((k) => k < 1 || k > REGISTRATIONS).length;
  const lastNumber = Number(
    (
      await one<{ n: number } | undefined>(
        `SELECT last_number AS n FROM registers WHERE unit_id = $1 AND kind = 'incoming' AND year = $2 AND NOT secret`,
        [refs.unit_id, vnYear(new Date())],
      )
    )?.n ?? 0,
  );
  const register = {
    clients: CLIENTS,
    documents: REGISTRATIONS,
    registered: numbers.length,
    failures,
    wallMs: Math.round(wallMs),
    perSecond: ms((numbers.length * 1000) / wallMs),
    requestP50: pct(latencies, 50),
    requestP95: pct(latencies, 95),
    numbersExact: numbers.length === REGISTRATIONS && distinct.size === REGISTRATIONS && gaps === 0 && outside === 0,
    duplicates: numbers.length - distinct.size,
    gaps,
    lastNumber,
  };
  log(JSON.stringify(register));

  const result = {
    scale: SCALE,
    ...sizes,
    runs: RUNS,
    generatedMs,
    generationSteps: steps,
    rows,
    search: {
      q: SEARCH,
      matches: matches.all,
      sharePercent: Math.round((matches.all * 10000) / rows.documents) / 100,
      schoolMatches: matches.clerk,
    },
    leaderDirectFirstPage,
    handlerHandleFirstPage,
    searchAsRootLeader,
    searchAsSchoolClerk,
    leaderBoxCounts,
    register,
    targets: TARGETS,
    pass: {
      lists: leaderDirectFirstPage.p95 <= TARGETS.listP95Ms && handlerHandleFirstPage.p95 <= TARGETS.listP95Ms,
      search: searchAsRootLeader.p95 <= TARGETS.searchP95Ms && searchAsSchoolClerk.p95 <= TARGETS.searchP95Ms,
      numbers: register.numbersExact,
    },
  };
  console.log(JSON.stringify(result));
} finally {
  await cleanup();
}

/** The Actor of a user as the session resolver builds it (unit, path, widest scope per permission). */
async function actorOf(c: pg.Client, username: string): Promise<Actor> {
  const r = (
    await c.query(
      `SELECT u.id, u.username, u.full_name, u.unit_id, un.path,
         COALESCE((SELECT json_agg(json_build_object('p', gp.permission, 's', ug.scope))
           FROM user_groups ug JOIN groups g ON g.id = ug.group_id AND g.active
           JOIN group_permissions gp ON gp.group_id = ug.group_id WHERE ug.user_id = u.id), '[]'::json) AS perms
       FROM users u JOIN units un ON un.id = u.unit_id WHERE u.username = $1`,
      [username],
    )
  ).rows[0];
  return {
    userId: r.id,
    username: r.username,
    fullName: r.full_name,
    unitId: r.unit_id,
    unitPath: r.path,
    sessionId: '',
    locale: 'vi',
    mustChangePassword: false,
    permissions: foldPermissions(r.perms),
    onBehalfOf: null,
  };
}

/**
 * Prints EXPLAIN (ANALYZE, BUFFERS) of the SQL the lists repository sends for each measured
 * request (page query and count query), captured from the repository itself with a stand-in
 * database so the shapes cannot drift from the code.
 */
async function explainAll(c: pg.Client, who: { leader: string; handler: string; clerk: string }) {
  const captured: SQL[] = [];
  const fake = {
    rows: async (q: SQL) => {
      captured.push(q);
      return [{ n: 0 }];
    },
  } as unknown as Database;
  const repo = new IncomingListsRepository(fake);
  const dialect = new PgDialect();
  const today = vnDate(new Date());
  const cases: [string, () => Promise<unknown>][] = [
    [
      `box direct as ${who.leader}`,
      async () => {
        const a = await actorOf(c, who.leader);
        await repo.box('direct', {
          viewer: a.userId,
          classifyScope: classifyScopeSql(a),
          today,
          page: 1,
          pageSize: 20,
        });
      },
    ],
    [
      `box handle as ${who.handler}`,
      async () => {
        const a = await actorOf(c, who.handler);
        await repo.box('handle', {
          viewer: a.userId,
          classifyScope: classifyScopeSql(a),
          today,
          page: 1,
          pageSize: 20,
        });
      },
    ],
    ...['truongphong', who.clerk].map((u): [string, () => Promise<unknown>] => [
      `search "${SEARCH}" as ${u}`,
      async () => {
        const a = await actorOf(c, u);
        await repo.search(ZIncomingSearch.parse({ q: SEARCH }), { viewer: a.userId, visible: visibleSql(a), today });
      },
    ]),
  ];
  for (const [title, run] of cases) {
    captured.length = 0;
    await run();
    for (const [i, q] of captured.entries()) {
      const { sql: text, params } = dialect.sqlToQuery(q);
      const plan = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      console.log(`\n=== ${title} — ${i === 0 ? 'page' : 'count'} ===`);
      console.log(text.replace(/\s+/g, ' ').trim());
      console.log(`-- params: ${JSON.stringify(params)}`);
      for (const row of plan.rows) console.log(row['QUERY PLAN']);
    }
  }
}
