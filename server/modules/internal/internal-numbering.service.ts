import { vnYear } from '../../../contracts/calendar';
import type { TNumbering } from '../../../contracts/internal';
import { type RequestContext, signedIn } from '../../platform/authz/actor';
import { can } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';
import { authorizeNumbering, CREATE, NUMBERING } from './internal.policy';
import { type InternalDeps, numberedTypes } from './internal.service';

/**
 * The unit's numbered internal types (cài đặt sổ văn bản nội bộ): which document types take a
 * number of their own register per year. Chosen by the clerk (internal.numbering); seen by
 * anyone who enters internal documents.
 */
export class InternalNumberingService {
  constructor(private readonly d: Pick<InternalDeps, 'tx' | 'repo' | 'audit' | 'clock'>) {}

  async list(ctx: RequestContext): Promise<TNumbering> {
    const actor = signedIn(ctx);
    if (!can(actor, CREATE) && !can(actor, NUMBERING)) throw new AppError('FORBIDDEN');
    const year = vnYear(this.d.clock.now());
    const [unit, rows] = await Promise.all([this.d.repo.unit(actor.unitId), this.d.repo.numbered(actor.unitId, year)]);
    if (!unit) throw new AppError('NOT_FOUND');
    return {
      unitName: unit.name,
      year,
      items: numberedTypes(rows, unit.short_name),
      canManage: can(actor, NUMBERING),
    };
  }

  /** Numbers an active document type from now on (409 when it already is). */
  async add(ctx: RequestContext, documentTypeId: string): Promise<TNumbering> {
    const actor = authorizeNumbering(ctx.actor);
    await this.d.tx.transaction(async () => {
      const type = await this.d.repo.documentType(actor.unitId, documentTypeId);
      if (!type?.active) throw new AppError('VALIDATION_FAILED', { field: 'body.documentTypeId' });
      if (!(await this.d.repo.addNumbering(actor.unitId, documentTypeId, actor.userId)))
        throw new AppError('DUPLICATE');
      await this.d.audit.record(ctx, {
        action: 'internal.numbering.add',
        entityType: 'internal_numbering',
        entityId: actor.unitId,
        after: { documentTypeId, name: type.name },
      });
    });
    return this.list(ctx);
  }

  /**
   * Stops numbering a type: later documents of it have no number. The register, its numbers and
   * the documents already numbered stay; adding the type again continues the same register.
   */
  async remove(ctx: RequestContext, documentTypeId: string): Promise<TNumbering> {
    const actor = authorizeNumbering(ctx.actor);
    await this.d.tx.transaction(async () => {
      if (!(await this.d.repo.removeNumbering(actor.unitId, documentTypeId))) throw new AppError('NOT_FOUND');
      await this.d.audit.record(ctx, {
        action: 'internal.numbering.remove',
        entityType: 'internal_numbering',
        entityId: actor.unitId,
        before: { documentTypeId },
      });
    });
    return this.list(ctx);
  }
}
