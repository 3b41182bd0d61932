import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TInternalCreate,
  TInternalDetail,
  TInternalFormOptions,
  TInternalPage,
  TInternalSearch,
  TNumbering,
} from '../../../contracts/internal';
import { apiFetch } from '../../app/api';

/**
 * TanStack Query hooks of the internal-documents API (/api/internal). A change refreshes the
 * lists, the form (next numbers) and the numbering settings.
 */
export const INTERNAL_KEY = ['internal'] as const;

type Query = Record<string, string | number | undefined | null>;

export const internalFormQuery = queryOptions({
  queryKey: [...INTERNAL_KEY, 'form'],
  queryFn: ({ signal }) => apiFetch<TInternalFormOptions>('/api/internal/form', { signal }),
});

export const numberingQuery = queryOptions({
  queryKey: [...INTERNAL_KEY, 'numbering'],
  queryFn: ({ signal }) => apiFetch<TNumbering>('/api/internal/numbering', { signal }),
});

export function internalListQuery(params: TInternalSearch) {
  return queryOptions({
    queryKey: [...INTERNAL_KEY, 'list', params],
    queryFn: ({ signal }) => apiFetch<TInternalPage>('/api/internal', { signal, query: params as Query }),
    placeholderData: keepPreviousData,
  });
}

export function internalDetailQuery(id: string) {
  return queryOptions({
    queryKey: [...INTERNAL_KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<TInternalDetail>(`/api/internal/${id}`, { signal }),
  });
}

/** URL base of a document's attachments (for FilePreview and AttachmentList). */
export const internalFiles = (id: string) => `/api/internal/${id}/files`;

export function useCreateInternal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TInternalCreate) => apiFetch<TInternalDetail>('/api/internal', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: INTERNAL_KEY }),
  });
}

export function useCancelInternal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiFetch<TInternalDetail>(`/api/internal/${id}/cancel`, { method: 'POST', body: { reason } }),
    onSuccess: (detail) => {
      qc.setQueryData(internalDetailQuery(id).queryKey, detail);
      void qc.invalidateQueries({ queryKey: INTERNAL_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

/** Records a recipient's first view (the row stops being bold). */
export function useMarkInternalSeen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/internal/${id}/seen`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...INTERNAL_KEY, 'list'] }),
  });
}

export function useNumberingActions() {
  const qc = useQueryClient();
  const done = (data: TNumbering) => {
    qc.setQueryData(numberingQuery.queryKey, data);
    void qc.invalidateQueries({ queryKey: [...INTERNAL_KEY, 'form'] });
  };
  return {
    add: useMutation({
      mutationFn: (documentTypeId: string) =>
        apiFetch<TNumbering>('/api/internal/numbering', { method: 'POST', body: { documentTypeId } }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (documentTypeId: string) =>
        apiFetch<TNumbering>(`/api/internal/numbering/${documentTypeId}`, { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}
