import { sql } from 'drizzle-orm';
import type { TDocumentKind, TDocumentRef, TLinkRelation } from '../../../contracts/links';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull } from '../../platform/db/values';

/** One active link as the service reads it. */
export interface LinkRow {
  id: string;
  from: TDocumentRef;
  to: TDocumentRef;
  relation: TLinkRelation;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

function toLink(r: Record<string, unknown>): LinkRow {
  return {
    id: r.id as string,
    from: { kind: r.from_kind as TDocumentKind, id: r.from_id as string },
    to: { kind: r.to_kind as TDocumentKind, id: r.to_id as string },
    relation: r.relation as TLinkRelation,
    note: (r.note as string | null) ?? null,
    createdBy: (r.created_by_name as string | null) ?? '',
    createdAt: isoOrNull(r.created_at) as string,
  };
}

const LINK_COLUMNS = sql`l.id, l.from_kind, l.from_id, l.to_kind, l.to_id, l.relation, l.note, l.created_at,
  u.full_name AS created_by_name`;

/** All SQL of document links (document_links). Removed links keep their row (removed_at). */
export class LinksRepository {
  constructor(private readonly db: Database) {}

  /**
   * Serialises link writes between the same two documents (either direction) until the
   * transaction ends, so two people adding the same link at once do not make it twice.
   */
  async lockPair(a: TDocumentRef, b: TDocumentRef): Promise<void> {
    const key = [`${a.kind}:${a.id}`, `${b.kind}:${b.id}`].sort().join('|');
    await this.db.rows(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
  }

  /** The active link with this direction and relation, if there is one. */
  async findActive(from: TDocumentRef, to: TDocumentRef, relation: TLinkRelation): Promise<string | null> {
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT id FROM document_links
      WHERE from_kind = ${from.kind} AND from_id = ${from.id}::uuid AND to_kind = ${to.kind} AND to_id = ${to.id}::uuid
        AND relation = ${relation} AND removed_at IS NULL`);
    return rows[0]?.id ?? null;
  }

  async insert(l: {
    from: TDocumentRef;
    to: TDocumentRef;
    relation: TLinkRelation;
    note: string | null;
    createdBy: string;
  }): Promise<string> {
    const id = uuidv7();
    await this.db.rows(sql`
      INSERT INTO document_links (id, from_kind, from_id, to_kind, to_id, relation, note, created_by)
      VALUES (${id}::uuid, ${l.from.kind}, ${l.from.id}::uuid, ${l.to.kind}, ${l.to.id}::uuid, ${l.relation},
        ${l.note}, ${l.createdBy}::uuid)`);
    return id;
  }

  /** An active link; `lock` holds its row for the removal. */
  async active(id: string, lock = false): Promise<LinkRow | null> {
    const rows = await this.db.rows(sql`
      SELECT ${LINK_COLUMNS} FROM document_links l JOIN users u ON u.id = l.created_by
      WHERE l.id = ${id}::uuid AND l.removed_at IS NULL ${lock ? sql`FOR UPDATE OF l` : sql``}`);
    return rows[0] ? toLink(rows[0]) : null;
  }

  async remove(id: string, by: string, at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE document_links SET removed_at = ${at.toISOString()}::timestamptz, removed_by = ${by}::uuid
      WHERE id = ${id}::uuid AND removed_at IS NULL`);
  }

  /**
   * Active links that touch any of these documents, oldest first: one query per level of the
   * tree, through the (from_kind, from_id) and (to_kind, to_id) indexes.
   */
  async touching(refs: readonly TDocumentRef[]): Promise<LinkRow[]> {
    if (refs.length === 0) return [];
    const ends = (kind: 'from' | 'to') =>
      sql.join(
        refs.map((r) =>
          kind === 'from'
            ? sql`(l.from_kind = ${r.kind} AND l.from_id = ${r.id}::uuid)`
            : sql`(l.to_kind = ${r.kind} AND l.to_id = ${r.id}::uuid)`,
        ),
        sql` OR `,
      );
    const rows = await this.db.rows(sql`
      SELECT ${LINK_COLUMNS} FROM document_links l JOIN users u ON u.id = l.created_by
      WHERE l.removed_at IS NULL AND ((${ends('from')}) OR (${ends('to')}))
      ORDER BY l.created_at, l.id`);
    return rows.map(toLink);
  }
}
