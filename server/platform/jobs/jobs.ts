import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { Database, Unlisten } from '../db/database';
import { uuidv7 } from '../db/ids';

const WAKE_CHANNEL = 'co_jobs';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same key while one is pending is ignored. */
  uniqueKey?: string;
}

export interface JobRecord {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export type JobHandler = (job: JobRecord) => Promise<void>;

/**
 * Durable jobs in PostgreSQL. `enqueue` joins the caller's transaction, so a job exists
 * exactly when the change that asked for it committed.
 */
export class JobQueue {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async enqueue(kind: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string | null> {
    const id = uuidv7();
    const runAt = opts.runAt ?? this.clock.now();
    const rows = await this.db.rows(sql`
      INSERT INTO jobs (id, kind, payload, run_at, max_attempts, unique_key)
      VALUES (${id}, ${kind}, ${JSON.stringify(payload ?? {})}::jsonb, ${runAt.toISOString()}::timestamptz,
              ${opts.maxAttempts ?? 5}, ${opts.uniqueKey ?? null})
      ON CONFLICT (unique_key) WHERE status IN ('queued','running') DO NOTHING
      RETURNING id`);
    if (rows.length === 0) return null;
    await this.db.q.execute(sql`SELECT pg_notify(${WAKE_CHANNEL}, '')`);
    return id;
  }
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so each runs once however many instances
 * poll; a failure is retried with exponential back-off until maxAttempts, then marked failed.
 * A job left running by a crashed instance is taken again after `staleAfterMs`.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private unlisten: Unlisten | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;
  readonly workerId = `${hostname()}:${process.pid}:${uuidv7().slice(-8)}`;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly opts: { pollMs: number; batchSize?: number; staleAfterMs?: number } = { pollMs: 1000 },
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.db.listen(WAKE_CHANNEL, () => this.kick());
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.();
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.kick(), this.opts.pollMs);
    this.timer.unref();
  }

  private kick(): void {
    if (this.stopped || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.running = this.runDue()
      .catch((err) => {
        this.log.error({ err }, 'job runner failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
        this.schedule();
      });
  }

  /** Claims and runs every job due now; returns how many ran. Tests call it directly. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) return total;
      for (const job of batch) await this.execute(job);
      total += batch.length;
    }
  }

  private async claim(): Promise<JobRecord[]> {
    const now = this.clock.now().toISOString();
    const stale = new Date(this.clock.now().getTime() - (this.opts.staleAfterMs ?? 10 * 60_000)).toISOString();
    const rows = await this.db.rows(sql`
      UPDATE jobs SET status = 'running', locked_by = ${this.workerId}, locked_at = ${now}::timestamptz,
                      attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM jobs
        WHERE (status = 'queued' AND run_at <= ${now}::timestamptz)
           OR (status = 'running' AND locked_at < ${stale}::timestamptz)
        ORDER BY run_at
        LIMIT ${this.opts.batchSize ?? 10}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts`);
    return (rows as Record<string, unknown>[]).map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      payload: r.payload,
      attempts: Number(r.attempts),
      maxAttempts: Number(r.max_attempts),
    }));
  }

  private async execute(job: JobRecord): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job);
      await this.db.q.execute(sql`
        UPDATE jobs SET status = 'done', finished_at = ${this.clock.now().toISOString()}::timestamptz, last_error = NULL
        WHERE id = ${job.id} AND locked_by = ${this.workerId}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.maxAttempts;
      const retryAt = new Date(this.clock.now().getTime() + Math.min(2 ** job.attempts * 1000, 3_600_000));
      this.log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: message }, 'job failed');
      await this.db.q.execute(sql`
        UPDATE jobs SET status = ${final ? 'failed' : 'queued'}, last_error = ${message.slice(0, 2000)},
          run_at = ${retryAt.toISOString()}::timestamptz, locked_by = NULL, locked_at = NULL,
          finished_at = ${final ? this.clock.now().toISOString() : null}::timestamptz
        WHERE id = ${job.id}`);
    }
  }
}
