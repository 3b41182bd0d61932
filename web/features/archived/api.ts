import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TArchivedCreate,
  TArchivedDetail,
  TArchivedPage,
  TArchivedSearch,
  TArchivedUpdate,
  TFrequent,
} from '../../../contracts/archived';
import { apiFetch } from '../../app/api';

/** TanStack Query hooks of the archived-documents API (/api/archived). */
export const ARCHIVED_KEY = ['archived'] as const;

type Query = Record<string, string | number | undefined | null>;

export function archivedSearchQuery(params: TArchivedSearch) {
  return queryOptions({
    queryKey: [...ARCHIVED_KEY, 'search', params],
    queryFn: ({ signal }) => apiFetch<TArchivedPage>('/api/archived', { signal, query: params as Query }),
    placeholderData: keepPreviousData,
  });
}

export const frequentQuery = queryOptions({
  queryKey: [...ARCHIVED_KEY, 'frequent'],
  queryFn: ({ signal }) => apiFetch<TFrequent>('/api/archived/frequent', { signal }),
});

export function archivedDetailQuery(id: string) {
  return queryOptions({
    queryKey: [...ARCHIVED_KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<TArchivedDetail>(`/api/archived/${id}`, { signal }),
  });
}

/** URL base of a document's attachments (for FilePreview and AttachmentList). */
export const archivedFiles = (id: string) => `/api/archived/${id}/files`;

export function useCreateArchived() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TArchivedCreate) => apiFetch<TArchivedDetail>('/api/archived', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ARCHIVED_KEY }),
  });
}

/** Edit, pin and remove one document; each refreshes the lists and "Hay dùng". */
export function useArchivedActions(id: string) {
  const qc = useQueryClient();
  const done = (detail: TArchivedDetail) => {
    qc.setQueryData(archivedDetailQuery(id).queryKey, detail);
    void qc.invalidateQueries({ queryKey: ARCHIVED_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
  return {
    update: useMutation({
      mutationFn: (body: TArchivedUpdate) =>
        apiFetch<TArchivedDetail>(`/api/archived/${id}`, { method: 'PATCH', body }),
      onSuccess: done,
    }),
    pin: useMutation({
      mutationFn: (pinned: boolean) =>
        apiFetch<TArchivedDetail>(`/api/archived/${id}/pin`, { method: 'POST', body: { pinned } }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: () => apiFetch<{ ok: true }>(`/api/archived/${id}`, { method: 'DELETE' }),
      onSuccess: () => qc.invalidateQueries({ queryKey: ARCHIVED_KEY }),
    }),
  };
}

/** Counts one opening (the "Mở nhiều nhất" list follows). */
export function useArchivedOpened() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/archived/${id}/opened`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...ARCHIVED_KEY, 'frequent'] }),
  });
}
