import { queryOptions } from '@tanstack/react-query';
import type { TDelegations } from '../../contracts/account';
import { apiFetch } from './api';

/** Delegations given and received by the signed-in person (GET /api/account/delegations). */
export const delegationsQueryOptions = queryOptions({
  queryKey: ['account', 'delegations'],
  queryFn: ({ signal }) => apiFetch<TDelegations>('/api/account/delegations', { signal }),
  staleTime: 60_000,
});
