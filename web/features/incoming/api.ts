import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBoxCounts,
  TComplete,
  TDirect,
  TDuplicate,
  TForward,
  TForwardLeader,
  TIncomingBox,
  TIncomingCreate,
  TIncomingCreated,
  TIncomingDetail,
  TIncomingFormOptions,
  TIncomingPage,
  TIncomingSearch,
  TIncomingUpdate,
  TOpinionCreate,
  TOpinionRequest,
  TPersonOption,
  TPresent,
  TProgress,
  TReassign,
} from '../../../contracts/incoming';
import { withActingFor } from '../../app/acting-for';
import { apiFetch } from '../../app/api';

/**
 * TanStack Query hooks of the incoming-documents API (/api/incoming). Every mutation refreshes
 * the lists, the box counts and the document it touched, so all open tabs agree.
 */
export const INCOMING_KEY = ['incoming'] as const;

type Query = Record<string, string | number | undefined | null>;

export const formOptionsQuery = queryOptions({
  queryKey: [...INCOMING_KEY, 'form'],
  queryFn: ({ signal }) => apiFetch<TIncomingFormOptions>('/api/incoming/form', { signal }),
});

export const boxCountsQuery = queryOptions({
  queryKey: [...INCOMING_KEY, 'boxes'],
  queryFn: ({ signal }) => apiFetch<TBoxCounts>('/api/incoming/boxes', { signal }),
});

export function boxQuery(box: TIncomingBox, page: number, pageSize = 20) {
  return queryOptions({
    queryKey: [...INCOMING_KEY, 'box', box, page, pageSize],
    queryFn: ({ signal }) => apiFetch<TIncomingPage>(`/api/incoming/box/${box}`, { signal, query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function searchQuery(params: TIncomingSearch) {
  return queryOptions({
    queryKey: [...INCOMING_KEY, 'search', params],
    queryFn: ({ signal }) => apiFetch<TIncomingPage>('/api/incoming', { signal, query: params as Query }),
    placeholderData: keepPreviousData,
  });
}

/** URL of the XLSX export of a search (same filters). */
export function exportUrl(params: TIncomingSearch): string {
  return withActingFor('/api/incoming/export.xlsx', params as Query);
}

export function detailQuery(id: string) {
  return queryOptions({
    queryKey: [...INCOMING_KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<TIncomingDetail>(`/api/incoming/${id}`, { signal }),
  });
}

/** URLs of a document's attachment (inline or download), its DOCX preview and the processing slip. */
export const incomingUrls = {
  file: (id: string, fileId: string, download = false) =>
    `/api/incoming/${id}/files/${fileId}/content${download ? '?download=1' : ''}`,
  fileBase: (id: string) => `/api/incoming/${id}/files`,
  preview: (id: string, fileId: string) => `/api/incoming/${id}/files/${fileId}/preview`,
  slip: (id: string) => `/api/incoming/${id}/slip.pdf`,
};

/** People to pick (leaders to present to, handlers to assign), searched by name without diacritics. */
export function usePeople(q: string, kind: 'leaders' | 'handlers', unitId?: string) {
  return useQuery({
    queryKey: [...INCOMING_KEY, 'people', kind, q, unitId ?? ''],
    queryFn: ({ signal }) =>
      apiFetch<TPersonOption[]>('/api/incoming/people', { signal, query: { q, kind, unitId, limit: 30 } }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Documents already registered with the same code and organ (a warning on the entry form). */
export function useDuplicates(q: {
  codeNumber?: string;
  codeNotation?: string;
  issuingOrganId?: string;
  issuingOrganName?: string;
}) {
  const enabled = Boolean(q.codeNumber && (q.issuingOrganId || q.issuingOrganName));
  return useQuery({
    queryKey: [...INCOMING_KEY, 'duplicates', q],
    queryFn: ({ signal }) => apiFetch<TDuplicate[]>('/api/incoming/duplicates', { signal, query: q }),
    enabled,
    staleTime: 10_000,
  });
}

/** Registers a document (Nhập văn bản đến). */
export function useRegisterIncoming() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TIncomingCreate) => apiFetch<TIncomingCreated>('/api/incoming', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: INCOMING_KEY }),
  });
}

/** Every action on one document; each answers the fresh detail, which replaces the cached one. */
export function useIncomingActions(id: string) {
  const qc = useQueryClient();
  const done = (detail: TIncomingDetail) => {
    qc.setQueryData(detailQuery(id).queryKey, detail);
    void qc.invalidateQueries({ queryKey: INCOMING_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
  const post = <B>(path: string) => ({
    mutationFn: (body: B) => apiFetch<TIncomingDetail>(`/api/incoming/${id}/${path}`, { method: 'POST', body }),
    onSuccess: done,
  });
  return {
    update: useMutation({
      mutationFn: (body: TIncomingUpdate) =>
        apiFetch<TIncomingDetail>(`/api/incoming/${id}`, { method: 'PATCH', body }),
      onSuccess: done,
    }),
    present: useMutation(post<TPresent>('present')),
    forward: useMutation(post<TForward>('forward')),
    returnToSender: useMutation(post<{ reason: string }>('return')),
    cancel: useMutation(post<{ reason: string }>('cancel')),
    direct: useMutation(post<TDirect>('direct')),
    forwardLeader: useMutation(post<TForwardLeader>('forward-leader')),
    reassign: useMutation(post<TReassign>('reassign')),
    opinion: useMutation(post<TOpinionCreate>('opinions')),
    askOpinion: useMutation(post<TOpinionRequest>('opinion-requests')),
    progress: useMutation(post<TProgress>('progress')),
    complete: useMutation(post<TComplete>('complete')),
  };
}

/** Records the first view of a document (the unread badge drops). */
export function useMarkSeen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/incoming/${id}/seen`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: INCOMING_KEY, predicate: (q) => q.queryKey[1] !== 'detail' }),
  });
}
