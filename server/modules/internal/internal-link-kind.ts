import { subjectQuery } from '../../platform/db/text-search';
import { type SQL, sql } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/arrays';
import { escapeLike } from '../../platform/db/like';
import type { DocumentKindResolver } from '../../platform/documents';
import { visibleSql } from './internal.policy';
import type { InternalRepository } from './internal.repository';
import { internalLink } from './internal.service';

/**
 * Internal documents as the links see them (platform.documents): only those the internal
 * policy lets the actor see, one query per call.
 */
export function internalLinkKind(repo: InternalRepository): DocumentKindResolver {
  const summaries = async (where: SQL, limit: number) =>
    (await repo.summaries(where, limit)).map((s) => ({ kind: 'internal' as const, ...s, link: internalLink(s.id) }));
  return {
    describe(actor, ids) {
      if (ids.length === 0) return Promise.resolve([]);
      return summaries(sql`d.id = ANY(${uuidArray(ids)}) AND ${visibleSql(actor)}`, ids.length);
    },
    search(actor, q, limit) {
      const conds: SQL[] = [visibleSql(actor)];
      const text = q.trim();
      if (text) {
        const tsq = subjectQuery(text);
        // "03/TTr", "3" or "TTr": the number and/or the notation.
        const m = /^(\d+)\s*(?:\/\s*(.*))?$/.exec(text);
        const notation = (rest: string) => sql`d.code_notation ILIKE ${`%${escapeLike(rest)}%`}`;
        const code = m
          ? sql`(d.number = ${Number.parseInt(m[1], 10)} AND ${m[2] ? notation(m[2]) : sql`true`})`
          : notation(text);
        conds.push(tsq ? sql`(d.subject_search @@ to_tsquery('simple', ${tsq}) OR ${code})` : code);
      }
      return summaries(sql.join(conds, sql` AND `), limit);
    },
  };
}
