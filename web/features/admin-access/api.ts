import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TAuditFacets,
  TAuditFilters,
  TAuditPage,
  TGroupDetail,
  TGroupListQuery,
  TGroupMembersPage,
  TGroupPage,
  TPermissionInfo,
  TUserPick,
} from '../../../contracts/admin-access';
import type { TPermissionScope } from '../../../contracts/auth';
import { ApiError, NetworkError, apiFetch } from '../../app/api';
import { ME_QUERY_KEY } from '../../app/auth';

const GROUPS_KEY = ['admin-groups'] as const;

/** The permission catalogue (GET /api/admin/permissions). */
export const permissionsQueryOptions = queryOptions({
  queryKey: ['admin-permissions'],
  queryFn: ({ signal }) => apiFetch<TPermissionInfo[]>('/api/admin/permissions', { signal }),
  staleTime: 10 * 60_000,
});

/** One page of the groups list. */
export function groupsQueryOptions(q: TGroupListQuery) {
  return queryOptions({
    queryKey: [...GROUPS_KEY, 'list', q],
    queryFn: ({ signal }) => apiFetch<TGroupPage>('/api/admin/groups', { query: { ...q }, signal }),
  });
}

/** One group with permissions and abilities. */
export function groupQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...GROUPS_KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<TGroupDetail>(`/api/admin/groups/${id}`, { signal }),
  });
}

/** Members of a group, keyset-paged. */
export function membersQueryOptions(id: string, q: string) {
  return infiniteQueryOptions({
    queryKey: [...GROUPS_KEY, 'members', id, q],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TGroupMembersPage>(`/api/admin/groups/${id}/members`, {
        query: { q: q || undefined, cursor: pageParam ?? undefined, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** People the administrator may add to the group, by search text. */
export function candidatesQueryOptions(id: string, q: string) {
  return queryOptions({
    queryKey: [...GROUPS_KEY, 'candidates', id, q],
    queryFn: ({ signal }) =>
      apiFetch<TUserPick[]>(`/api/admin/groups/${id}/candidates`, { query: { q: q || undefined }, signal }),
  });
}

/** Every group mutation refreshes the groups queries and the signed-in user's own permissions. */
function useGroupMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

/** POST /api/admin/groups. */
export function useCreateGroup() {
  return useGroupMutation((body: { name: string; description: string | null }) =>
    apiFetch<TGroupDetail>('/api/admin/groups', { method: 'POST', body }),
  );
}

/** PATCH /api/admin/groups/:id. */
export function useUpdateGroup(id: string) {
  return useGroupMutation((body: { name: string; description: string | null }) =>
    apiFetch<TGroupDetail>(`/api/admin/groups/${id}`, { method: 'PATCH', body }),
  );
}

/** POST /api/admin/groups/:id/copy. */
export function useCopyGroup(id: string) {
  return useGroupMutation((body: { name: string }) =>
    apiFetch<TGroupDetail>(`/api/admin/groups/${id}/copy`, { method: 'POST', body }),
  );
}

/** PUT /api/admin/groups/:id/permissions. */
export function useSetGroupPermissions(id: string) {
  return useGroupMutation((codes: string[]) =>
    apiFetch<TGroupDetail>(`/api/admin/groups/${id}/permissions`, { method: 'PUT', body: codes }),
  );
}

/** POST /api/admin/groups/:id/activate | deactivate. */
export function useSetGroupActive(id: string) {
  return useGroupMutation((active: boolean) =>
    apiFetch<TGroupDetail>(`/api/admin/groups/${id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' }),
  );
}

/** POST /api/admin/groups/:id/members. */
export function useAddMember(id: string) {
  return useGroupMutation((body: { userId: string; scope: TPermissionScope }) =>
    apiFetch<{ ok: true }>(`/api/admin/groups/${id}/members`, { method: 'POST', body }),
  );
}

/** PATCH /api/admin/groups/:id/members/:userId. */
export function useSetMemberScope(id: string) {
  return useGroupMutation((vars: { userId: string; scope: TPermissionScope }) =>
    apiFetch<{ ok: true }>(`/api/admin/groups/${id}/members/${vars.userId}`, {
      method: 'PATCH',
      body: { scope: vars.scope },
    }),
  );
}

/** DELETE /api/admin/groups/:id/members/:userId. */
export function useRemoveMember(id: string) {
  return useGroupMutation((userId: string) =>
    apiFetch<{ ok: true }>(`/api/admin/groups/${id}/members/${userId}`, { method: 'DELETE' }),
  );
}

// ---- Audit log ----

/** Audit entries for the filters, newest first, keyset-paged. */
export function auditQueryOptions(filters: TAuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['admin-audit', 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TAuditPage>('/api/admin/audit', {
        query: { ...filters, cursor: pageParam ?? undefined, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Actions and entity types present in the log. */
export const auditFacetsQueryOptions = queryOptions({
  queryKey: ['admin-audit', 'facets'],
  queryFn: ({ signal }) => apiFetch<TAuditFacets>('/api/admin/audit/facets', { signal }),
  staleTime: 60_000,
});

/** People to filter the log by. */
export function auditActorsQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['admin-audit', 'actors', q],
    queryFn: ({ signal }) => apiFetch<TUserPick[]>('/api/admin/audit/actors', { query: { q: q || undefined }, signal }),
  });
}

/**
 * Downloads GET /api/admin/audit/export as a file. Resolves with whether the export was cut
 * at the row cap; rejects with ApiError / NetworkError like apiFetch.
 */
export async function downloadAuditExport(filters: TAuditFilters): Promise<{ truncated: boolean }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  let res: Response;
  try {
    res = await fetch(`/api/admin/audit/export?${params}`, { credentials: 'same-origin' });
  } catch (cause) {
    throw new NetworkError('Network request failed', { cause });
  }
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new ApiError(res.status, (body as { error?: object }).error ?? {});
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'nhat-ky.xlsx';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { truncated: res.headers.get('x-export-truncated') === 'true' };
}
