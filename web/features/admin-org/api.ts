import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TAdminUnitDetail,
  TJobTitle,
  TJobTitleCreate,
  TJobTitleList,
  TJobTitleUpdate,
  TUnitCreate,
  TUnitList,
  TUnitUpdate,
} from '../../../contracts/admin-org';
import { apiFetch } from '../../app/api';
import { ME_QUERY_KEY } from '../../app/auth';

const UNITS_KEY = ['admin-org', 'units'] as const;
const TITLES_KEY = ['admin-org', 'job-titles'] as const;

/** The unit tree in the actor's scope (GET /api/admin/units); `q` keeps matches and their ancestors. */
export function unitsQueryOptions(q: string, includeInactive: boolean) {
  return queryOptions({
    queryKey: [...UNITS_KEY, 'list', { q, includeInactive }],
    queryFn: ({ signal }) =>
      apiFetch<TUnitList>('/api/admin/units', {
        query: { q: q || undefined, includeInactive: includeInactive ? 'true' : undefined },
        signal,
      }),
  });
}

/** One unit (GET /api/admin/units/:id). */
export function unitQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...UNITS_KEY, 'one', id],
    queryFn: ({ signal }) => apiFetch<TAdminUnitDetail>(`/api/admin/units/${id}`, { signal }),
  });
}

type UnitAction =
  | { kind: 'create'; body: TUnitCreate }
  | { kind: 'update'; id: string; body: TUnitUpdate }
  | { kind: 'move'; id: string; parentId: string | null }
  | { kind: 'deactivate'; id: string; reason?: string }
  | { kind: 'activate'; id: string };

function runUnitAction(action: UnitAction): Promise<TAdminUnitDetail> {
  switch (action.kind) {
    case 'create':
      return apiFetch('/api/admin/units', { method: 'POST', body: action.body });
    case 'update':
      return apiFetch(`/api/admin/units/${action.id}`, { method: 'PATCH', body: action.body });
    case 'move':
      return apiFetch(`/api/admin/units/${action.id}/move`, { method: 'POST', body: { parentId: action.parentId } });
    case 'deactivate':
      return apiFetch(`/api/admin/units/${action.id}/deactivate`, {
        method: 'POST',
        body: action.reason ? { reason: action.reason } : {},
      });
    case 'activate':
      return apiFetch(`/api/admin/units/${action.id}/activate`, { method: 'POST', body: {} });
  }
}

/** Every write on units; afterwards the tree, the unit and the directory's unit list are refetched. */
export function useUnitAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runUnitAction,
    onSuccess: async (unit) => {
      queryClient.setQueryData([...UNITS_KEY, 'one', unit.id], unit);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: UNITS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['units', 'options'] }),
        // The top bar shows the signed-in user's unit name.
        queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
      ]);
    },
  });
}

/** Job titles in rank order (GET /api/admin/job-titles). */
export function jobTitlesQueryOptions(q: string, includeInactive: boolean) {
  return queryOptions({
    queryKey: [...TITLES_KEY, { q, includeInactive }],
    queryFn: ({ signal }) =>
      apiFetch<TJobTitleList>('/api/admin/job-titles', {
        query: { q: q || undefined, includeInactive: includeInactive ? 'true' : undefined },
        signal,
      }),
  });
}

type TitleAction =
  | { kind: 'create'; body: TJobTitleCreate }
  | { kind: 'update'; id: string; body: TJobTitleUpdate }
  | { kind: 'deactivate' | 'activate'; id: string };

/** Create, edit, deactivate or activate a job title, then refetch the list. */
export function useJobTitleAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TitleAction): Promise<TJobTitle> => {
      if (action.kind === 'create') return apiFetch('/api/admin/job-titles', { method: 'POST', body: action.body });
      if (action.kind === 'update')
        return apiFetch(`/api/admin/job-titles/${action.id}`, { method: 'PATCH', body: action.body });
      return apiFetch(`/api/admin/job-titles/${action.id}/${action.kind}`, { method: 'POST', body: {} });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: TITLES_KEY }),
        // The signed-in user's own job title may have been renamed.
        queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
      ]),
  });
}

/** POST /api/admin/job-titles/reorder with the new order of ids. */
export function useReorderJobTitles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      apiFetch<TJobTitleList>('/api/admin/job-titles/reorder', { method: 'POST', body: { ids } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TITLES_KEY }),
  });
}
