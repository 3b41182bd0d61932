import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TChangePasswordRequest, TMe, TPasswordPolicy } from '../../../contracts/auth';
import type { TPreferencesUpdate } from '../../../contracts/preferences';
import { apiFetch } from '../../app/api';
import { ME_QUERY_KEY } from '../../app/auth';

/** Password strength rules from the system settings (GET /api/auth/password-policy). */
export const passwordPolicyQueryOptions = queryOptions({
  queryKey: ['password-policy'],
  queryFn: ({ signal }) => apiFetch<TPasswordPolicy>('/api/auth/password-policy', { signal }),
  staleTime: 10 * 60_000,
});

/** POST /api/auth/change-password; the current session stays, all others end. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: TChangePasswordRequest) =>
      apiFetch<{ ok: true }>('/api/auth/change-password', { method: 'POST', body }),
  });
}

/** PATCH /api/me/preferences, then puts the new preferences into the `me` query (home updates at once). */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPreferencesUpdate) =>
      apiFetch<TMe['preferences']>('/api/me/preferences', { method: 'PATCH', body }),
    onSuccess: async (preferences) => {
      queryClient.setQueryData<TMe | null>(ME_QUERY_KEY, (me) => (me ? { ...me, preferences } : me));
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
