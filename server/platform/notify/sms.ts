import { sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Database } from '../db/database';
import type { JobHandler, JobQueue } from '../jobs/jobs';
import type { SettingsService } from '../settings/settings.service';

/** Kind of the durable job that hands one SMS of the outbox to the provider. */
export const SMS_JOB = 'sms.send';

/** Tries per message (the job runner backs off exponentially between them). */
export const SMS_MAX_ATTEMPTS = 5;

/** Longest SMS text, in characters. */
export const SMS_TEXT_MAX = 300;

/** How long the HTTP gateway may take to answer. */
export const SMS_HTTP_TIMEOUT_MS = 10_000;

export interface SmsPayload {
  outboxId: string;
}

/** Cuts a text to the SMS length (by characters, not UTF-16 units). */
export function smsText(text: string): string {
  return [...text].slice(0, SMS_TEXT_MAX).join('');
}

/** Fills the gateway's body template; the values are JSON-escaped (the template is usually JSON). */
export function renderSmsBody(template: string, phone: string, text: string): string {
  const esc = (v: string) => JSON.stringify(v).slice(1, -1);
  return template.replaceAll('{{phone}}', esc(phone)).replaceAll('{{text}}', esc(text));
}

/** Queues the sending of these outbox rows (call inside the transaction that created them). */
export async function enqueueSms(jobs: JobQueue, outboxIds: readonly string[]): Promise<void> {
  for (const outboxId of outboxIds) {
    const payload: SmsPayload = { outboxId };
    await jobs.enqueue(SMS_JOB, payload, { maxAttempts: SMS_MAX_ATTEMPTS, uniqueKey: `sms:${outboxId}` });
  }
}

interface OutboxRow {
  id: string;
  address: string;
  body: string;
  status: string;
}

type Outcome = { ok: true } | { ok: false; httpStatus: number | null; error: string };

/**
 * The SMS gateway (job `sms.send`, one per outbox row). The provider is read from the settings at
 * send time: `outbox` leaves the message to other software (the row is marked sent), `http` posts
 * it to the configured URL. Each try is logged in sms_attempts; a failure is counted on the row
 * and thrown so the job runner retries; after the last try the row is `failed`. A row that is no
 * longer pending is never sent again. With SMS switched off the row stays pending.
 */
export function smsHandler(d: {
  db: Database;
  settings: SettingsService;
  clock: Clock;
  fetch?: typeof fetch;
}): JobHandler {
  const doFetch = d.fetch ?? fetch;

  async function deliver(row: OutboxRow, provider: string): Promise<Outcome> {
    if (provider !== 'http') return { ok: true };
    const s = await d.settings.all();
    const url = s['sms.http.url'];
    if (!url) return { ok: false, httpStatus: null, error: 'sms.http.url is not set' };
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (s['sms.http.authHeader']) headers.authorization = s['sms.http.authHeader'];
    try {
      const res = await doFetch(url, {
        method: s['sms.http.method'],
        headers,
        body: renderSmsBody(s['sms.http.bodyTemplate'], row.address, smsText(row.body)),
        signal: AbortSignal.timeout(SMS_HTTP_TIMEOUT_MS),
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { ok: true };
      return { ok: false, httpStatus: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, httpStatus: null, error: (err instanceof Error ? err.message : String(err)).slice(0, 500) };
    }
  }

  return async (job) => {
    const { outboxId } = (job.payload ?? {}) as Partial<SmsPayload>;
    if (typeof outboxId !== 'string') return;
    if (!(await d.settings.get('sms.enabled'))) return;
    const provider = await d.settings.get('sms.provider');
    const [row] = await d.db.rows<OutboxRow>(sql`
      SELECT id, address, body, status FROM outbox_messages WHERE id = ${outboxId}::uuid AND channel = 'sms'`);
    if (row?.status !== 'pending') return;
    // The gateway is called outside any transaction: a slow provider never holds a row lock (nor,
    // on the embedded database, its single connection). One job per row (unique key) and the
    // status check below keep a message from being recorded as sent twice.
    const outcome = await deliver(row, provider);
    const failure = await d.db.transaction(async () => {
      const [locked] = await d.db.rows<{ status: string }>(sql`
        SELECT status FROM outbox_messages WHERE id = ${row.id}::uuid FOR UPDATE`);
      if (locked?.status !== 'pending') return null;
      const now = d.clock.now().toISOString();
      await d.db.rows(sql`
        INSERT INTO sms_attempts (id, outbox_id, at, provider, ok, http_status, error)
        VALUES (gen_random_uuid(), ${row.id}::uuid, ${now}::timestamptz, ${provider}, ${outcome.ok},
                ${outcome.ok ? null : outcome.httpStatus}, ${outcome.ok ? null : outcome.error})`);
      if (outcome.ok) {
        await d.db.rows(sql`
          UPDATE outbox_messages SET status = 'sent', sent_at = ${now}::timestamptz, attempts = attempts + 1,
                 last_error = NULL
          WHERE id = ${row.id}::uuid`);
        return null;
      }
      const final = job.attempts >= job.maxAttempts;
      await d.db.rows(sql`
        UPDATE outbox_messages SET attempts = attempts + 1, last_error = ${outcome.error},
               status = ${final ? 'failed' : 'pending'}
        WHERE id = ${row.id}::uuid`);
      return outcome.error;
    });
    // Thrown after the commit, so the attempt stays logged and the job runner retries.
    if (failure) throw new Error(`sms ${outboxId}: ${failure}`);
  };
}
