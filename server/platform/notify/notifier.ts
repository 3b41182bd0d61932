import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { uuidArray } from '../db/arrays';
import type { JobQueue } from '../jobs/jobs';
import type { RealtimeHub } from '../realtime/hub';
import type { SettingsService } from '../settings/settings.service';
import { enqueueEmail } from './email';
import { enqueueSms } from './sms';

/** A notification as modules write it; `link` opens the record in the app. */
export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Each user gets a notification with this key at most once (reminders). */
  dedupeKey?: string;
}

/** Longest body kept; SMS are cut shorter by the sender. */
const BODY_MAX = 500;

/**
 * Notifies people: a kept in-app notification, pushed in real time on commit, and a message in
 * the outbox for each other channel the person chose in their settings (SMS when the system has
 * SMS switched on and the person has a phone number; email when they have an address). Call it
 * inside the transaction of the change, so a notification exists exactly when the change does.
 */
export class Notifier {
  constructor(
    private readonly db: Database,
    private readonly realtime: RealtimeHub,
    private readonly settings: SettingsService,
    /** Queues the sending of the SMS rows it writes (job `sms.send`); without it they wait in the outbox. */
    private readonly jobs?: JobQueue,
  ) {}

  /** Notifies these people; returns who was notified (a dedupe key skips those who already were). */
  async notify(userIds: readonly string[], n: NotificationInput): Promise<string[]> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return [];
    const body = [...n.body].slice(0, BODY_MAX).join('');
    const inserted = await this.db.rows<{ user_id: string }>(sql`
      INSERT INTO notifications (id, user_id, kind, title, body, link, dedupe_key)
      SELECT gen_random_uuid(), u.id, ${n.kind}, ${n.title}, ${body}, ${n.link ?? null}, ${n.dedupeKey ?? null}
      FROM unnest(${uuidArray(ids)}) AS u(id)
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING user_id`);
    const notified = inserted.map((r) => r.user_id);
    if (notified.length === 0) return [];
    const smsOn = await this.settings.get('sms.enabled');
    const outbox = await this.db.rows<{ id: string; channel: string }>(sql`
      INSERT INTO outbox_messages (id, channel, user_id, address, subject, body)
      SELECT gen_random_uuid(), c.channel, u.id, CASE c.channel WHEN 'sms' THEN u.phone ELSE u.email END,
             ${n.title}, ${body}
      FROM users u
      JOIN user_preferences p ON p.user_id = u.id
      CROSS JOIN (VALUES ('sms'), ('email')) AS c(channel)
      WHERE u.id = ANY(${uuidArray(notified)}) AND u.status = 'active'
        AND p.notify_channels ? c.channel
        AND (c.channel <> 'sms' OR ${smsOn})
        AND coalesce(CASE c.channel WHEN 'sms' THEN u.phone ELSE u.email END, '') <> ''
      RETURNING id, channel`);
    if (this.jobs) {
      const sms = outbox.filter((r) => r.channel === 'sms').map((r) => r.id);
      await enqueueSms(this.jobs, sms);
      await enqueueEmail(
        this.jobs,
        outbox.filter((r) => r.channel === 'email').map((r) => r.id),
      );
    }
    await this.realtime.publish(
      { users: notified },
      { type: 'notification', title: n.title, body, ...(n.link ? { link: n.link } : {}) },
    );
    return notified;
  }
}
