import type { Actor } from '../../platform/authz/actor';
import { can, type UnitOwned } from '../../platform/authz/authorize';

/** Drafts a unit's week (clerks, leaders). */
export const EDIT = 'schedule.edit';
/** Publishes and unpublishes a unit's week, and changes it once published (leaders). */
export const PUBLISH = 'schedule.publish';

/** What the actor may do with one unit's schedule. */
export interface ScheduleAbilities {
  edit: boolean;
  publish: boolean;
  /** Drafts are seen by the unit's editors and publishers only. */
  seeDrafts: boolean;
}

/**
 * Everyone signed in sees every unit's published weeks (Điều 3.7e); editing and publishing need
 * the permission with a scope covering the unit. Once a week is published, only a publisher may
 * change its lines: what other units already read changes only with a leader's consent.
 */
export function scheduleAbilities(actor: Actor, unit: UnitOwned, status: 'draft' | 'published'): ScheduleAbilities {
  const editor = can(actor, EDIT, unit);
  const publisher = can(actor, PUBLISH, unit);
  return {
    edit: status === 'draft' ? editor : publisher,
    publish: publisher,
    seeDrafts: editor || publisher,
  };
}
