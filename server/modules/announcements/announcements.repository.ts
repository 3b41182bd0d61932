import { sql } from 'drizzle-orm';
import type { TGroupOption, TReceipt } from '../../../contracts/announcements';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull as iso } from '../../platform/db/values';

export interface AnnouncementRow {
  id: string;
  senderId: string;
  title: string;
  body: string;
  sms: boolean;
  recipientCount: number;
  createdAt: string;
}

export interface InboxRow {
  id: string;
  title: string;
  body: string;
  senderName: string;
  senderUnitName: string;
  createdAt: string;
  readAt: string | null;
}

export interface SentRow extends AnnouncementRow {
  readCount: number;
}

/** SQL of announcements, their recipients and the SMS rows of the outbox they created. */
export class AnnouncementsRepository {
  constructor(private readonly db: Database) {}

  /** How many of these ids are active users / units / active groups (to refuse unknown ones). */
  async countActiveUsers(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [r] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM users WHERE id = ANY(${uuidArray(ids)}) AND status = 'active'`);
    return Number(r?.n ?? 0);
  }

  async countActiveUnits(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [r] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM units WHERE id = ANY(${uuidArray(ids)}) AND active`);
    return Number(r?.n ?? 0);
  }

  async countActiveGroups(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [r] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM groups WHERE id = ANY(${uuidArray(ids)}) AND active`);
    return Number(r?.n ?? 0);
  }

  /** How many of these are the owner's interaction groups (not removed). */
  async countOwnInteractionGroups(ownerId: string, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [r] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM interaction_groups
      WHERE id = ANY(${uuidArray(ids)}) AND owner_id = ${ownerId}::uuid AND removed_at IS NULL`);
    return Number(r?.n ?? 0);
  }

  /**
   * Active people chosen directly, in the units, in the groups, or in the sender's interaction
   * groups (their people, or the people of their units); de-duplicated, sender excluded.
   */
  async expandRecipients(
    senderId: string,
    r: { userIds: string[]; unitIds: string[]; groupIds: string[]; interactionGroupIds?: string[] },
    limit: number,
  ): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT u.id FROM users u
      WHERE u.status = 'active' AND u.id <> ${senderId}::uuid
        AND (u.id = ANY(${uuidArray(r.userIds)})
          OR u.unit_id = ANY(${uuidArray(r.unitIds)})
          OR EXISTS (SELECT 1 FROM user_groups ug JOIN groups g ON g.id = ug.group_id
                     WHERE ug.user_id = u.id AND g.active AND ug.group_id = ANY(${uuidArray(r.groupIds)}))
          OR EXISTS (SELECT 1 FROM interaction_group_members m
                     WHERE m.group_id = ANY(${uuidArray(r.interactionGroupIds ?? [])})
                       AND (m.user_id = u.id OR m.unit_id = u.unit_id)))
      ORDER BY u.id
      LIMIT ${limit}`);
    return rows.map((x) => x.id);
  }

  /**
   * The announcement and its recipients. Its created_at is the transaction's time (now()): the SMS
   * rows of the outbox written in the same transaction carry the same time and subject, which is
   * how the receipts find them (the outbox has no link column).
   */
  async insert(a: {
    senderId: string;
    onBehalfOfId: string | null;
    unitId: string;
    title: string;
    body: string;
    sms: boolean;
    recipientIds: string[];
  }): Promise<string> {
    const id = uuidv7();
    await this.db.rows(sql`
      INSERT INTO announcements (id, sender_id, on_behalf_of_id, unit_id, title, body, sms, recipient_count, created_at)
      VALUES (${id}::uuid, ${a.senderId}::uuid, ${a.onBehalfOfId}::uuid, ${a.unitId}::uuid, ${a.title}, ${a.body},
              ${a.sms}, ${a.recipientIds.length}, now())`);
    // In slices, so a very large audience stays within the bind-parameter limits.
    for (let i = 0; i < a.recipientIds.length; i += 5000) {
      const slice = a.recipientIds.slice(i, i + 5000);
      await this.db.rows(sql`
        INSERT INTO announcement_recipients (announcement_id, user_id)
        SELECT ${id}::uuid, x.id FROM unnest(${uuidArray(slice)}) AS x(id)`);
    }
    return id;
  }

  /**
   * One SMS row in the outbox per recipient with a phone (subject = title, created now()); a
   * recipient who already got one from the Notifier in this transaction (SMS chosen as a
   * notification channel) is skipped, so nobody gets two. Returns the ids of the new rows.
   */
  async insertSms(announcementId: string, subject: string, text: string): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(sql`
      INSERT INTO outbox_messages (id, channel, user_id, address, subject, body, created_at)
      SELECT gen_random_uuid(), 'sms', u.id, u.phone, ${subject}, ${text}, now()
      FROM announcement_recipients r JOIN users u ON u.id = r.user_id
      WHERE r.announcement_id = ${announcementId}::uuid AND coalesce(u.phone, '') <> ''
        AND NOT EXISTS (SELECT 1 FROM outbox_messages m
                        WHERE m.user_id = u.id AND m.channel = 'sms' AND m.subject = ${subject}
                          AND m.created_at = now())
      RETURNING id`);
    return rows.map((r) => r.id);
  }

  async byId(id: string): Promise<AnnouncementRow | null> {
    const [r] = await this.db.rows<Record<string, unknown>>(sql`
      SELECT id, sender_id AS "senderId", title, body, sms, recipient_count AS "recipientCount", created_at AS "createdAt"
      FROM announcements WHERE id = ${id}::uuid`);
    if (!r) return null;
    return {
      id: r.id as string,
      senderId: r.senderId as string,
      title: r.title as string,
      body: r.body as string,
      sms: Boolean(r.sms),
      recipientCount: Number(r.recipientCount),
      createdAt: iso(r.createdAt) as string,
    };
  }

  async isRecipient(id: string, userId: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM announcement_recipients WHERE announcement_id = ${id}::uuid AND user_id = ${userId}::uuid`);
    return rows.length > 0;
  }

  async inbox(userId: string, limit: number, offset: number): Promise<InboxRow[]> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT a.id, a.title, a.body, s.full_name AS "senderName", un.name AS "senderUnitName",
             a.created_at AS "createdAt", r.read_at AS "readAt"
      FROM announcement_recipients r
      JOIN announcements a ON a.id = r.announcement_id
      JOIN users s ON s.id = a.sender_id
      JOIN units un ON un.id = a.unit_id
      WHERE r.user_id = ${userId}::uuid
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT ${limit} OFFSET ${offset}`);
    return rows.map((r) => ({
      id: r.id as string,
      title: r.title as string,
      body: r.body as string,
      senderName: r.senderName as string,
      senderUnitName: r.senderUnitName as string,
      createdAt: iso(r.createdAt) as string,
      readAt: iso(r.readAt),
    }));
  }

  async inboxCounts(userId: string): Promise<{ total: number; unread: number }> {
    const [r] = await this.db.rows<{ total: number; unread: number }>(sql`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
      FROM announcement_recipients WHERE user_id = ${userId}::uuid`);
    return { total: Number(r?.total ?? 0), unread: Number(r?.unread ?? 0) };
  }

  async unreadCount(userId: string): Promise<number> {
    const [r] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM announcement_recipients WHERE user_id = ${userId}::uuid AND read_at IS NULL`);
    return Number(r?.n ?? 0);
  }

  /** Marks read; returns false when it already was (or is not theirs). */
  async markRead(id: string, userId: string, now: Date): Promise<boolean> {
    const rows = await this.db.rows(sql`
      UPDATE announcement_recipients SET read_at = ${now.toISOString()}::timestamptz
      WHERE announcement_id = ${id}::uuid AND user_id = ${userId}::uuid AND read_at IS NULL
      RETURNING user_id`);
    return rows.length > 0;
  }

  async sent(senderId: string, limit: number, offset: number): Promise<SentRow[]> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT a.id, a.sender_id AS "senderId", a.title, a.body, a.sms, a.recipient_count AS "recipientCount",
             a.created_at AS "createdAt",
             (SELECT count(*)::int FROM announcement_recipients r
              WHERE r.announcement_id = a.id AND r.read_at IS NOT NULL) AS "readCount"
      FROM announcements a
      WHERE a.sender_id = ${senderId}::uuid
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT ${limit} OFFSET ${offset}`);
    return rows.map((r) => ({
      id: r.id as string,
      senderId: r.senderId as string,
      title: r.title as string,
      body: r.body as string,
      sms: Boolean(r.sms),
      recipientCount: Number(r.recipientCount),
      readCount: Number(r.readCount),
      createdAt: iso(r.createdAt) as string,
    }));
  }

  async sentCount(senderId: string): Promise<number> {
    const [r] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM announcements WHERE sender_id = ${senderId}::uuid`);
    return Number(r?.n ?? 0);
  }

  /** Each recipient with the read time and the SMS sent for this announcement (if any). */
  async receipts(id: string): Promise<TReceipt[]> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT u.id AS "userId", u.full_name AS "fullName", un.name AS "unitName", r.read_at AS "readAt",
             o.status AS "smsStatus", o.attempts AS "smsAttempts", o.last_error AS "smsError"
      FROM announcement_recipients r
      JOIN announcements a ON a.id = r.announcement_id
      JOIN users u ON u.id = r.user_id
      JOIN units un ON un.id = u.unit_id
      LEFT JOIN LATERAL (
        SELECT m.status, m.attempts, m.last_error FROM outbox_messages m
        WHERE m.user_id = r.user_id AND m.channel = 'sms' AND m.subject = a.title AND m.created_at = a.created_at
        ORDER BY m.id LIMIT 1) o ON true
      WHERE r.announcement_id = ${id}::uuid
      ORDER BY r.read_at IS NULL, u.sort_key COLLATE "C", u.id`);
    return rows.map((r) => ({
      userId: r.userId as string,
      fullName: r.fullName as string,
      unitName: r.unitName as string,
      readAt: iso(r.readAt),
      sms:
        r.smsStatus === null || r.smsStatus === undefined
          ? null
          : {
              status: r.smsStatus as 'pending' | 'sent' | 'failed',
              attempts: Number(r.smsAttempts),
              lastError: (r.smsError as string | null) ?? null,
            },
    }));
  }

  async readCount(id: string): Promise<number> {
    const [r] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM announcement_recipients WHERE announcement_id = ${id}::uuid AND read_at IS NOT NULL`);
    return Number(r?.n ?? 0);
  }

  /** Active permission groups with their active members, for the compose form. */
  async groupOptions(): Promise<TGroupOption[]> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT g.id, g.name,
             (SELECT count(*)::int FROM user_groups ug JOIN users u ON u.id = ug.user_id
              WHERE ug.group_id = g.id AND u.status = 'active') AS "memberCount"
      FROM groups g WHERE g.active
      ORDER BY g.name`);
    return rows.map((r) => ({ id: r.id as string, name: r.name as string, memberCount: Number(r.memberCount) }));
  }
}
