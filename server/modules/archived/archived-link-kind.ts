import { subjectQuery } from '../../platform/db/text-search';
import { type SQL, sql } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/arrays';
import { escapeLike } from '../../platform/db/like';
import type { DocumentKindResolver } from '../../platform/documents';
import { visibleSql } from './archived.policy';
import type { ArchivedRepository } from './archived.repository';
import { archivedLink } from './archived.service';

/**
 * Archived documents as the links see them (platform.documents): only those the archived
 * policy lets the actor see (never a removed one), one query per call.
 */
export function archivedLinkKind(repo: ArchivedRepository): DocumentKindResolver {
  const summaries = async (where: SQL, limit: number) =>
    (await repo.summaries(where, limit)).map((s) => ({ kind: 'archived' as const, ...s, link: archivedLink(s.id) }));
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
        const code = sql`d.code_key LIKE ${`%${escapeLike(text.toUpperCase().replace(/\s+/g, ''))}%`}`;
        conds.push(tsq ? sql`(d.subject_search @@ to_tsquery('simple', ${tsq}) OR ${code})` : code);
      }
      return summaries(sql.join(conds, sql` AND `), limit);
    },
  };
}
