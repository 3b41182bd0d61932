/**
 * npm run bench:registers — printing a register of 10,000 rows (issue 6: under 10 s).
 *
 * 1. Renders the widest register (Sổ đăng ký văn bản đến, 10 columns) with --rows (10,000)
 *    generated rows of realistic Vietnamese text, as PDF and as XLSX, in this process: wall
 *    time and CPU time of each, --runs times.
 * 2. The same through the render worker the server uses (RenderPool: rows go to a worker
 *    thread, the file comes back).
 * 3. End to end through the HTTP API on an embedded database (PGlite, in memory): --rows
 *    incoming documents of one school written with SQL, then the clerk's
 *    GET /api/reports/registers/incoming-register/file?format=pdf|xlsx — query, rows, render,
 *    answer — as the browser waits for it.
 * Progress goes to stderr; the figures are one JSON object on the last line of stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { vnDate } from '../contracts/calendar';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { DEMO_PASSWORD, seedDemo } from '../server/db/seed-demo';
import { renderRegisterPdf } from '../server/modules/reports/render/register-pdf';
import type { RegisterCell, RegisterDocument } from '../server/modules/reports/render/register-specs';
import { renderRegisterXlsx } from '../server/modules/reports/render/register-xlsx';
import { RenderPool } from '../server/modules/reports/render/render-pool';
import { SESSION_COOKIE } from '../server/platform/auth/session-token';
import { Database } from '../server/platform/db/database';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
};
const ROWS = Math.round(arg('rows', 10_000));
const RUNS = Math.round(arg('runs', 3));
const LIMIT_MS = 10_000;
const log = (...a: unknown[]) => console.error(...a);

const ORGANS = [
  'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
  'Ủy ban nhân dân huyện An Minh',
  'Phòng Tài chính – Kế hoạch huyện An Minh',
  'Bảo hiểm xã hội huyện An Minh',
  'Huyện ủy An Minh',
  'Trung tâm Y tế huyện An Minh',
];
const TYPES = ['Kế hoạch', 'Công văn', 'Quyết định', 'Thông báo', 'Hướng dẫn', 'Báo cáo', 'Giấy mời'];
const TOPICS = [
  'tổ chức Hội khỏe Phù Đổng cấp huyện năm học 2025–2026',
  'về việc hướng dẫn đánh giá, xếp loại học sinh cuối học kỳ I',
  'thành lập Ban chỉ đạo phổ cập giáo dục, xóa mù chữ',
  'lịch tập huấn ứng dụng công nghệ thông tin trong dạy học',
  'triển khai công tác phòng, chống dịch bệnh trong trường học',
  'về việc kiểm tra công tác tuyển sinh đầu cấp',
  'tổng kết phong trào thi đua “Dạy tốt – Học tốt”',
];
const PEOPLE = ['Lâm Quốc Bảo', 'Dương Thị Yến (chủ trì)', 'Trịnh Minh Khoa (phối hợp)', 'Hồ Thị Cẩm Tú (để biết)'];

/** `n` rows of the incoming register, numbered 1..n over the year. */
function rows(n: number): RegisterCell[][] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2026, 0, 1) + Math.floor((i / n) * 364) * 86_400_000).toISOString().slice(0, 10);
    return [
      d,
      i + 1,
      ORGANS[i % ORGANS.length],
      `${(i % 900) + 1}/${['KH', 'SGDĐT', 'QĐ-UBND', 'TB-PGDĐT'][i % 4]}`,
      d,
      `${TYPES[i % TYPES.length]} ${TOPICS[(i * 7) % TOPICS.length]}`,
      PEOPLE[i % PEOPLE.length],
      d,
      null,
      i % 50 === 49 ? 'Đã hủy: vào sổ nhầm' : null,
    ];
  });
}

function document(n: number): RegisterDocument {
  return {
    kind: 'incoming-register',
    organName: 'Phòng Giáo dục và Đào tạo huyện An Minh',
    unitName: 'Trường THCS An Minh',
    secret: false,
    year: 2026,
    from: '2026-01-01',
    to: '2026-12-31',
    numbers: { first: 1, last: n },
    printedAt: new Date().toISOString(),
    rows: rows(n),
  };
}

interface Timing {
  wallMs: number;
  cpuMs: number;
  bytes: number;
}

