import { BADGE_KEYS, type TBadgeKey, type TBadges } from '../../../contracts/badges';

/** Counts one badge for a user; modules register theirs (incoming, tasks, messages …). */
export type BadgeProvider = (userId: string) => Promise<number>;

/** Computes the top-bar badges of a user from the providers modules registered. */
export class BadgeService {
  private readonly providers = new Map<TBadgeKey, BadgeProvider[]>();

  register(key: TBadgeKey, provider: BadgeProvider): void {
    const list = this.providers.get(key) ?? [];
    list.push(provider);
    this.providers.set(key, list);
  }

  async forUser(userId: string): Promise<TBadges> {
    const entries = await Promise.all(
      BADGE_KEYS.map(async (key) => {
        const counts = await Promise.all((this.providers.get(key) ?? []).map((p) => p(userId)));
        return [key, counts.reduce((a, b) => a + b, 0)] as const;
      }),
    );
    return Object.fromEntries(entries) as TBadges;
  }
}
