import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TApprove,
  TFlow,
  TFlowInput,
  TInboxDetail,
  TInboxItem,
  TIssue,
  TOutgoingBox,
  TOutgoingBoxCounts,
  TOutgoingCreate,
  TOutgoingDetail,
  TOutgoingFormOptions,
  TOutgoingPage,
  TOutgoingReason,
  TOutgoingSearch,
  TOutgoingUpdate,
  TSubmit,
  TVersionCreate,
} from '../../../contracts/outgoing';
import { withActingFor } from '../../app/acting-for';
import { apiFetch } from '../../app/api';
import { BADGES_QUERY_KEY } from '../../app/badges';

/**
 * TanStack Query hooks of the outgoing-documents API (/api/outgoing) and of the recipient side of
 * the exchange between units (/api/exchange). Every mutation refreshes the lists, the box counts
 * and the document it touched, so all open tabs agree.
 */
export const OUTGOING_KEY = ['outgoing'] as const;
export const EXCHANGE_KEY = ['exchange'] as const;

type Query = Record<string, string | number | undefined | null>;

export const outgoingFormQuery = queryOptions({
  queryKey: [...OUTGOING_KEY, 'form'],
  queryFn: ({ signal }) => apiFetch<TOutgoingFormOptions>('/api/outgoing/form', { signal }),
});

export const outgoingBoxCountsQuery = queryOptions({
  queryKey: [...OUTGOING_KEY, 'boxes'],
  queryFn: ({ signal }) => apiFetch<TOutgoingBoxCounts>('/api/outgoing/box-counts', { signal }),
});

export function outgoingBoxQuery(box: TOutgoingBox, page: number, pageSize: number, days: number) {
  return queryOptions({
    queryKey: [...OUTGOING_KEY, 'box', box, page, pageSize, box === 'tracking' ? days : 0],
    queryFn: ({ signal }) =>
      apiFetch<TOutgoingPage>(`/api/outgoing/box/${box}`, {
        signal,
        query: { page, pageSize, days: box === 'tracking' ? days : undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

export function outgoingSearchQuery(params: TOutgoingSearch) {
  return queryOptions({
    queryKey: [...OUTGOING_KEY, 'search', params],
    queryFn: ({ signal }) => apiFetch<TOutgoingPage>('/api/outgoing', { signal, query: params as Query }),
    placeholderData: keepPreviousData,
  });
}

/** URL of the XLSX export of a search (same filters). */
export function outgoingExportUrl(params: TOutgoingSearch): string {
  return withActingFor('/api/outgoing/export.xlsx', params as Query);
}

export function outgoingDetailQuery(id: string) {
  return queryOptions({
    queryKey: [...OUTGOING_KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<TOutgoingDetail>(`/api/outgoing/${id}`, { signal }),
    // Receipts come back from other units at any time: reopening a document always asks again
    // (the cached one shows meanwhile).
    staleTime: 0,
  });
}

/** URLs of a document's files (the collection FilePreview appends `/<fileId>/content` to) and edXML packages. */
export const outgoingUrls = {
  fileBase: (id: string) => `/api/outgoing/${id}/files`,
  edxml: (id: string, deliveryId: string) => withActingFor(`/api/outgoing/${id}/edxml`, { deliveryId }),
  inboxFileBase: (deliveryId: string) => `/api/exchange/inbox/${deliveryId}/files`,
};

/** Lists and counts (not the open documents) after a change. */
function refreshLists(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: OUTGOING_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
  void qc.invalidateQueries({ queryKey: BADGES_QUERY_KEY });
}

/** Creates a draft (Soạn văn bản đi). */
export function useCreateOutgoing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TOutgoingCreate) => apiFetch<TOutgoingDetail>('/api/outgoing', { method: 'POST', body }),
    onSuccess: (detail) => {
      qc.setQueryData(outgoingDetailQuery(detail.id).queryKey, detail);
      refreshLists(qc);
    },
  });
}

/** Submits a document for approval (used right after creating it: "Lưu và trình duyệt"). */
export function useSubmitOutgoing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TSubmit }) =>
      apiFetch<TOutgoingDetail>(`/api/outgoing/${id}/submit`, { method: 'POST', body }),
    onSuccess: (detail) => {
      qc.setQueryData(outgoingDetailQuery(detail.id).queryKey, detail);
      refreshLists(qc);
    },
  });
}

