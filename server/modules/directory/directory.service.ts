import type { TDirectoryPage, TDirectoryQuery } from '../../../contracts/directory';
import { foldDiacritics, normalizeText } from '../../../contracts/text';
import type { RequestContext } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';
import { directoryScope } from './directory.policy';
import type { DirectoryRepository } from './directory.repository';

/** Danh bạ điện thoại: search people by name, title, email or phone without diacritics; filter by unit subtree. */
export class DirectoryService {
  constructor(private readonly d: { directory: DirectoryRepository }) {}

  async search(ctx: RequestContext, q: TDirectoryQuery): Promise<TDirectoryPage> {
    const scope = directoryScope(ctx.actor);
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    let unitPathPrefix: string | undefined;
    if (q.unitId) {
      unitPathPrefix = (await this.d.directory.unitPath(q.unitId)) ?? undefined;
      if (!unitPathPrefix) throw new AppError('VALIDATION_FAILED', { field: 'querystring.unitId' });
    }
    const text = q.q ? foldDiacritics(normalizeText(q.q)).toLowerCase() : '';
    const rows = await this.d.directory.page({
      scope,
      folded: text || undefined,
      unitPathPrefix,
      after,
      limit: q.limit + 1,
    });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ sortKey: _s, ...rest }) => rest),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.sortKey, last.id) : null,
    };
  }

  async unitOptions(ctx: RequestContext) {
    directoryScope(ctx.actor);
    return this.d.directory.unitOptions();
  }
}

function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

function decodeCursor(cursor: string): { sortKey: string; id: string } {
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortKey === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { sortKey, id };
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', { field: 'querystring.cursor' });
}
