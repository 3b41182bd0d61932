import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TDocumentKind, TDocumentSummary, TLinkCreate, TLinkTree } from '../../../contracts/links';
import { apiFetch } from '../../app/api';

/** TanStack Query hooks of the links API (/api/links). A change refreshes every open tree. */
export const LINKS_KEY = ['links'] as const;

export function linkTreeQuery(kind: TDocumentKind, id: string) {
  return queryOptions({
    queryKey: [...LINKS_KEY, 'tree', kind, id],
    queryFn: ({ signal }) => apiFetch<TLinkTree>('/api/links/tree', { signal, query: { kind, id } }),
  });
}

/** Documents of one kind to link to, searched by subject (no diacritics needed) or number. */
export function useLinkSearch(kind: TDocumentKind, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...LINKS_KEY, 'search', kind, q],
    queryFn: ({ signal }) =>
      apiFetch<TDocumentSummary[]>('/api/links/search', { signal, query: { kind, q, limit: 20 } }),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useCreateLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TLinkCreate) => apiFetch<{ id: string }>('/api/links', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: LINKS_KEY }),
  });
}

export function useRemoveLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/links/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: LINKS_KEY }),
  });
}
