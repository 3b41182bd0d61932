import type {
  TCatalogEntry,
  TCatalogEntryCreate,
  TCatalogEntryListQuery,
  TCatalogEntryPage,
  TCatalogEntryUpdate,
  TDocumentType,
  TDocumentTypeCreate,
  TDocumentTypeListQuery,
  TDocumentTypePage,
  TDocumentTypeUpdate,
  TLevelCatalog,
} from '../../../contracts/catalogs';
import { foldDiacritics, normalizeText } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import {
  authorizeCatalogAdminRead,
  authorizeCatalogManage,
  authorizeCatalogUse,
  canManageCatalogs,
} from './catalogs.policy';
import type { CatalogsRepository, ListSpec } from './catalogs.repository';

export interface CatalogsDeps {
  tx: TxRunner;
  catalogs: CatalogsRepository;
  audit: Audit;
}

/** Turns an admin list query into what the repository needs (search text folded, page → offset). */
export function listSpec<S extends string>(q: {
  q?: string;
  status: ListSpec<S>['status'];
  sort: S;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}): ListSpec<S> {
  const folded = q.q ? foldDiacritics(normalizeText(q.q)).toLowerCase() : undefined;
  return {
    folded: folded || undefined,
    status: q.status,
    sort: q.sort,
    dir: q.dir,
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  };
}

/**
 * Document types (ND30 Phụ lục III) and the small catalogs (confidentiality, urgency, fields).
 * Entries are never deleted: documents keep pointing at them, so they are deactivated.
 */
export class CatalogsService {
  constructor(private readonly d: CatalogsDeps) {}

  // ── Document types ──

  /** Document types for forms: active ones, or all of them for a catalogs administrator. */
  async documentTypes(ctx: RequestContext, includeInactive: boolean): Promise<TDocumentType[]> {
    if (includeInactive) authorizeCatalogAdminRead(ctx.actor);
    else authorizeCatalogUse(ctx.actor);
    return this.d.catalogs.documentTypes(includeInactive);
  }

  async documentTypePage(ctx: RequestContext, q: TDocumentTypeListQuery): Promise<TDocumentTypePage> {
    authorizeCatalogAdminRead(ctx.actor);
    const { items, total } = await this.d.catalogs.documentTypePage(listSpec(q));
    return { items, total, page: q.page, pageSize: q.pageSize, canManage: canManageCatalogs(ctx.actor) };
  }

