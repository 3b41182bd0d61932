import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TAdminUserDetail,
  TAdminUserOptions,
  TAdminUserPage,
  TCreateUser,
  TGroupGrant,
  TImportResult,
  TImportUsers,
  TUpdateUser,
  TUserStatus,
} from '../../../contracts/admin-users';
import { apiFetch } from '../../app/api';

const BASE = '/api/admin/users';
const KEY = 'admin-users';

/** Search, filters, sort and page of the user list. */
export interface UserListParams {
  q: string;
  unitId: string | null;
  groupId: string | null;
  status: TUserStatus | null;
  sort: 'name' | 'username' | 'unit' | 'status';
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** One page of users (GET /api/admin/users). */
export function usersQueryOptions(p: UserListParams) {
  return queryOptions({
    queryKey: [KEY, 'list', p],
    queryFn: ({ signal }) =>
      apiFetch<TAdminUserPage>(BASE, {
        query: {
          q: p.q || undefined,
          unitId: p.unitId,
          groupId: p.groupId,
          status: p.status,
          sort: p.sort,
          dir: p.dir,
          page: p.page,
          pageSize: p.pageSize,
        },
        signal,
      }),
  });
}

/** Units, job titles and groups this administrator may use (GET /api/admin/users/options). */
export const userOptionsQueryOptions = queryOptions({
  queryKey: [KEY, 'options'],
  queryFn: ({ signal }) => apiFetch<TAdminUserOptions>(`${BASE}/options`, { signal }),
  staleTime: 5 * 60_000,
});

/** One user with groups and scopes (GET /api/admin/users/:id). */
export function userDetailQueryOptions(id: string) {
  return queryOptions({
    queryKey: [KEY, 'detail', id],
    queryFn: ({ signal }) => apiFetch<TAdminUserDetail>(`${BASE}/${id}`, { signal }),
  });
}

/** URL of the import template (a plain link: the session cookie goes with it). */
export const IMPORT_TEMPLATE_URL = `${BASE}/import-template`;

/** A mutation that refreshes every user query when it succeeds. */
function useUsersMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** POST /api/admin/users → the user and their one-time password. */
export function useCreateUser() {
  return useUsersMutation((body: TCreateUser) =>
    apiFetch<{ user: TAdminUserDetail; oneTimePassword: string }>(BASE, { method: 'POST', body }),
  );
}

/** PATCH /api/admin/users/:id. */
export function useUpdateUser() {
  return useUsersMutation(({ id, body }: { id: string; body: TUpdateUser }) =>
    apiFetch<TAdminUserDetail>(`${BASE}/${id}`, { method: 'PATCH', body }),
  );
}

/** POST /api/admin/users/:id/move. */
export function useMoveUser() {
  return useUsersMutation(({ id, unitId }: { id: string; unitId: string }) =>
    apiFetch<TAdminUserDetail>(`${BASE}/${id}/move`, { method: 'POST', body: { unitId } }),
  );
}

/** PUT /api/admin/users/:id/groups. */
export function useSetGroups() {
  return useUsersMutation(({ id, groups }: { id: string; groups: TGroupGrant[] }) =>
    apiFetch<TAdminUserDetail>(`${BASE}/${id}/groups`, { method: 'PUT', body: { groups } }),
  );
}

/** The account actions: lock, unlock (answer the user) and reset-password (answers the one-time password). */
export type AccountAction = 'lock' | 'unlock' | 'reset-password';

/** POST /api/admin/users/:id/{lock|unlock|reset-password}. */
export function useAccountAction() {
  return useUsersMutation(({ id, action, reason }: { id: string; action: AccountAction; reason?: string }) =>
    apiFetch<TAdminUserDetail | { oneTimePassword: string }>(`${BASE}/${id}/${action}`, {
      method: 'POST',
      body: reason ? { reason } : {},
    }),
  );
}

/** POST /api/admin/users/import with the file as base64. */
export function useImportUsers() {
  return useUsersMutation((body: TImportUsers) => apiFetch<TImportResult>(`${BASE}/import`, { method: 'POST', body }));
}

/** Reads a picked file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
