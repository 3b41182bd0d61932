import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSettingsUpdate, TSettingsView } from '../../../contracts/settings';
import { apiFetch } from '../../app/api';

const SETTINGS_KEY = ['admin', 'settings'] as const;

/** System settings with defaults (GET /api/admin/settings; admin.settings with scope `all`). */
export const adminSettingsQueryOptions = queryOptions({
  queryKey: SETTINGS_KEY,
  queryFn: ({ signal }) => apiFetch<TSettingsView>('/api/admin/settings', { signal }),
  retry: false,
});

/** PUT /api/admin/settings: saves a section at once; the answer replaces the cached view. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSettingsUpdate) => apiFetch<TSettingsView>('/api/admin/settings', { method: 'PUT', body }),
    onSuccess: (view) => {
      queryClient.setQueryData(SETTINGS_KEY, view);
      // The password rules shown next to password forms come from these settings.
      void queryClient.invalidateQueries({ queryKey: ['password-policy'] });
    },
  });
}

/** POST /api/admin/settings/:key/reset: back to the default. */
export function useResetSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) =>
      apiFetch<TSettingsView>(`/api/admin/settings/${encodeURIComponent(key)}/reset`, { method: 'POST' }),
    onSuccess: (view) => {
      queryClient.setQueryData(SETTINGS_KEY, view);
      void queryClient.invalidateQueries({ queryKey: ['password-policy'] });
    },
  });
}
