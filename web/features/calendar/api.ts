import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TCalendarEntry,
  TCalendarEntryInput,
  TCalendarFeed,
  TCalendarSkip,
} from '../../../contracts/personal-calendar';
import { apiFetch } from '../../app/api';

/** Every query of the personal calendar starts with this key, so a change refreshes them all. */
const ROOT = ['calendar-personal'] as const;

/** GET /api/calendar/feed: what to show between two dates (inclusive). */
export const feedQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: [...ROOT, 'feed', from, to],
    queryFn: ({ signal }) => apiFetch<TCalendarFeed>('/api/calendar/feed', { signal, query: { from, to } }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** GET /api/calendar/entries/:id */
export const entryQuery = (id: string) =>
  queryOptions({
    queryKey: [...ROOT, 'entry', id],
    queryFn: ({ signal }) => apiFetch<TCalendarEntry>(`/api/calendar/entries/${id}`, { signal }),
  });

/** Writes of the calendar; each refreshes every calendar query. */
export function useCalendarMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ROOT });
  return {
    create: useMutation({
      mutationFn: (body: TCalendarEntryInput) =>
        apiFetch<TCalendarEntry>('/api/calendar/entries', { method: 'POST', body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: TCalendarEntryInput & { id: string }) =>
        apiFetch<TCalendarEntry>(`/api/calendar/entries/${id}`, { method: 'PUT', body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/calendar/entries/${id}/delete`, { method: 'POST' }),
      onSuccess,
    }),
    skip: useMutation({
      mutationFn: ({ id, ...body }: TCalendarSkip & { id: string }) =>
        apiFetch<TCalendarEntry>(`/api/calendar/entries/${id}/skip`, { method: 'POST', body }),
      onSuccess,
    }),
  };
}

export type CalendarMutations = ReturnType<typeof useCalendarMutations>;
