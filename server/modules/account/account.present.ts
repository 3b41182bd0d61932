import type { TAdminProposal, TProposal, TProposalChange, TProposalStatus } from '../../../contracts/account';
import type { ProposalRow } from './account.repository';

/** The proposed changes, field by field, with the author's value now and the value asked for. */
export function presentChanges(row: ProposalRow): TProposalChange[] {
  const c = row.changes;
  const out: TProposalChange[] = [];
  if (c.unitId) out.push({ field: 'unit', current: row.unitName, proposed: row.newUnitName });
  if (c.jobTitleId) out.push({ field: 'jobTitle', current: row.curJobTitle, proposed: row.newJobTitle });
  if (c.address !== undefined) out.push({ field: 'address', current: row.curAddress, proposed: c.address });
  if (c.phone !== undefined) out.push({ field: 'phone', current: row.curPhone, proposed: c.phone });
  return out;
}

function base(row: ProposalRow) {
  return {
    id: row.id,
    status: row.status as TProposalStatus,
    reason: row.reason,
    changes: presentChanges(row),
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    decidedByName: row.decidedByName,
    decisionNote: row.decisionNote,
  };
}

/** A proposal as its author sees it. */
export function presentOwnProposal(row: ProposalRow): TProposal {
  return { ...base(row), abilities: { withdraw: row.status === 'pending' } };
}

/** A proposal in the administrators' queue; `decide` comes from the policy. */
export function presentQueueItem(row: ProposalRow, decide: boolean): TAdminProposal {
  return {
    ...base(row),
    user: { id: row.userId, username: row.username, fullName: row.fullName, unitName: row.unitName },
    abilities: { decide: decide && row.status === 'pending' },
  };
}
