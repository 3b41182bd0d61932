/**
 * npm run bench:realtime — an announcement to 1,000 people connected to one app instance.
 *
 * Creates a throw-away database on the PostgreSQL server of DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test, used only to create and drop `co_bench_*`), migrates
 * it, seeds the demo organisation and --clients users sharing one password hash, then starts the
 * real server (`node --import tsx server/main.ts`) in a child process so that its memory is its
 * own. Every user signs in over HTTP and opens a WebSocket to /api/realtime; once every socket
 * has its first `badges` message, this process sends --rounds announcements through the path
 * every notification takes: `Notifier.notify(all ids, …)` inside a transaction (kept
 * notifications, then the real-time message published through PostgreSQL NOTIFY in chunks of
 * 120 users on commit), which the server's LISTEN connection receives and writes to its sockets.
 * Delivery time = arrival of the `notification` frame at the client − the moment just before
 * COMMIT (both clocks are this process's). The server's memory is its RSS (/proc/<pid>/status),
 * idle and with every socket open each read after a full garbage collection asked for through
 * the server's inspector (--inspect on a random local port), and sampled every 20 ms during the
 * announcements for the peak. Prints one JSON object on the last line of stdout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import type { TRealtimeMessage } from '../contracts/badges';
import { seedDemo } from '../server/db/seed-demo';
import { hashPassword } from '../server/platform/auth/password';
import { SESSION_COOKIE } from '../server/platform/auth/session-token';
import { systemClock } from '../server/platform/clock';
import { Database } from '../server/platform/db/database';
import { Notifier } from '../server/platform/notify/notifier';
import { BadgeService } from '../server/platform/realtime/badges';
import { RealtimeHub } from '../server/platform/realtime/hub';
import { SettingsRepository } from '../server/platform/settings/settings.repository';
import { SettingsService } from '../server/platform/settings/settings.service';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 1000);
const ROUNDS = arg('rounds', 20);
const PORT = arg('port', 3190);
/** Announcements start this many ms apart (later when a delivery takes longer). */
const GAP_MS = arg('gap', 500);
/** A round whose messages have not all arrived after this long counts the rest as missing. */
const ROUND_TIMEOUT_MS = arg('timeout', 10_000);
const LOGIN_CONCURRENCY = 8;
const CONNECT_CONCURRENCY = 50;
const TARGET_P99_MS = 250;
const PASSWORD = 'Bench@2026-realtime';
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const progress = (text: string) => process.stderr.write(`[bench:realtime] ${text}\n`);

/** The part of the `ws` client used here (`ws` comes with @fastify/websocket; its types are not installed). */
interface WsClient {
  on(event: 'open', cb: () => void): this;
  on(event: 'message', cb: (data: Buffer) => void): this;
  on(event: 'close', cb: (code: number) => void): this;
  on(event: 'error', cb: (err: Error) => void): this;
  send(text: string): void;
  close(): void;
  terminate(): void;
}
type WsClientClass = new (
  url: string,
  opts: { headers?: Record<string, string>; perMessageDeflate: boolean; handshakeTimeout: number },
) => WsClient;
const WebSocketClient = createRequire(import.meta.url)('ws') as WsClientClass;

/** One signed-in user with an open real-time socket. */
interface Client {
  ws: WsClient;
  /** performance.now() at which announcement r arrived; NaN while it has not. */
  arrivals: Float64Array;
}

const percentiles = (values: number[]) => {
  const v = [...values].sort((a, b) => a - b);
  const at = (p: number) => (v.length ? round1(v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)]) : null);
  return { p50: at(50), p95: at(95), p99: at(99), max: v.length ? round1(v[v.length - 1]) : null };
};
const round1 = (n: number) => Math.round(n * 10) / 10;
const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** Resident memory of a process in kB (VmRSS), or VmHWM for the high-water mark. */
function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`no ${field} for process ${pid}`);
  return Number(m[1]);
}

/**
 * The server's V8 inspector (it runs with --inspect on a free port): a full garbage collection
 * before each quiet measurement, so that "idle" and "connected" compare live memory rather than
 * whatever garbage happened to be waiting. Never used while announcements are being delivered.
 */
class Inspector {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly ws: WsClient) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result);
    });
  }

  static connect(url: string): Promise<Inspector> {
    const ws = new WebSocketClient(url, { perMessageDeflate: false, handshakeTimeout: 10_000 });
    return new Promise((resolve, reject) => {
      ws.on('open', () => resolve(new Inspector(ws)));
      ws.on('error', reject);
    });
  }

  call<T>(method: string): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (result) => {
        this.waiting.delete(id);
        resolve(result as T);
      });
      this.ws.send(JSON.stringify({ id, method }));
    });
  }

  /** Collects garbage, then returns the JS heap in use (kB) and the process's RSS (kB). */
  async settled(pid: number): Promise<{ heapKb: number; rssKb: number }> {
    await this.call('HeapProfiler.collectGarbage');
    await sleep(200);
    const heap = await this.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return { heapKb: heap.usedSize / 1024, rssKb: procKb(pid, 'VmRSS') };
  }

  close(): void {
    this.ws.close();
  }
}