async function time(fn: () => Promise<Buffer>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  const wallMs = Math.round(performance.now() - t0);
  const c = process.cpuUsage(cpu);
  return { wallMs, cpuMs: Math.round((c.user + c.system) / 1000), bytes: out.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function repeat(label: string, fn: () => Promise<Buffer>) {
  const runs: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await time(fn);
    log(`${label} run ${i + 1}: ${t.wallMs} ms wall, ${t.cpuMs} ms CPU, ${(t.bytes / 1e6).toFixed(1)} MB`);
    runs.push(t);
  }
  return {
    medianWallMs: median(runs.map((r) => r.wallMs)),
    maxWallMs: Math.max(...runs.map((r) => r.wallMs)),
    medianCpuMs: median(runs.map((r) => r.cpuMs)),
    bytes: runs[0].bytes,
  };
}

/** The HTTP path on an embedded database: `n` documents of THCS An Minh, printed by its clerk. */
async function endToEnd(n: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'co-bench-registers-'));
  const db = await Database.openPglite();
  try {
    await db.migrate();
    await seedDemo(db, { fixedPasswords: true });
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: '/nonexistent',
      DATA_DIR: dataDir,
    } as NodeJS.ProcessEnv);
    const app = await buildApp({ config, db });
    await app.ready();
    const today = vnDate(new Date());
    const year = Number(today.slice(0, 4));
    const [u] = await db.rows<{ id: string; path: string }>(sql`SELECT id, path FROM units WHERE code = 'THCSAM'`);
    const [clerk] = await db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'thcs.vanthu'`);
    const [type] = await db.rows<{ id: string }>(sql`SELECT id FROM document_types WHERE name = 'Công văn'`);
    const [reg] = await db.rows<{ id: string }>(sql`
      INSERT INTO registers (id, unit_id, kind, year, secret, name, last_number)
      VALUES (gen_random_uuid(), ${u.id}::uuid, 'incoming', ${year}, false, 'Sổ đến', ${n}) RETURNING id`);
    const t0 = performance.now();
    await db.rows(sql`
      INSERT INTO incoming_documents (id, unit_id, unit_path, register_id, year, arrival_number, arrival_at,
        issuing_organ_name, document_type_id, code_number, code_notation, issued_date, subject, notes, created_by)
      SELECT gen_random_uuid(), ${u.id}::uuid, ${u.path}, ${reg.id}::uuid, ${year}, g,
        (${`${year}-01-01`}::date + ((g - 1) * 364 / ${n}) * interval '1 day' + interval '2 hours')::timestamptz,
        (ARRAY[${sql.join(
          ORGANS.map((o) => sql`${o}`),
          sql`, `,
        )}])[1 + g % ${ORGANS.length}],
        ${type.id}::uuid, (g % 900 + 1)::text, 'SGDĐT-GDTrH', ${`${year}-01-01`}::date,
        'Công văn ' || (ARRAY[${sql.join(
          TOPICS.map((o) => sql`${o}`),
          sql`, `,
        )}])[1 + g % ${TOPICS.length}], CASE WHEN g % 50 = 0 THEN 'Bản gốc lưu tại văn thư' END, ${clerk.id}::uuid
      FROM generate_series(1, ${n}) AS g`);
    log(`end to end: ${n} documents written in ${Math.round(performance.now() - t0)} ms`);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'thcs.vanthu', password: DEMO_PASSWORD },
    });
    const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`;
    const url = (format: string) =>
      `/api/reports/registers/incoming-register/file?unitId=${u.id}&from=${year}-01-01&to=${year}-12-31&format=${format}`;
    const out: Record<string, unknown> = {};
    for (const format of ['pdf', 'xlsx']) {
      out[format] = await repeat(`HTTP ${format}`, async () => {
        const res = await app.inject({ method: 'GET', url: url(format), headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        return res.rawPayload;
      });
    }
    await app.close();
    return out;
  } finally {
    await db.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  log(`Register of ${ROWS} rows, ${RUNS} runs each`);
  const doc = document(ROWS);
  // A first small render loads the fonts and warms the code paths.
  await renderRegisterPdf(document(50));
  const inProcess = {
    pdf: await repeat('in-process PDF', () => renderRegisterPdf(doc)),
    xlsx: await repeat('in-process XLSX', () => renderRegisterXlsx(doc)),
  };
  const pool = new RenderPool();
  await pool.run({ type: 'register', format: 'pdf', doc: document(50) });
  const worker = {
    pdf: await repeat('worker PDF', () => pool.run({ type: 'register', format: 'pdf', doc })),
    xlsx: await repeat('worker XLSX', () => pool.run({ type: 'register', format: 'xlsx', doc })),
  };
  await pool.close();
  const http = await endToEnd(ROWS);
  const worst = Math.max(
    ...[inProcess.pdf, inProcess.xlsx, worker.pdf, worker.xlsx].map((r) => r.medianWallMs),
    ...Object.values(http).map((r) => (r as { medianWallMs: number }).medianWallMs),
  );
  console.log(
    JSON.stringify({
      rows: ROWS,
      runs: RUNS,
      limitMs: LIMIT_MS,
      pass: worst < LIMIT_MS,
      inProcess,
      worker,
      http,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
