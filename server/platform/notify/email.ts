import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Clock } from '../clock';
import type { Database } from '../db/database';
import type { FileStore } from '../files/file-store';
import type { JobHandler, JobQueue } from '../jobs/jobs';
import type { SettingsService } from '../settings/settings.service';

/** Kind of the durable job that sends one email of the outbox. */
export const EMAIL_JOB = 'email.send';
/** Tries per message (the job runner backs off between them). */
export const EMAIL_MAX_ATTEMPTS = 5;
/** Owner type of the files an email of the outbox carries (attachments table). */
export const EMAIL_FILES = 'outbox-email';

/** Queues the sending of these outbox rows (call inside the transaction that created them). */
export async function enqueueEmail(jobs: JobQueue, outboxIds: readonly string[]): Promise<void> {
  for (const outboxId of outboxIds)
    await jobs.enqueue(EMAIL_JOB, { outboxId }, { maxAttempts: EMAIL_MAX_ATTEMPTS, uniqueKey: `email:${outboxId}` });
}

interface OutboxRow {
  id: string;
  address: string;
  subject: string | null;
  body: string;
  status: string;
}

/**
 * The email sender (job `email.send`, one per outbox row). With the provider `outbox` the row
 * stays for other software to send; with `smtp` it is sent through the SMTP server of the
 * settings with its files (documents sent to outside organs). A failure is counted on the row and
 * thrown so the job runner retries; after the last try the row is `failed`. The SMTP exchange
 * runs outside any transaction; a row no longer pending is never sent again.
 */
export function emailHandler(d: {
  db: Database;
  settings: SettingsService;
  clock: Clock;
  store: FileStore;
}): JobHandler {
  return async (job) => {
    const { outboxId } = (job.payload ?? {}) as { outboxId?: string };
    if (typeof outboxId !== 'string') return;
    const s = await d.settings.all();
    if (s['email.provider'] !== 'smtp') return;
    const [row] = await d.db.rows<OutboxRow>(sql`
      SELECT id, address, subject, body, status FROM outbox_messages WHERE id = ${outboxId}::uuid AND channel = 'email'`);
    if (row?.status !== 'pending') return;
    const files = await d.db.rows<{ name: string; mime: string; sha256: string }>(sql`
      SELECT f.name, f.mime, f.sha256 FROM attachments a JOIN files f ON f.id = a.file_id
      WHERE a.owner_type = ${EMAIL_FILES} AND a.owner_id = ${row.id}::uuid AND a.removed_at IS NULL
      ORDER BY a.sort_order, a.created_at`);
    let error: string | null = null;
    try {
      const transport = nodemailer.createTransport({
        host: s['email.smtp.host'],
        port: s['email.smtp.port'],
        secure: s['email.smtp.secure'],
        auth: s['email.smtp.user'] ? { user: s['email.smtp.user'], pass: s['email.smtp.password'] } : undefined,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
        tls: { rejectUnauthorized: s['email.smtp.secure'] },
      });
      await transport.sendMail({
        from: s['email.from'],
        to: row.address,
        subject: row.subject ?? '',
        text: row.body,
        attachments: files.map((f) => ({ filename: f.name, contentType: f.mime, content: d.store.open(f.sha256) })),
      });
      transport.close();
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    }
    const failure = await d.db.transaction(async () => {
      const [locked] = await d.db.rows<{ status: string }>(sql`
        SELECT status FROM outbox_messages WHERE id = ${row.id}::uuid FOR UPDATE`);
      if (locked?.status !== 'pending') return null;
      const now = d.clock.now().toISOString();
      if (!error) {
        await d.db.rows(sql`
          UPDATE outbox_messages SET status = 'sent', sent_at = ${now}::timestamptz, attempts = attempts + 1,
                 last_error = NULL
          WHERE id = ${row.id}::uuid`);
        return null;
      }
      const final = job.attempts >= job.maxAttempts;
      await d.db.rows(sql`
        UPDATE outbox_messages SET attempts = attempts + 1, last_error = ${error},
               status = ${final ? 'failed' : 'pending'}
        WHERE id = ${row.id}::uuid`);
      return error;
    });
    if (failure) throw new Error(`email ${outboxId}: ${failure}`);
  };
}
