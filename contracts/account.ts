import { z } from 'zod';
import { ZPermissionScope } from './auth';

/**
 * Thông tin tài khoản (Điều 3.5a): the own profile, proposals to change organisational data
 * approved by an administrator (Điều 3.7f), and delegations (ủy quyền).
 */

/** Removes the separators people type in phone numbers (spaces, dots, dashes, brackets). */
export function compactPhone(value: string): string {
  return value.replace(/[\s.\-()]/g, '');
}

/**
 * A Vietnamese phone number: 0 or +84, then 9 digits (mobile) or 10 (landline with area code).
 * The phone receives SMS notifications, so the format is checked strictly.
 */
export function isValidPhone(value: string): boolean {
  return /^(?:\+84|0)\d{9,10}$/.test(compactPhone(value));
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today's date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export const ZIsoDate = z.string().refine(isIsoDate, { message: 'date' });
export const ZPhone = z.string().trim().max(30).refine(isValidPhone, { message: 'phone' });

/** Organisational fields that change only through an approved proposal. */
export const PROPOSAL_FIELDS = ['unit', 'jobTitle', 'address', 'phone'] as const;
export const ZProposalField = z.enum(PROPOSAL_FIELDS);
export type TProposalField = z.infer<typeof ZProposalField>;

export const PROPOSAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const ZProposalStatus = z.enum(PROPOSAL_STATUSES);
export type TProposalStatus = z.infer<typeof ZProposalStatus>;

const ZRef = z.object({ id: z.string().uuid(), name: z.string() });

/** PATCH /api/account/contact: the only contact detail a user edits directly. */
export const ZContactUpdate = z.object({ email: z.string().trim().max(200).pipe(z.email()).nullable() }).strict();
export type TContactUpdate = z.infer<typeof ZContactUpdate>;

/** POST /api/account/proposals: at least one change, and why. */
export const ZProposalCreate = z
  .object({
    jobTitleId: z.string().uuid().optional(),
    unitId: z.string().uuid().optional(),
    address: z.string().trim().min(1).max(300).optional(),
    phone: ZPhone.optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
export type TProposalCreate = z.infer<typeof ZProposalCreate>;

/** One proposed change: the value now and the value asked for (display names, not ids). */
export const ZProposalChange = z.object({
  field: ZProposalField,
  current: z.string().nullable(),
  proposed: z.string().nullable(),
});
export type TProposalChange = z.infer<typeof ZProposalChange>;

/** A proposal as its author sees it. */
export const ZProposal = z.object({
  id: z.string().uuid(),
  status: ZProposalStatus,
  reason: z.string().nullable(),
  changes: z.array(ZProposalChange),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  abilities: z.object({ withdraw: z.boolean() }),
});
export type TProposal = z.infer<typeof ZProposal>;

/** GET /api/account: the signed-in person's own profile. */
export const ZAccountProfile = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  unit: ZRef,
  jobTitle: ZRef.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  groups: z.array(z.object({ name: z.string(), scope: ZPermissionScope })),
  proposals: z.array(ZProposal),
});
export type TAccountProfile = z.infer<typeof ZAccountProfile>;

/** Active job titles a user may propose (GET /api/account/job-titles). */
export const ZJobTitleOptions = z.array(ZRef);

export const ZIdParams = z.object({ id: z.string().uuid() });

/** Some POST routes take no data; the body is an empty object. */
export const ZEmptyBody = z.object({}).strict();

/** GET /api/admin/account-proposals: the approval queue (Điều 3.7f). */
export const ZAdminProposalQuery = z.object({
  status: ZProposalStatus.default('pending'),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['createdAt', 'fullName', 'unit']).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TAdminProposalQuery = z.infer<typeof ZAdminProposalQuery>;

/** A proposal in the administrators' queue. */
export const ZAdminProposal = ZProposal.omit({ abilities: true }).extend({
  user: z.object({ id: z.string().uuid(), username: z.string(), fullName: z.string(), unitName: z.string() }),
  abilities: z.object({ decide: z.boolean() }),
});
export type TAdminProposal = z.infer<typeof ZAdminProposal>;

export const ZAdminProposalPage = z.object({
  items: z.array(ZAdminProposal),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TAdminProposalPage = z.infer<typeof ZAdminProposalPage>;

/** POST …/reject: the administrator says why. */
export const ZRejectBody = z.object({ note: z.string().trim().min(1).max(500) }).strict();

/** POST …/approve: an optional note for the proposer. */
export const ZApproveBody = z.object({ note: z.string().trim().max(500).optional() }).strict();

export const DELEGATION_STATUSES = ['upcoming', 'active', 'expired', 'revoked'] as const;
export const ZDelegationStatus = z.enum(DELEGATION_STATUSES);
export type TDelegationStatus = z.infer<typeof ZDelegationStatus>;

/** Where a delegation stands on a given day (YYYY-MM-DD, Vietnam time). */
export function delegationStatus(
  d: { startsOn: string; endsOn: string; revokedAt: string | null },
  today: string,
): TDelegationStatus {
  if (d.revokedAt) return 'revoked';
  if (d.endsOn < today) return 'expired';
  if (d.startsOn > today) return 'upcoming';
  return 'active';
}

/** POST /api/account/delegations. */
export const ZDelegationCreate = z
  .object({
    toUserId: z.string().uuid(),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
    note: z.string().trim().max(300).optional(),
  })
  .strict();
export type TDelegationCreate = z.infer<typeof ZDelegationCreate>;

const ZPerson = z.object({ id: z.string().uuid(), fullName: z.string(), unitName: z.string() });

export const ZDelegation = z.object({
  id: z.string().uuid(),
  from: ZPerson,
  to: ZPerson,
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  status: ZDelegationStatus,
  abilities: z.object({ revoke: z.boolean() }),
});
export type TDelegation = z.infer<typeof ZDelegation>;

/** GET /api/account/delegations: what I gave and what I received, newest first. */
export const ZDelegations = z.object({ given: z.array(ZDelegation), received: z.array(ZDelegation) });
export type TDelegations = z.infer<typeof ZDelegations>;

/** Request header naming the delegator the signed-in user acts for. */
export const ON_BEHALF_HEADER = 'X-On-Behalf-Of';

/** `details.reason` of the 403 answered when that header names no valid delegation. */
export const DELEGATION_INVALID = 'DELEGATION_INVALID';
