import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TAccountProfile,
  TAdminProposal,
  TAdminProposalPage,
  TAdminProposalQuery,
  TContactUpdate,
  TDelegation,
  TDelegationCreate,
  TProposal,
  TProposalCreate,
} from '../../../contracts/account';
import { apiFetch } from '../../app/api';
import { BADGES_QUERY_KEY } from '../../app/badges';
import { delegationsQueryOptions } from '../../app/delegations-query';

export { delegationsQueryOptions };

const ACCOUNT_KEY = ['account', 'profile'] as const;
const QUEUE_KEY = ['account', 'queue'] as const;

/** The own profile with the history of proposals (GET /api/account). */
export const accountQueryOptions = queryOptions({
  queryKey: ACCOUNT_KEY,
  queryFn: ({ signal }) => apiFetch<TAccountProfile>('/api/account', { signal }),
  // The author learns a decision through a notification; the page refreshes when looked at again.
  refetchOnWindowFocus: true,
});

/** Active job titles for the proposal form. */
export const jobTitlesQueryOptions = queryOptions({
  queryKey: ['account', 'job-titles'],
  queryFn: ({ signal }) => apiFetch<{ id: string; name: string }[]>('/api/account/job-titles', { signal }),
  staleTime: 10 * 60_000,
});

/** One page of the administrators' queue. */
export function queueQueryOptions(q: TAdminProposalQuery) {
  return queryOptions({
    queryKey: [...QUEUE_KEY, q],
    queryFn: ({ signal }) => apiFetch<TAdminProposalPage>('/api/admin/account-proposals', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** PATCH /api/account/contact. */
export function useUpdateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TContactUpdate) => apiFetch<TAccountProfile>('/api/account/contact', { method: 'PATCH', body }),
    onSuccess: (profile) => client.setQueryData(ACCOUNT_KEY, profile),
  });
}

/** POST /api/account/proposals, then the history shows it. */
export function usePropose() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TProposalCreate) => apiFetch<TProposal>('/api/account/proposals', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNT_KEY }),
  });
}

/** POST /api/account/proposals/:id/withdraw. */
export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<TProposal>(`/api/account/proposals/${id}/withdraw`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNT_KEY }),
  });
}

/** Approve (optional note) or reject (note required) a proposal from the queue. */
export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'approve' | 'reject'; note?: string }) =>
      apiFetch<TAdminProposal>(`/api/admin/account-proposals/${id}/${action}`, {
        method: 'POST',
        body: note ? { note } : {},
      }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: QUEUE_KEY }),
        client.invalidateQueries({ queryKey: BADGES_QUERY_KEY }),
      ]);
    },
  });
}

/** POST /api/account/delegations. */
export function useDelegate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TDelegationCreate) =>
      apiFetch<TDelegation>('/api/account/delegations', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: delegationsQueryOptions.queryKey }),
  });
}

/** POST /api/account/delegations/:id/revoke. */
export function useRevokeDelegation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<TDelegation>(`/api/account/delegations/${id}/revoke`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: delegationsQueryOptions.queryKey }),
  });
}
