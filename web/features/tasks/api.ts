import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TDirectoryPage } from '../../../contracts/directory';
import type { TIncomingPage } from '../../../contracts/incoming';
import type {
  TAssignedQuery,
  TReceivedCounts,
  TTaskAssign,
  TTaskBoard,
  TTaskChangeDue,
  TTaskClose,
  TTaskCreate,
  TTaskDecision,
  TTaskDetail,
  TTaskHandOn,
  TTaskNote,
  TTaskPage,
  TTaskPropose,
  TTaskReason,
  TTaskReceivedBox,
  TTaskReport,
  TTaskUpdate,
  TTaskUrge,
} from '../../../contracts/tasks';
import { apiFetch } from '../../app/api';

/**
 * TanStack Query hooks of the tasks API (/api/tasks). Every write answers the fresh task, which
 * replaces the cached one; the lists, counts and board are refreshed so that all open tabs agree.
 */
export const TASKS_KEY = ['tasks'] as const;

type Query = Record<string, string | number | undefined | null>;

export const receivedCountsQuery = queryOptions({
  queryKey: [...TASKS_KEY, 'received-counts'],
  queryFn: ({ signal }) => apiFetch<TReceivedCounts>('/api/tasks/received/counts', { signal }),
});

export function receivedQuery(box: TTaskReceivedBox, page: number, pageSize: number) {
  return queryOptions({
    queryKey: [...TASKS_KEY, 'received', box, page, pageSize],
    queryFn: ({ signal }) => apiFetch<TTaskPage>(`/api/tasks/received/${box}`, { signal, query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function assignedQuery(params: TAssignedQuery) {
  return queryOptions({
    queryKey: [...TASKS_KEY, 'assigned', params],
    queryFn: ({ signal }) => apiFetch<TTaskPage>('/api/tasks/assigned', { signal, query: params as Query }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export const boardQuery = queryOptions({
  queryKey: [...TASKS_KEY, 'board'],
  queryFn: ({ signal }) => apiFetch<TTaskBoard>('/api/tasks/board', { signal }),
  refetchInterval: 60_000,
});

export function taskQuery(id: string) {
  return queryOptions({
    queryKey: [...TASKS_KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<TTaskDetail>(`/api/tasks/${id}`, { signal }),
  });
}

/** URL of a task's files (`fileUrl(collection, file)` adds `/<fileId>/content`). */
export const taskFilesUrl = (id: string) => `/api/tasks/${id}/files`;

/** People to pick, searched by name without diacritics (the phone book of the organisation). */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ['directory', 'pick', q],
    queryFn: ({ signal }) => apiFetch<TDirectoryPage>('/api/directory', { signal, query: { q, limit: 20 } }),
    enabled: q.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Every active unit (to give a task to a unit's leaders). */
export function useUnitOptions() {
  return useQuery({
    queryKey: ['units', 'options'],
    queryFn: ({ signal }) =>
      apiFetch<{ id: string; name: string; parentId: string | null }[]>('/api/units/options', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** Incoming documents to relate, searched by subject (only for people who may view incoming documents). */
export function useIncomingSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['incoming', 'search', 'task-related', q],
    queryFn: ({ signal }) =>
      apiFetch<TIncomingPage>('/api/incoming', {
        signal,
        query: { q: q || undefined, pageSize: 10, sort: 'arrivalAt' },
      }),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** Creates a task (for oneself, for others, or a sub-task). */
export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TTaskCreate) => apiFetch<TTaskDetail>('/api/tasks', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TASKS_KEY }),
  });
}

/** Every step on one task; each answers the fresh detail, which replaces the cached one. */
export function useTaskActions(id: string) {
  const qc = useQueryClient();
  const done = (detail: TTaskDetail) => {
    qc.setQueryData(taskQuery(id).queryKey, detail);
    void qc.invalidateQueries({
      queryKey: TASKS_KEY,
      predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === id),
    });
  };
  const post = <B>(path: string) => ({
    mutationFn: (body: B) => apiFetch<TTaskDetail>(`/api/tasks/${id}/${path}`, { method: 'POST', body }),
    onSuccess: done,
  });
  return {
    update: useMutation({
      mutationFn: (body: TTaskUpdate) => apiFetch<TTaskDetail>(`/api/tasks/${id}`, { method: 'PATCH', body }),
      onSuccess: done,
    }),
    assign: useMutation(post<TTaskAssign>('assign')),
    accept: useMutation(post<TTaskNote>('accept')),
    propose: useMutation(post<TTaskPropose>('propose')),
    handOn: useMutation(post<TTaskHandOn>('hand-on')),
    report: useMutation(post<TTaskReport>('report')),
    urge: useMutation(post<TTaskUrge>('urge')),
    changeDue: useMutation(post<TTaskChangeDue>('change-due')),
    close: useMutation(post<TTaskClose>('close')),
    cancel: useMutation(post<TTaskReason>('cancel')),
    approve: useMutation({
      mutationFn: ({ assignmentId, ...body }: TTaskDecision & { assignmentId: string }) =>
        apiFetch<TTaskDetail>(`/api/tasks/${id}/proposals/${assignmentId}/approve`, { method: 'POST', body }),
      onSuccess: done,
    }),
    reject: useMutation({
      mutationFn: ({ assignmentId, ...body }: TTaskReason & { assignmentId: string }) =>
        apiFetch<TTaskDetail>(`/api/tasks/${id}/proposals/${assignmentId}/reject`, { method: 'POST', body }),
      onSuccess: done,
    }),
  };
}

export type TaskActions = ReturnType<typeof useTaskActions>;
