import {
  organNameKey,
  type TIssuingOrgan,
  type TIssuingOrganCreate,
  type TIssuingOrganListQuery,
  type TIssuingOrganOption,
  type TIssuingOrganPage,
  type TIssuingOrganUpdate,
  type TSimilarOrgan,
} from '../../../contracts/catalogs';
import { normalizeText } from '../../../contracts/text';
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
import { duplicate, listSpec, setCatalogActive } from './catalogs.service';
import type { IssuingOrgansRepository, OrganValues } from './issuing-organs.repository';

/** Names at least this similar (pg_trgm, 0–1) are offered as "Có thể trùng với". */
export const SIMILAR_THRESHOLD = 0.6;
const SIMILAR_LIMIT = 5;

export interface IssuingOrgansDeps {
  tx: TxRunner;
  organs: IssuingOrgansRepository;
  audit: Audit;
}

/** An organ found or created for a document form. */
export type FoundOrgan = TIssuingOrgan & { created: boolean };

const optional = (value: string | null | undefined) => (value ? normalizeText(value) || null : null);

/** The folded key of a name, refusing a name that folds to nothing ("..."). */
function keyOf(name: string, field = 'name'): string {
  const key = organNameKey(name);
  if (!key) throw new AppError('VALIDATION_FAILED', { field });
  return key;
}

/**
 * Issuing organs (cơ quan ban hành): type-ahead for document forms, warnings about
 * near-identical names, and administration. Two organs never share a folded name.
 */
export class IssuingOrgansService {
  constructor(private readonly d: IssuingOrgansDeps) {}

  /** Search-as-you-type over active organs, without diacritics ("kien giang" finds "Kiên Giang"). */
  async search(ctx: RequestContext, q: string | undefined, limit: number): Promise<TIssuingOrganOption[]> {
    authorizeCatalogUse(ctx.actor);
    if (!q) return this.d.organs.search('', limit);
    // Text that folds to nothing ("%", "...") matches no organ rather than all of them.
    const key = organNameKey(q);
    return key ? this.d.organs.search(key, limit) : [];
  }

  /** Organs whose name is close to `name`, so the clerk picks the existing one instead of adding a twin. */
  async similar(ctx: RequestContext, name: string): Promise<TSimilarOrgan[]> {
    authorizeCatalogUse(ctx.actor);
    const key = organNameKey(name);
    if (!key) return [];
    return this.d.organs.similar(key, SIMILAR_THRESHOLD, SIMILAR_LIMIT);
  }

  async page(ctx: RequestContext, q: TIssuingOrganListQuery): Promise<TIssuingOrganPage> {
    authorizeCatalogAdminRead(ctx.actor);
    const searchKey = q.q ? organNameKey(q.q) : undefined;
    const { items, total } = await this.d.organs.page(listSpec(q), searchKey);
    return { items, total, page: q.page, pageSize: q.pageSize, canManage: canManageCatalogs(ctx.actor) };
  }

  /** Adds an organ; a name that folds to an existing organ's key answers 409 with that organ. */
  async create(ctx: RequestContext, input: TIssuingOrganCreate): Promise<TIssuingOrgan> {
    authorizeCatalogManage(ctx.actor);
    const values = this.values(input);
    return this.d.tx.transaction(async () => {
      const existing = await this.d.organs.byKey(values.nameKey);
      if (existing) throw duplicate('name', existing);
      const created = await this.d.organs.insert(values);
      await this.d.audit.record(ctx, {
        action: 'catalog.organ.create',
        entityType: 'issuing_organ',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, patch: TIssuingOrganUpdate): Promise<TIssuingOrgan> {
    authorizeCatalogManage(ctx.actor);
    return this.d.tx.transaction(async () => {
      const before = await this.d.organs.byId(id);
      if (!before) throw notFound();
      const values = this.values({
        name: patch.name ?? before.name,
        shortName: patch.shortName !== undefined ? patch.shortName : before.shortName,
        organId: patch.organId !== undefined ? patch.organId : before.organId,
        address: patch.address !== undefined ? patch.address : before.address,
        email: patch.email !== undefined ? patch.email : before.email,
      });
      const existing = await this.d.organs.byKey(values.nameKey, id);
      if (existing) throw duplicate('name', existing);
      const after = await this.d.organs.update(id, { ...values, active: before.active });
      await this.d.audit.record(ctx, {
        action: 'catalog.organ.update',
        entityType: 'issuing_organ',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** "Ngừng sử dụng" is allowed at any time: documents keep their reference to the organ. */
  setActive(ctx: RequestContext, id: string, active: boolean): Promise<TIssuingOrgan> {
    return setCatalogActive(
      this.d,
      ctx,
      { id, action: 'catalog.organ', entityType: 'issuing_organ' },
      active,
      () => this.d.organs.byId(id),
      (next) => this.d.organs.update(id, { ...next, nameKey: organNameKey(next.name) }),
    );
  }

  /**
   * For document modules (incoming documents): the organ with this name or a near-identical
   * spelling of it, created when new. Any signed-in user may do this from an entry form; the
   * caller authorises its own use case. Joins the caller's transaction.
   */
  async findOrCreateIssuingOrgan(ctx: RequestContext, name: string): Promise<FoundOrgan> {
    authorizeCatalogUse(ctx.actor);
    const clean = normalizeText(name);
    const nameKey = keyOf(clean);
    return this.d.tx.transaction(async () => {
      const existing = await this.d.organs.byKey(nameKey);
      if (existing) return { ...existing, created: false };
      const created = await this.d.organs.insertIfAbsent({ name: clean, nameKey });
      if (!created) {
        // Someone added the same organ a moment ago: use theirs.
        const theirs = await this.d.organs.byKey(nameKey);
        if (!theirs) throw new AppError('CONFLICT');
        return { ...theirs, created: false };
      }
      await this.d.audit.record(ctx, {
        action: 'catalog.organ.create',
        entityType: 'issuing_organ',
        entityId: created.id,
        after: created,
      });
      return { ...created, created: true };
    });
  }

  private values(input: TIssuingOrganCreate): OrganValues {
    const name = normalizeText(input.name);
    return {
      name,
      nameKey: keyOf(name),
      shortName: optional(input.shortName),
      organId: optional(input.organId),
      address: optional(input.address),
      email: optional(input.email)?.toLowerCase() ?? null,
    };
  }
}
