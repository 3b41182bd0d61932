import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TNotificationList, TNotificationRead } from '../../../contracts/notifications';
import { apiFetch } from '../../app/api';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** GET /api/notifications: the newest notifications and the unread count. */
export const notificationsQueryOptions = queryOptions({
  queryKey: NOTIFICATIONS_KEY,
  queryFn: ({ signal }) => apiFetch<TNotificationList>('/api/notifications?limit=30', { signal }),
});

/** Marks notifications read (all when no ids). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNotificationRead) =>
      apiFetch<{ ok: true }>('/api/notifications/read', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
