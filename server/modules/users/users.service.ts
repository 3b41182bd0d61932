import type { TMe, TPreferencesUpdate } from '../../../contracts';
import { mayOpenFunction } from './users.policy';
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
      actingFor: actor.onBehalfOf ? { userId: actor.onBehalfOf.userId, fullName: actor.onBehalfOf.fullName } : null,
      preferences: {
        locale: row.locale === 'en' ? 'en' : 'vi',
        favourites: row.favourites ?? [],
        pageSize: row.pageSize ?? DEFAULT_PREFS.pageSize,
        landingFunction: row.landingFunction ?? null,
        notifyChannels: (row.notifyChannels ?? []).filter((c) => c === 'email' || c === 'sms'),
      },
    };
  }

  /** Saves part of the preferences; favourites must name functions the user can see. */
  async updatePreferences(ctx: RequestContext, patch: TPreferencesUpdate): Promise<TMe['preferences']> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (patch.favourites) {
      patch.favourites.forEach((id, i) => {
        if (!mayOpenFunction(actor, id, { mustBeReady: false })) {
          throw new AppError('VALIDATION_FAILED', { field: `body.favourites.${i}`, status: 400 });
        }
      });
    }
    if (patch.landingFunction) {
      // Only a built function the user may open can be the first screen after sign-in.
      if (!mayOpenFunction(actor, patch.landingFunction, { mustBeReady: true })) {
        throw new AppError('VALIDATION_FAILED', { field: 'body.landingFunction', status: 400 });
      }
    }
    if (patch.notifyChannels?.length) {
      // A channel needs somewhere to deliver: SMS a phone number, e-mail an address.
      const profile = await this.d.users.profile(actor.userId);
      patch.notifyChannels.forEach((channel, i) => {
        if (!(channel === 'sms' ? profile?.phone : profile?.email)) {
          throw new AppError('VALIDATION_FAILED', { field: `body.notifyChannels.${i}`, status: 400 });
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
        landingFunction:
          patch.landingFunction !== undefined ? patch.landingFunction : (before?.landingFunction ?? null),
        notifyChannels: patch.notifyChannels ? [...new Set(patch.notifyChannels)] : (before?.notifyChannels ?? []),
      } as TMe['preferences'];
      await this.d.users.savePreferences(actor.userId, next);
      await this.d.audit.record(ctx, {
        action: 'user.preferences.update',
        entityType: 'user',
        entityId: actor.userId,
        before: before
          ? {
              locale: before.locale,
              favourites: before.favourites,
              pageSize: before.pageSize,
              landingFunction: before.landingFunction,
              notifyChannels: before.notifyChannels,
            }
          : null,
        after: next,
      });
      return next;
    });
  }
}
