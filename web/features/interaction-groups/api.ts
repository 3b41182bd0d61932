import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TInteractionGroup, TInteractionGroupInput } from '../../../contracts/interaction-groups';
import { apiFetch } from '../../app/api';

export const INTERACTION_GROUPS_KEY = ['interaction-groups'] as const;

/** GET /api/interaction-groups: my groups. */
export const interactionGroupsQuery = queryOptions({
  queryKey: INTERACTION_GROUPS_KEY,
  queryFn: ({ signal }) => apiFetch<TInteractionGroup[]>('/api/interaction-groups', { signal }),
});

export function useInteractionGroupMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: INTERACTION_GROUPS_KEY });
  return {
    save: useMutation({
      mutationFn: ({ id, ...body }: TInteractionGroupInput & { id?: string }) =>
        id
          ? apiFetch<TInteractionGroup>(`/api/interaction-groups/${id}`, { method: 'PUT', body })
          : apiFetch<TInteractionGroup>('/api/interaction-groups', { method: 'POST', body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiFetch<null>(`/api/interaction-groups/${id}/remove`, { method: 'POST' }),
      onSuccess,
    }),
  };
}
