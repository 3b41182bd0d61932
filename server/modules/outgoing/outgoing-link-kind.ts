import { subjectQuery } from '../../platform/db/text-search';
import { type SQL, sql } from 'drizzle-orm';
import { formatOutgoingNumber } from '../../../contracts/outgoing';
import type { TDocumentSummary } from '../../../contracts/links';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import { dateOrNull } from '../../platform/db/values';
import type { DocumentKindResolver } from '../../platform/documents';
import { outgoingLink } from './outgoing.deps';
import { visibleSql } from './outgoing.policy';

function toSummary(r: Record<string, unknown>): TDocumentSummary {
  return {
    kind: 'outgoing',
    id: r.id as string,
    title: r.subject as string,
    code: r.code_number === null ? null : `${formatOutgoingNumber(Number(r.code_number))}/${r.code_notation}`,
    date: dateOrNull(r.issued_date),
    typeName: (r.type_name as string | null) ?? null,
    link: outgoingLink(r.id as string),
  };
}

/** Outgoing documents as the links see them: only those the outgoing policy lets the actor see. */
export function outgoingLinkKind(db: Database): DocumentKindResolver {
  const select = (where: SQL, tail: SQL) =>
    db.rows(sql`
      SELECT d.id, d.subject, d.code_number, d.code_notation, d.issued_date, dt.name AS type_name
      FROM outgoing_documents d JOIN document_types dt ON dt.id = d.document_type_id
      WHERE ${where} ${tail}`);
  return {
    async describe(actor, ids) {
      if (ids.length === 0) return [];
      return (await select(sql`d.id = ANY(${uuidArray(ids)}) AND ${visibleSql(actor)}`, sql``)).map(toSummary);
    },
    async search(actor, q, limit) {
      const text = q.trim();
      const conds: SQL[] = [visibleSql(actor), sql`d.status <> 'cancelled'`];
      if (text) {
        const tsq = subjectQuery(text);
        const code = sql`d.code_key LIKE ${`%${escapeLike(text.toUpperCase().replace(/\s+/g, ''))}%`}`;
        conds.push(tsq ? sql`(d.subject_search @@ to_tsquery('simple', ${tsq}) OR ${code})` : code);
      }
      const rows = await select(
        sql.join(conds, sql` AND `),
        sql`ORDER BY d.issued_at DESC NULLS LAST, d.updated_at DESC, d.id DESC LIMIT ${limit}`,
      );
      return rows.map(toSummary);
    },
  };
}