/** Every action on one document; each answers the fresh detail, which replaces the cached one. */
export function useOutgoingActions(id: string) {
  const qc = useQueryClient();
  const done = (detail: TOutgoingDetail) => {
    qc.setQueryData(outgoingDetailQuery(detail.id).queryKey, detail);
    refreshLists(qc);
  };
  const post = <B>(path: string) => ({
    mutationFn: (body: B) => apiFetch<TOutgoingDetail>(`/api/outgoing/${id}/${path}`, { method: 'POST', body }),
    onSuccess: done,
  });
  return {
    update: useMutation({
      mutationFn: (body: TOutgoingUpdate) =>
        apiFetch<TOutgoingDetail>(`/api/outgoing/${id}`, { method: 'PATCH', body }),
      onSuccess: done,
    }),
    addVersion: useMutation(post<TVersionCreate>('versions')),
    submit: useMutation(post<TSubmit>('submit')),
    approve: useMutation(post<TApprove>('approve')),
    return: useMutation(post<TOutgoingReason>('return')),
    cancel: useMutation(post<TOutgoingReason>('cancel')),
    issue: useMutation(post<TIssue>('issue')),
    send: useMutation(post<Record<string, never>>('send')),
    recall: useMutation(post<TOutgoingReason>('recall')),
    replace: useMutation(post<Record<string, never>>('replace')),
  };
}
export type OutgoingActions = ReturnType<typeof useOutgoingActions>;

/** After a document was opened (the server records the first view): the unread counts drop. */
export function useRefreshAfterView() {
  const qc = useQueryClient();
  return () => refreshLists(qc);
}

// ── Approval flows ───────────────────────────────────────────────────────────

export function flowsQuery(unitId: string | null) {
  return queryOptions({
    queryKey: [...OUTGOING_KEY, 'flows', unitId ?? ''],
    queryFn: ({ signal }) =>
      apiFetch<TFlow[]>('/api/outgoing/flows', { signal, query: { unitId: unitId ?? undefined } }),
    enabled: Boolean(unitId),
  });
}

/** Creates (no id) or replaces a flow. */
export function useSaveFlow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TFlowInput }) =>
      id
        ? apiFetch<TFlow>(`/api/outgoing/flows/${id}`, { method: 'PUT', body })
        : apiFetch<TFlow>('/api/outgoing/flows', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: OUTGOING_KEY }),
  });
}

export function useDeactivateFlow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TFlow>(`/api/outgoing/flows/${id}/deactivate`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: OUTGOING_KEY }),
  });
}

// ── Exchange: documents other units sent to this one ─────────────────────────

export const inboxQuery = queryOptions({
  queryKey: [...EXCHANGE_KEY, 'inbox'],
  queryFn: ({ signal }) => apiFetch<TInboxItem[]>('/api/exchange/inbox', { signal }),
});

export function inboxDetailQuery(deliveryId: string) {
  return queryOptions({
    queryKey: [...EXCHANGE_KEY, 'inbox', deliveryId],
    queryFn: ({ signal }) => apiFetch<TInboxDetail>(`/api/exchange/inbox/${deliveryId}`, { signal }),
  });
}

/** Refuses a delivery (wrongly addressed) or confirms its recall; both answer 204. */
export function useInboxActions() {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: EXCHANGE_KEY });
    void qc.invalidateQueries({ queryKey: OUTGOING_KEY });
  };
  return {
    refuse: useMutation({
      mutationFn: ({ deliveryId, reason }: { deliveryId: string; reason: string }) =>
        apiFetch<void>(`/api/exchange/inbox/${deliveryId}/refuse`, { method: 'POST', body: { reason } }),
      onSuccess: done,
    }),
    confirmRecall: useMutation({
      mutationFn: (deliveryId: string) =>
        apiFetch<void>(`/api/exchange/inbox/${deliveryId}/confirm-recall`, { method: 'POST', body: {} }),
      onSuccess: done,
    }),
  };
}

/** The exchange inbox, only for clerks (the query is off for everyone else). */
export function useInbox(enabled: boolean) {
  return useQuery({ ...inboxQuery, enabled });
}
