import type { TMe, TPreferencesUpdate } from '../../../contracts';
import { findFunction } from '../../../contracts/functions';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import type { UsersRepository } from './users.repository';

const DEFAULT_PREFS = { locale: 'vi' as const, favourites: [] as string[], pageSize: 20 };

/** The signed-in user's own profile and personal preferences. */
export class UsersService {
  constructor(private readonly d: { tx: TxRunner; users: UsersRepository; audit: Audit }) {}

  async me(ctx: RequestContext): Promise<TMe> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const row = await this.d.users.profile(actor.userId);
    if (!row) throw notFound();
    return {
      id: row.id,
      username: row.username,
      fullName: row.fullName,
      email: row.email,
      phone: row.phone,
      unit: { id: row.unitId, name: row.unitName, shortName: row.unitShortName },
      jobTitle: row.jobTitle,
      mustChangePassword: row.mustChangePassword,
      permissions: [...actor.permissions.keys()].sort(),
      preferences: {
        locale: row.locale === 'en' ? 'en' : 'vi',
        favourites: row.favourites ?? [],
        pageSize: row.pageSize ?? DEFAULT_PREFS.pageSize,
      },
    };
  }

  /** Saves part of the preferences; favourites must name functions the user can see. */
  async updatePreferences(ctx: RequestContext, patch: TPreferencesUpdate): Promise<TMe['preferences']> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (patch.favourites) {
      patch.favourites.forEach((id, i) => {
        const fn = findFunction(id);
        if (!fn || (fn.permission !== null && !actor.permissions.has(fn.permission))) {
          throw new AppError('VALIDATION_FAILED', { field: `body.favourites.${i}`, status: 400 });
        }
      });
    }
    return this.d.tx.transaction(async () => {
      const before = await this.d.users.preferences(actor.userId);
      const next = {
        locale: patch.locale ?? (before?.locale === 'en' ? 'en' : 'vi'),
        favourites: patch.favourites
          ? [...new Set(patch.favourites)]
          : (before?.favourites ?? DEFAULT_PREFS.favourites),
        pageSize: patch.pageSize ?? before?.pageSize ?? DEFAULT_PREFS.pageSize,
      } as TMe['preferences'];
      await this.d.users.savePreferences(actor.userId, next);
      await this.d.audit.record(ctx, {
        action: 'user.preferences.update',
        entityType: 'user',
        entityId: actor.userId,
        before: before ? { locale: before.locale, favourites: before.favourites, pageSize: before.pageSize } : null,
        after: next,
      });
      return next;
    });
  }
}