/** Runs fn over items with at most `limit` at a time. */
async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use: pass --port N`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Starts the real server as a child process and waits until /api/health answers. */
async function startServer(
  databaseUrl: string,
  dataDir: string,
): Promise<{ child: ChildProcess; inspectorUrl: Promise<string> }> {
  await assertPortFree(PORT);
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_SEED: 'auto',
      DEMO_PASSWORDS_FIXED: '1',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's output goes to stderr: stdout's last line is the result.
  const relay = (d: Buffer) => process.stderr.write(d.toString().replace(/^(?=.)/gm, '[server] '));
  child.stdout?.on('data', relay);
  let inspectorFound: (url: string) => void = () => undefined;
  const inspectorUrl = new Promise<string>((resolve) => {
    inspectorFound = resolve;
  });
  let errText = '';
  child.stderr?.on('data', (d: Buffer) => {
    relay(d);
    errText += d.toString();
    const m = /Debugger listening on (ws:\/\/\S+)/.exec(errText);
    if (m) inspectorFound(m[1]);
  });
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.ok) return { child, inspectorUrl };
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('server did not start in 120 s');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Signs a user in over HTTP and returns the session cookie. */
async function login(username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie.split(';')[0];
}

const name = `co_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const databaseUrl = url.toString();
const dataDir = mkdtempSync(path.join(tmpdir(), 'co-bench-realtime-'));
const db = await Database.openPostgres(databaseUrl, 4);
let server: ChildProcess | null = null;
let inspector: Inspector | null = null;
const clients: Client[] = [];
let stopping = false;
const cleanup = async () => {
  if (stopping) return;
  stopping = true;
  for (const c of clients) c.ws.terminate();
  inspector?.close();
  if (server) await stopServer(server).catch(() => undefined);
  await db.close().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  progress(`database ${name}: migrating, seeding the demo organisation and ${CLIENTS} users`);
  await db.migrate();
  await seedDemo(db, { fixedPasswords: true });
  // One argon2 hash for everybody: hashing 1,000 passwords would only slow the set-up.
  const passwordHash = await hashPassword(PASSWORD);
  await db.rows(sql`
    INSERT INTO users (id, username, full_name, sort_key, unit_id, password_hash, email)
    SELECT gen_random_uuid(), 'bench.' || lpad(g::text, 5, '0'), 'Cán bộ thử nghiệm ' || g,
           'thu nghiem ' || lpad(g::text, 5, '0'), r.id, ${passwordHash}, 'bench' || g || '@anminh.edu.vn'
    FROM generate_series(1, ${CLIENTS}) g
    CROSS JOIN (SELECT id FROM units WHERE parent_id IS NULL) r`);
  await db.rows(sql`
    INSERT INTO user_preferences (user_id) SELECT id FROM users WHERE username LIKE 'bench.%'`);
  const users = await db.rows<{ id: string; username: string }>(
    sql`SELECT id, username FROM users WHERE username LIKE 'bench.%' ORDER BY username`,
  );
  const userIds = users.map((u) => u.id);

  progress(`starting the server on port ${PORT}`);
  const started = await startServer(databaseUrl, dataDir);
  server = started.child;
  const pid = server.pid as number;
  inspector = await Inspector.connect(await started.inspectorUrl);
  const idle = await inspector.settled(pid);
  progress(`server pid ${pid} up, RSS ${mb(idle.rssKb)} MB, JS heap ${mb(idle.heapKb)} MB`);

  progress(`signing in ${CLIENTS} users`);
  const loginStart = performance.now();
  const cookies = await inParallel(users, LOGIN_CONCURRENCY, (u) => login(u.username));
  const loginMs = performance.now() - loginStart;

  progress(`opening ${CLIENTS} WebSockets`);
  let pending: { round: number; remaining: number; done: () => void } | null = null;
  let delivered = 0;
  let duplicates = 0;
  let unexpected = 0;
  let closedEarly = 0;
  const connectStart = performance.now();
  const socketMs = await inParallel(cookies, CONNECT_CONCURRENCY, async (cookie) => {
    const s = performance.now();
    const arrivals = new Float64Array(ROUNDS).fill(Number.NaN);
    const ws = new WebSocketClient(`ws://127.0.0.1:${PORT}/api/realtime`, {
      headers: { cookie },
      perMessageDeflate: false,
      handshakeTimeout: 30_000,
    });
    clients.push({ ws, arrivals });
    await new Promise<void>((resolve, reject) => {
      let ready = false;
      ws.on('message', (data) => {
        const at = performance.now();
        const msg = JSON.parse(data.toString()) as TRealtimeMessage;
        if (msg.type === 'badges') {
          if (!ready) {
            ready = true;
            resolve();
          }
          return;
        }
        if (msg.type !== 'notification') {
          unexpected++;
          return;
        }
        const r = Number(/#(\d+)$/.exec(msg.title)?.[1] ?? -1);
        if (r < 0 || r >= ROUNDS) {
          unexpected++;
          return;
        }
        if (!Number.isNaN(arrivals[r])) {
          duplicates++;
          return;
        }
        arrivals[r] = at;
        delivered++;
        if (pending && pending.round === r && --pending.remaining === 0) pending.done();
      });
      ws.on('error', (err) => {
        if (!ready) reject(err);
      });
      ws.on('close', (code) => {
        if (!ready) reject(new Error(`socket closed before its badges (${code})`));
        else if (!stopping) closedEarly++;
      });
    });
    return performance.now() - s;
  });
  const connectMs = performance.now() - connectStart;
  const connected = await inspector.settled(pid);
  progress(
    `all ${CLIENTS} connected in ${Math.round(connectMs)} ms, server RSS ${mb(connected.rssKb)} MB, JS heap ${mb(connected.heapKb)} MB`,
  );

  // The announcing side: the Notifier of the platform, on its own connection to the same database.
  const settings = new SettingsService(new SettingsRepository(db), systemClock);
  const hub = new RealtimeHub(db, new BadgeService(), Fastify({ logger: false }).log);
  const notifier = new Notifier(db, hub, settings);

  let peakKb = connected.rssKb;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, procKb(pid, 'VmRSS'));
  }, 20);
  const deliveries: number[] = [];
  const fromCall: number[] = [];
  const notifyCallMs: number[] = [];
  const commitMs: number[] = [];
  let missing = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const allArrived = new Promise<void>((done) => {
      pending = { round: r, remaining: CLIENTS, done };
    });
    const start = performance.now();
    let beforeCommit = 0;
    await db.transaction(async () => {
      await notifier.notify(userIds, {
        kind: 'announcement',
        title: `Thông báo thử nghiệm #${r}`,
        body: 'Kính gửi toàn thể cán bộ: lịch họp giao ban tháng được dời sang 14 giờ thứ Sáu.',
        link: '/announcements',
      });
      beforeCommit = performance.now();
    });
    const committed = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      allArrived.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), ROUND_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    pending = null;
    let last = 0;
    for (const c of clients) {
      const at = c.arrivals[r];
      if (Number.isNaN(at)) {
        missing++;
        continue;
      }
      deliveries.push(at - beforeCommit);
      fromCall.push(at - start);
      last = Math.max(last, at - beforeCommit);
    }
    notifyCallMs.push(beforeCommit - start);
    commitMs.push(committed - beforeCommit);
    progress(
      `round ${r + 1}/${ROUNDS}: notify() ${Math.round(beforeCommit - start)} ms, commit ${Math.round(committed - beforeCommit)} ms, last arrival ${Math.round(last)} ms after commit${timedOut ? ' (TIMED OUT)' : ''}`,
    );
    await sleep(Math.max(0, GAP_MS - (performance.now() - start)));
  }
  clearInterval(sampler);
  const after = await inspector.settled(pid);
  const hwmKb = procKb(pid, 'VmHWM');

  const delivery = percentiles(deliveries);
  const result = {
    clients: CLIENTS,
    rounds: ROUNDS,
    path: 'Notifier.notify(all user ids) in a transaction -> pg_notify per 120 users on commit -> server LISTEN -> WebSocket',
    notifiesPerAnnouncement: Math.ceil(CLIENTS / 120),
    expected: CLIENTS * ROUNDS,
    delivered,
    missing,
    duplicates,
    unexpected,
    closedEarly,
    deliveryMs: delivery,
    fromNotifyCallMs: percentiles(fromCall),
    notifyCallMs: percentiles(notifyCallMs),
    commitMs: percentiles(commitMs),
    loginMs: Math.round(loginMs),
    connectMs: Math.round(connectMs),
    socketConnectMs: percentiles(socketMs),
    serverRssMb: {
      idle: mb(idle.rssKb),
      connected: mb(connected.rssKb),
      peakDuringDelivery: mb(peakKb),
      afterDelivery: mb(after.rssKb),
      highWaterMark: mb(hwmKb),
    },
    serverJsHeapMb: {
      idle: mb(idle.heapKb),
      connected: mb(connected.heapKb),
      afterDelivery: mb(after.heapKb),
      perConnectionKb: Math.round(((connected.heapKb - idle.heapKb) / CLIENTS) * 10) / 10,
    },
    benchProcessRssMb: mb(process.memoryUsage().rss / 1024),
    targetP99Ms: TARGET_P99_MS,
    pass: delivered === CLIENTS * ROUNDS && duplicates === 0 && (delivery.p99 ?? Infinity) <= TARGET_P99_MS,
  };
  await cleanup();
  console.log(JSON.stringify(result));
} catch (err) {
  await cleanup();
  throw err;
}
