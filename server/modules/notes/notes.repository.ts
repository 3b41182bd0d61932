import { sql } from 'drizzle-orm';
import type { TNote, TNoteColor } from '../../../contracts/notes';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull as iso } from '../../platform/db/values';

/** A note with its owner, as the service and the reminder job see it. */
export interface NoteRow extends TNote {
  userId: string;
  deleted: boolean;
}

const SELECT = sql`
  SELECT id, user_id AS "userId", text, color, pinned, remind_at AS "remindAt", reminded_at AS "remindedAt",
         created_at AS "createdAt", updated_at AS "updatedAt", deleted_at IS NOT NULL AS deleted
  FROM sticky_notes`;

function toRow(r: Record<string, unknown>): NoteRow {
  return {
    id: r.id as string,
    userId: r.userId as string,
    text: r.text as string,
    color: r.color as TNoteColor,
    pinned: Boolean(r.pinned),
    remindAt: iso(r.remindAt),
    remindedAt: iso(r.remindedAt),
    createdAt: iso(r.createdAt) as string,
    updatedAt: iso(r.updatedAt) as string,
    deleted: Boolean(r.deleted),
  };
}

/** Drops the owner and the deleted flag: what the API returns. */
export function toNote({ userId: _u, deleted: _d, ...note }: NoteRow): TNote {
  return note;
}

/** SQL of sticky notes. Every read by owner filters on user_id in SQL. */
export class NotesRepository {
  constructor(private readonly db: Database) {}

  /** The owner's live notes: pinned first, then their order, then newest. */
  async list(userId: string): Promise<NoteRow[]> {
    const rows = await this.db.rows(sql`${SELECT}
      WHERE user_id = ${userId}::uuid AND deleted_at IS NULL
      ORDER BY pinned DESC, sort_order, created_at DESC, id DESC`);
    return rows.map(toRow);
  }

  /** One live note of the owner (locked for the transaction), or null. */
  async own(userId: string, id: string): Promise<NoteRow | null> {
    const rows = await this.db.rows(sql`${SELECT}
      WHERE id = ${id}::uuid AND user_id = ${userId}::uuid AND deleted_at IS NULL FOR UPDATE`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Any note by id, deleted or not (for the reminder job), locked for the transaction. */
  async byId(id: string): Promise<NoteRow | null> {
    const rows = await this.db.rows(sql`${SELECT} WHERE id = ${id}::uuid FOR UPDATE`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** A new note goes before the owner's others (smallest sort order). */
  async insert(n: {
    userId: string;
    text: string;
    color: TNoteColor;
    pinned: boolean;
    remindAt: string | null;
    now: Date;
  }): Promise<NoteRow> {
    const id = uuidv7(n.now.getTime());
    const now = n.now.toISOString();
    await this.db.rows(sql`
      INSERT INTO sticky_notes (id, user_id, text, color, pinned, sort_order, remind_at, created_at, updated_at)
      VALUES (${id}::uuid, ${n.userId}::uuid, ${n.text}, ${n.color}, ${n.pinned},
              (SELECT COALESCE(MIN(sort_order), 1) - 1 FROM sticky_notes WHERE user_id = ${n.userId}::uuid AND deleted_at IS NULL),
              ${n.remindAt}::timestamptz, ${now}::timestamptz, ${now}::timestamptz)`);
    return (await this.byId(id)) as NoteRow;
  }

  /** Writes the editable fields; a new reminder time clears reminded_at so it can fire again. */
  async update(
    id: string,
    n: { text: string; color: TNoteColor; pinned: boolean; remindAt: string | null; remindedAt: string | null },
    now: Date,
  ): Promise<NoteRow> {
    await this.db.rows(sql`
      UPDATE sticky_notes SET text = ${n.text}, color = ${n.color}, pinned = ${n.pinned},
        remind_at = ${n.remindAt}::timestamptz, reminded_at = ${n.remindedAt}::timestamptz,
        updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ${id}::uuid`);
    return (await this.byId(id)) as NoteRow;
  }

  async softDelete(id: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db.rows(sql`
      UPDATE sticky_notes SET deleted_at = ${at}::timestamptz, updated_at = ${at}::timestamptz WHERE id = ${id}::uuid`);
  }

  /** How many of `ids` are live notes of the owner. */
  async countOwn(userId: string, ids: string[]): Promise<number> {
    const rows = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM sticky_notes
      WHERE user_id = ${userId}::uuid AND deleted_at IS NULL
        AND id IN (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`);
    return Number(rows[0]?.n ?? 0);
  }

  /** Sets sort_order = position in `ids` for the owner's notes. */
  async reorder(userId: string, ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      await this.db.rows(sql`
        UPDATE sticky_notes SET sort_order = ${i}
        WHERE id = ${id}::uuid AND user_id = ${userId}::uuid AND deleted_at IS NULL`);
    }
  }

  async markReminded(id: string, now: Date): Promise<void> {
    await this.db.rows(
      sql`UPDATE sticky_notes SET reminded_at = ${now.toISOString()}::timestamptz WHERE id = ${id}::uuid`,
    );
  }
}
