import { type SQL, sql } from 'drizzle-orm';
import { isOutgoingRegister, type TRegisterKind } from '../../../contracts/reports';
import type { Actor } from '../../platform/authz/actor';
import { authorize, can, type UnitOwned, unitScopeSql } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permissions of "Thống kê, báo cáo": printing registers, and the summary and usage reports. */
export const REPORT_PERMISSIONS = ['reports.registers', 'reports.summary'] as const;
export type ReportPermission = (typeof REPORT_PERMISSIONS)[number];

/** Units (column `u.path`) the actor may report on with this permission, as SQL. */
export function reportUnitsSql(actor: Actor, permission: ReportPermission): SQL {
  return unitScopeSql(actor, permission, sql`u.path`);
}

/** Throws FORBIDDEN unless the actor's scope for the permission covers the unit. */
export function authorizeUnit(actor: Actor | null, permission: ReportPermission, unit: UnitOwned): Actor {
  return authorize(actor, permission, unit);
}

/**
 * Who may print a unit's secret register: its clerk, who keeps it — the one who registers
 * incoming documents (or issues outgoing ones) of the unit. Leaders read secret documents
 * through the people named on them, not through the books.
 */
export function maySeeSecretRegister(actor: Actor, kind: TRegisterKind | 'incoming' | 'outgoing', unit: UnitOwned) {
  const outgoing = kind === 'outgoing' || (kind !== 'incoming' && isOutgoingRegister(kind));
  return can(actor, outgoing ? 'outgoing.issue' : 'incoming.register', unit);
}

/** Throws FORBIDDEN when the secret register is asked for by someone who does not keep it. */
export function authorizeSecret(actor: Actor, kind: TRegisterKind, unit: UnitOwned): void {
  if (!maySeeSecretRegister(actor, kind, unit)) throw new AppError('FORBIDDEN', { details: { reason: 'secret' } });
}

/**
 * The confidential documents of a register a person (the principal `me`) may see, by the documents' own rule: an
 * incoming one (`d`) by the clerk who registered it and the people it was given to; an outgoing
 * one (`o`) by its drafter, its reviewers, the clerk who issued it and the people given it.
 */
export function secretRowsSql(me: string, kind: TRegisterKind): SQL {
  if (isOutgoingRegister(kind))
    return sql`(o.created_by = ${me}::uuid OR o.issued_by = ${me}::uuid
      OR o.id = ANY(ARRAY(SELECT a.document_id FROM outgoing_access a WHERE a.user_id = ${me}::uuid))
      OR o.id = ANY(ARRAY(SELECT rv.document_id FROM outgoing_reviews rv WHERE rv.user_id = ${me}::uuid)))`;
  return sql`(d.created_by = ${me}::uuid
    OR d.id = ANY(ARRAY(SELECT va.document_id FROM incoming_access va WHERE va.user_id = ${me}::uuid)))`;
}
