import type {
  TJobTitle,
  TJobTitleCreate,
  TJobTitleList,
  TJobTitleListQuery,
  TJobTitleReorder,
  TJobTitleUpdate,
} from '../../../contracts/admin-org';
import { foldDiacritics, normalizeText, textSortKey } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import { uuidv7 } from '../../platform/db/ids';
import type { TxRunner } from '../../platform/db/tx';
import { AppError } from '../../platform/errors';
import { canManageJobTitles, requireJobTitlesReader, requireJobTitlesWriter } from './admin-org.policy';
import type { JobTitlesRepository } from './job-titles.repository';

/** Rank then Vietnamese alphabetical name: leaders first, equals in dictionary order. */
export function byRankThenName(a: TJobTitle, b: TJobTitle): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const ka = textSortKey(a.name);
  const kb = textSortKey(b.name);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The new order of a reorder request: the listed titles first, then the others in their current
 * order, ranked 10, 20, 30… Throws on an unknown or repeated id, naming its index.
 */
export function reorderedRanks(current: readonly TJobTitle[], ids: readonly string[]): { id: string; rank: number }[] {
  const known = new Set(current.map((t) => t.id));
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!known.has(id) || seen.has(id)) throw new AppError('VALIDATION_FAILED', { field: `body.ids.${i}` });
    seen.add(id);
  });
  const order = [...ids, ...current.filter((t) => !seen.has(t.id)).map((t) => t.id)];
  return order.map((id, i) => ({ id, rank: (i + 1) * 10 }));
}

const snapshot = (t: TJobTitle) => ({ name: t.name, rank: t.rank, active: t.active });

/** Use cases of "Danh mục chức danh" (Điều 3.6c): organisation-wide, ordered leaders first. */
export class JobTitlesService {
  constructor(private readonly d: { tx: TxRunner; titles: JobTitlesRepository; audit: Audit }) {}

  async list(ctx: RequestContext, query: TJobTitleListQuery): Promise<TJobTitleList> {
    const actor = requireJobTitlesReader(ctx.actor);
    const folded = query.q ? foldDiacritics(normalizeText(query.q)).toLowerCase() : '';
    const items = await this.d.titles.list({ folded: folded || undefined, includeInactive: query.includeInactive });
    return { items: items.sort(byRankThenName), canManage: canManageJobTitles(actor) };
  }

  async create(ctx: RequestContext, input: TJobTitleCreate): Promise<TJobTitle> {
    requireJobTitlesWriter(ctx.actor);
    const name = cleanName(input.name);
    const id = uuidv7();
    await this.d.tx.transaction(async () => {
      await this.d.titles.lock();
      if (await this.d.titles.activeNameTaken(name)) throw new AppError('DUPLICATE', { field: 'body.name' });
      const rank = input.rank ?? (await this.d.titles.nextRank());
      await this.d.titles.insert({ id, name, rank });
      await this.d.audit.record(ctx, {
        action: 'jobTitle.create',
        entityType: 'jobTitle',
        entityId: id,
        before: null,
        after: { name, rank, active: true },
      });
    });
    return this.found(id);
  }

  async update(ctx: RequestContext, id: string, patch: TJobTitleUpdate): Promise<TJobTitle> {
    requireJobTitlesWriter(ctx.actor);
    await this.d.tx.transaction(async () => {
      await this.d.titles.lock();
      const before = await this.found(id);
      const next = {
        name: patch.name === undefined ? before.name : cleanName(patch.name),
        rank: patch.rank ?? before.rank,
      };
      if (next.name === before.name && next.rank === before.rank) return;
      if (before.active && (await this.d.titles.activeNameTaken(next.name, id)))
        throw new AppError('DUPLICATE', { field: 'body.name' });
      await this.d.titles.update(id, next);
      await this.d.audit.record(ctx, {
        action: 'jobTitle.update',
        entityType: 'jobTitle',
        entityId: id,
        before: snapshot(before),
        after: { ...next, active: before.active },
      });
    });
    return this.found(id);
  }

  /** Stops offering a title; users who hold it keep it (the answer says how many). */
  async deactivate(ctx: RequestContext, id: string): Promise<TJobTitle> {
    return this.setActive(ctx, id, false);
  }

  /** Offers a title again, unless an active title now has the same name. */
  async activate(ctx: RequestContext, id: string): Promise<TJobTitle> {
    return this.setActive(ctx, id, true);
  }

  /** Ranks 10, 20, 30… in the order given. */
  async reorder(ctx: RequestContext, input: TJobTitleReorder): Promise<TJobTitleList> {
    const actor = requireJobTitlesWriter(ctx.actor);
    await this.d.tx.transaction(async () => {
      await this.d.titles.lock();
      const current = (await this.d.titles.list({ includeInactive: true })).sort(byRankThenName);
      const ranks = reorderedRanks(current, input.ids);
      const rankOf = new Map(current.map((t) => [t.id, t.rank]));
      const changed = ranks.filter((r) => rankOf.get(r.id) !== r.rank);
      if (changed.length === 0) return;
      await this.d.titles.setRanks(changed);
      await this.d.audit.record(ctx, {
        action: 'jobTitle.reorder',
        entityType: 'jobTitle',
        entityId: null,
        before: current.map((t) => ({ id: t.id, rank: t.rank })),
        after: ranks,
      });
    });
    const items = await this.d.titles.list({ includeInactive: true });
    return { items: items.sort(byRankThenName), canManage: canManageJobTitles(actor) };
  }

  private async setActive(ctx: RequestContext, id: string, active: boolean): Promise<TJobTitle> {
    requireJobTitlesWriter(ctx.actor);
    await this.d.tx.transaction(async () => {
      await this.d.titles.lock();
      const before = await this.found(id);
      if (before.active === active)
        throw new AppError('INVALID_STATE', { details: { reason: active ? 'alreadyActive' : 'alreadyInactive' } });
      if (active && (await this.d.titles.activeNameTaken(before.name, id))) throw new AppError('DUPLICATE');
      await this.d.titles.setActive(id, active);
      await this.d.audit.record(ctx, {
        action: active ? 'jobTitle.activate' : 'jobTitle.deactivate',
        entityType: 'jobTitle',
        entityId: id,
        before: snapshot(before),
        after: { ...snapshot(before), active, holders: before.userCount },
      });
    });
    return this.found(id);
  }

  private async found(id: string): Promise<TJobTitle> {
    const row = await this.d.titles.findById(id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }
}

/** NFC, trimmed, inner runs of spaces collapsed. */
function cleanName(name: string): string {
  return normalizeText(name).replace(/\s+/g, ' ');
}
