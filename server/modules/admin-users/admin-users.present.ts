import type { TAdminUserDetail, TAdminUserItem } from '../../../contracts/admin-users';
import { normalizePhone } from '../../../contracts/admin-users';
import { normalizeText } from '../../../contracts/text';
import type { Actor } from '../../platform/authz/actor';
import type { ManagedUser } from './admin-users.policy';
import { userAbilities } from './admin-users.policy';
import type { UserRow } from './admin-users.repository';

/** The policy's view of a user row. */
export function managed(row: UserRow): ManagedUser {
  return {
    id: row.id,
    unitId: row.unitId,
    unitPath: row.unitPath,
    status: row.status,
    lockedOut: row.displayStatus === 'locked-out',
    adminRank: row.adminRank,
  };
}

/** A list row as the API answers it, with what the actor may do. */
export function presentItem(actor: Actor, row: UserRow): TAdminUserItem {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    jobTitle: row.jobTitleId && row.jobTitleName ? { id: row.jobTitleId, name: row.jobTitleName } : null,
    status: row.displayStatus,
    lockedUntil: row.displayStatus === 'locked-out' && row.lockedUntil ? row.lockedUntil.toISOString() : null,
    groupNames: row.groupNames,
    abilities: userAbilities(actor, managed(row)),
  };
}

/** The detail view: the list row plus address, memberships and account state. */
export function presentDetail(
  actor: Actor,
  row: UserRow,
  grants: { groupId: string; scope: string; code: string | null; name: string }[],
): TAdminUserDetail {
  return {
    ...presentItem(actor, row),
    address: row.address,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
    groups: grants.map((g) => ({
      groupId: g.groupId,
      scope: g.scope as 'own' | 'subtree' | 'all',
      code: g.code,
      name: g.name,
    })),
  };
}

/** What the audit log keeps of a user (never the password hash). */
export function snapshot(row: UserRow) {
  return {
    username: row.username,
    fullName: row.fullName,
    unitId: row.unitId,
    jobTitleId: row.jobTitleId,
    email: row.email,
    phone: row.phone,
    address: row.address,
    status: row.status,
  };
}

/** Stored form of optional contact fields: NFC, e-mail lower-case, phone without separators, '' → null. */
export function cleanContacts(input: { email?: string | null; phone?: string | null; address?: string | null }) {
  const text = (v: string | null | undefined) => (v ? normalizeText(v) || null : null);
  return {
    email: text(input.email)?.toLowerCase() ?? null,
    phone: input.phone ? normalizePhone(input.phone) || null : null,
    address: text(input.address),
  };
}

/** True for a unique-constraint violation from either driver (PostgreSQL code 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
