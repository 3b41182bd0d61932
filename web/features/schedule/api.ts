import { withActingFor } from '../../app/acting-for';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TScheduleCopyResult,
  TScheduleEntry,
  TScheduleEntryCreate,
  TScheduleEntryUpdate,
  TScheduleUnit,
  TScheduleWeek,
} from '../../../contracts/schedule';
import { apiFetch } from '../../app/api';

/** Every query of the schedule starts with this key, so a change refreshes them all. */
const ROOT = ['schedule'] as const;

/** GET /api/schedule/units: units to look at, own first, with whether the week is published. */
export const scheduleUnitsQuery = (weekStart: string) =>
  queryOptions({
    queryKey: [...ROOT, 'units', weekStart],
    queryFn: ({ signal }) => apiFetch<TScheduleUnit[]>('/api/schedule/units', { signal, query: { weekStart } }),
    placeholderData: keepPreviousData,
  });

/** GET /api/schedule/week: one unit's week (the own unit while none is chosen). */
export const scheduleWeekQuery = (unitId: string | null, weekStart: string) =>
  queryOptions({
    queryKey: [...ROOT, 'week', unitId ?? 'own', weekStart],
    queryFn: ({ signal }) => apiFetch<TScheduleWeek>('/api/schedule/week', { signal, query: { unitId, weekStart } }),
    placeholderData: keepPreviousData,
  });

/** Address of the printed week (opens in a new browser tab). */
export function weekPdfUrl(unitId: string, weekStart: string): string {
  return withActingFor('/api/schedule/week.pdf', { unitId, weekStart });
}

/** A unit's week. */
type WeekRef = { unitId: string; weekStart: string };

/** Writes of the schedule; each refreshes every schedule query. */
export function useScheduleMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ROOT });
  return {
    create: useMutation({
      mutationFn: (body: TScheduleEntryCreate) =>
        apiFetch<TScheduleEntry>('/api/schedule/entries', { method: 'POST', body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: TScheduleEntryUpdate & { id: string }) =>
        apiFetch<TScheduleEntry>(`/api/schedule/entries/${id}`, { method: 'PATCH', body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/schedule/entries/${id}/delete`, { method: 'POST' }),
      onSuccess,
    }),
    publish: useMutation({
      mutationFn: (ref: WeekRef) => apiFetch<TScheduleWeek>('/api/schedule/publish', { method: 'POST', body: ref }),
      onSuccess,
    }),
    unpublish: useMutation({
      mutationFn: (ref: WeekRef) => apiFetch<TScheduleWeek>('/api/schedule/unpublish', { method: 'POST', body: ref }),
      onSuccess,
    }),
    copyPrevious: useMutation({
      mutationFn: (ref: WeekRef) =>
        apiFetch<TScheduleCopyResult>('/api/schedule/copy-previous', { method: 'POST', body: ref }),
      onSuccess,
    }),
  };
}