  async createDocumentType(ctx: RequestContext, input: TDocumentTypeCreate): Promise<TDocumentType> {
    authorizeCatalogManage(ctx.actor);
    const name = normalizeText(input.name);
    const abbreviation = input.abbreviation ? normalizeText(input.abbreviation) : null;
    return this.d.tx.transaction(async () => {
      await this.checkTypeClashes(name, abbreviation, null);
      const sortOrder = input.sortOrder ?? (await this.d.catalogs.nextDocumentTypeOrder());
      const created = await this.d.catalogs.insertDocumentType({ name, abbreviation, sortOrder });
      await this.d.audit.record(ctx, {
        action: 'catalog.documentType.create',
        entityType: 'document_type',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  async updateDocumentType(ctx: RequestContext, id: string, patch: TDocumentTypeUpdate): Promise<TDocumentType> {
    authorizeCatalogManage(ctx.actor);
    return this.d.tx.transaction(async () => {
      const before = await this.d.catalogs.documentType(id);
      if (!before) throw notFound();
      const next = {
        name: patch.name !== undefined ? normalizeText(patch.name) : before.name,
        abbreviation:
          patch.abbreviation !== undefined
            ? patch.abbreviation && normalizeText(patch.abbreviation)
            : before.abbreviation,
        sortOrder: patch.sortOrder ?? before.sortOrder,
        active: before.active,
      };
      await this.checkTypeClashes(next.name, next.abbreviation, id);
      const after = await this.d.catalogs.updateDocumentType(id, next);
      await this.d.audit.record(ctx, {
        action: 'catalog.documentType.update',
        entityType: 'document_type',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** "Ngừng sử dụng" / "Sử dụng lại": documents keep their reference either way. */
  setDocumentTypeActive(ctx: RequestContext, id: string, active: boolean): Promise<TDocumentType> {
    return setCatalogActive(
      this.d,
      ctx,
      { id, action: 'catalog.documentType', entityType: 'document_type' },
      active,
      () => this.d.catalogs.documentType(id),
      (next) => this.d.catalogs.updateDocumentType(id, next),
    );
  }

  /** Two types may not share a name or an abbreviation: the code notation would be ambiguous. */
  private async checkTypeClashes(name: string, abbreviation: string | null, exceptId: string | null) {
    const byName = await this.d.catalogs.documentTypeClash('name', name, exceptId);
    if (byName) throw duplicate('name', byName);
    if (!abbreviation) return;
    const byAbbreviation = await this.d.catalogs.documentTypeClash('abbreviation', abbreviation, exceptId);
    if (byAbbreviation) throw duplicate('abbreviation', byAbbreviation);
  }

  // ── Levels and fields ──

  /** Entries of one catalog for forms: active ones, or all of them for a catalogs administrator. */
  async entries(ctx: RequestContext, catalog: TLevelCatalog, includeInactive: boolean): Promise<TCatalogEntry[]> {
    if (includeInactive) authorizeCatalogAdminRead(ctx.actor);
    else authorizeCatalogUse(ctx.actor);
    return this.d.catalogs.entries(catalog, includeInactive);
  }

  async entryPage(ctx: RequestContext, q: TCatalogEntryListQuery): Promise<TCatalogEntryPage> {
    authorizeCatalogAdminRead(ctx.actor);
    const { items, total } = await this.d.catalogs.entryPage(q.catalog, listSpec(q));
    return { items, total, page: q.page, pageSize: q.pageSize, canManage: canManageCatalogs(ctx.actor) };
  }

  async createEntry(ctx: RequestContext, input: TCatalogEntryCreate): Promise<TCatalogEntry> {
    authorizeCatalogManage(ctx.actor);
    const name = normalizeText(input.name);
    return this.d.tx.transaction(async () => {
      const byCode = await this.d.catalogs.entryClash(input.catalog, 'code', input.code, null);
      if (byCode) throw duplicate('code', byCode);
      const byName = await this.d.catalogs.entryClash(input.catalog, 'name', name, null);
      if (byName) throw duplicate('name', byName);
      const rank = input.rank ?? (await this.d.catalogs.nextEntryRank(input.catalog));
      const created = await this.d.catalogs.insertEntry({ catalog: input.catalog, code: input.code, name, rank });
      await this.d.audit.record(ctx, {
        action: 'catalog.entry.create',
        entityType: 'catalog_entry',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  async updateEntry(ctx: RequestContext, id: string, patch: TCatalogEntryUpdate): Promise<TCatalogEntry> {
    authorizeCatalogManage(ctx.actor);
    return this.d.tx.transaction(async () => {
      const before = await this.d.catalogs.entry(id);
      if (!before) throw notFound();
      const name = patch.name !== undefined ? normalizeText(patch.name) : before.name;
      const byName = await this.d.catalogs.entryClash(before.catalog, 'name', name, id);
      if (byName) throw duplicate('name', byName);
      const after = await this.d.catalogs.updateEntry(id, {
        name,
        rank: patch.rank ?? before.rank,
        active: before.active,
      });
      await this.d.audit.record(ctx, {
        action: 'catalog.entry.update',
        entityType: 'catalog_entry',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  setEntryActive(ctx: RequestContext, id: string, active: boolean): Promise<TCatalogEntry> {
    return setCatalogActive(
      this.d,
      ctx,
      { id, action: 'catalog.entry', entityType: 'catalog_entry' },
      active,
      () => this.d.catalogs.entry(id),
      (next) => this.d.catalogs.updateEntry(id, next),
    );
  }
}

/**
 * "Ngừng sử dụng" / "Sử dụng lại" of any catalog record, in one transaction with its audit entry:
 * documents keep their reference either way. `load` reads it, `save` writes it with the new flag.
 */
export function setCatalogActive<T extends { active: boolean }>(
  d: { tx: TxRunner; audit: Audit },
  ctx: RequestContext,
  record: { id: string; action: string; entityType: string },
  active: boolean,
  load: () => Promise<T | null>,
  save: (next: T) => Promise<T>,
): Promise<T> {
  authorizeCatalogManage(ctx.actor);
  return d.tx.transaction(async () => {
    const before = await load();
    if (!before) throw notFound();
    if (before.active === active) return before;
    const after = await save({ ...before, active });
    await d.audit.record(ctx, {
      action: `${record.action}.${active ? 'activate' : 'deactivate'}`,
      entityType: record.entityType,
      entityId: record.id,
      before: { active: before.active },
      after: { active },
    });
    return after;
  });
}

/** 409 DUPLICATE naming the field and the record that already holds the value. */
export function duplicate(field: string, existing: { id: string; name: string }): AppError {
  return new AppError('DUPLICATE', { field, details: { existing: { id: existing.id, name: existing.name } } });
}
