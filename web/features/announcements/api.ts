import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAnnouncementCreate,
  TAnnouncementCreated,
  TComposeOptions,
  TGroupOption,
  TInboxPage,
  TReceipts,
  TSentPage,
} from '../../../contracts/announcements';
import type { TDirectoryPage } from '../../../contracts/directory';
import { apiFetch } from '../../app/api';
import { BADGES_QUERY_KEY } from '../../app/badges';

/** Query keys of the function (sent list, receipts) and of the "Tin nhắn mới" drawer (inbox). */
export const ANN_KEY = ['announcements'] as const;
export const INBOX_KEY = ['announcements', 'inbox'] as const;

export const composeOptionsQuery = queryOptions({
  queryKey: [...ANN_KEY, 'options'],
  queryFn: ({ signal }) => apiFetch<TComposeOptions>('/api/announcements/options', { signal }),
});

export const groupOptionsQuery = queryOptions({
  queryKey: [...ANN_KEY, 'groups'],
  queryFn: ({ signal }) => apiFetch<TGroupOption[]>('/api/announcements/groups', { signal }),
  staleTime: 60_000,
});

export const unitOptionsQuery = queryOptions({
  queryKey: ['units', 'options'],
  queryFn: ({ signal }) =>
    apiFetch<{ id: string; name: string; parentId: string | null }[]>('/api/units/options', { signal }),
  staleTime: 60_000,
});

export function sentQuery(page: number) {
  return queryOptions({
    queryKey: [...ANN_KEY, 'sent', page],
    queryFn: ({ signal }) => apiFetch<TSentPage>('/api/announcements/sent', { signal, query: { page } }),
    placeholderData: keepPreviousData,
  });
}

export function receiptsQuery(id: string) {
  return queryOptions({
    queryKey: [...ANN_KEY, 'receipts', id],
    queryFn: ({ signal }) => apiFetch<TReceipts>(`/api/announcements/${id}/receipts`, { signal }),
  });
}

export function inboxQuery(page: number) {
  return queryOptions({
    queryKey: [...INBOX_KEY, page],
    queryFn: ({ signal }) => apiFetch<TInboxPage>('/api/announcements/inbox', { signal, query: { page } }),
    placeholderData: keepPreviousData,
  });
}

/** People search for the recipients (the phone book: names without diacritics). */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ['directory', 'announcement-people', q],
    queryFn: ({ signal }) => apiFetch<TDirectoryPage>('/api/directory', { signal, query: { q, limit: 30 } }),
    enabled: q.length >= 1,
    placeholderData: keepPreviousData,
  });
}

export function useSendAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAnnouncementCreate) =>
      apiFetch<TAnnouncementCreated>('/api/announcements', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...ANN_KEY, 'sent'] }),
  });
}

/** Read receipt; the inbox and the counters are refreshed (the push also brings the badge). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ ok: true; unread: number }>(`/api/announcements/${id}/read`, { method: 'POST' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
      void queryClient.invalidateQueries({ queryKey: BADGES_QUERY_KEY });
    },
  });
}
