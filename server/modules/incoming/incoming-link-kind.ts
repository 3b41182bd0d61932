import { subjectQuery } from '../../platform/db/text-search';
import { type SQL, sql } from 'drizzle-orm';
import { formatCode } from '../../../contracts/incoming';
import type { TDocumentSummary } from '../../../contracts/links';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import { dateOrNull } from '../../platform/db/values';
import type { DocumentKindResolver } from '../../platform/documents';
import { visibleSql } from './incoming.policy';

function toSummary(r: Record<string, unknown>): TDocumentSummary {
  const code = formatCode((r.code_number as string | null) ?? null, (r.code_notation as string | null) ?? null);
  return {
    kind: 'incoming',
    id: r.id as string,
    title: r.subject as string,
    code: code || null,
    date: dateOrNull(r.issued_date) ?? dateOrNull(r.arrival_day),
    typeName: (r.type_name as string | null) ?? null,
    link: `/app/incoming-view?doc=${r.id}`,
  };
}

/**
 * Incoming documents as the links see them (platform.documents): only those the incoming
 * policy lets the actor see (visibleSql), described and searched in one query each.
 */
export function incomingLinkKind(db: Database): DocumentKindResolver {
  const select = (where: SQL, tail: SQL) =>
    db.rows(sql`
      SELECT d.id, d.subject, d.code_number, d.code_notation, d.issued_date,
        (d.arrival_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS arrival_day, dt.name AS type_name
      FROM incoming_documents d JOIN document_types dt ON dt.id = d.document_type_id
      WHERE ${where} ${tail}`);
  return {
    async describe(actor, ids) {
      if (ids.length === 0) return [];
      const rows = await select(sql`d.id = ANY(${uuidArray(ids)}) AND ${visibleSql(actor)}`, sql``);
      return rows.map(toSummary);
    },
    async search(actor, q, limit) {
      const text = q.trim();
      const conds: SQL[] = [visibleSql(actor)];
      if (text) {
        const tsq = subjectQuery(text);
        const code = sql`d.code_key LIKE ${`%${escapeLike(text.toUpperCase().replace(/\s+/g, ''))}%`}`;
        conds.push(tsq ? sql`(d.subject_search @@ to_tsquery('simple', ${tsq}) OR ${code})` : code);
      }
      const rows = await select(sql.join(conds, sql` AND `), sql`ORDER BY d.arrival_at DESC, d.id DESC LIMIT ${limit}`);
      return rows.map(toSummary);
    },
  };
}
