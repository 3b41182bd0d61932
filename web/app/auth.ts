import { queryOptions, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { TMe } from '../../contracts/auth';
import { ApiError, apiFetch } from './api';

/** Query key of the signed-in user. */
export const ME_QUERY_KEY = ['me'] as const;

async function fetchMe(): Promise<TMe | null> {
  try {
    return await apiFetch<TMe>('/api/auth/me', { allowUnauthenticated: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when there is no session (never throws for a plain 401). */
export const meQueryOptions = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
  // The sign-in page must not wait for retries when the server is unreachable.
  retry: false,
});

/** Live view of the `me` query (null = not signed in, undefined = still loading). */
export function useMeQuery() {
  return useQuery(meQueryOptions);
}

/** Holds the signed-in user inside the app shell, where a session is guaranteed. */
export const MeContext = createContext<TMe | null>(null);

/** The signed-in user; only valid under the app shell (or the forced password page). */
export function useMe(): TMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside a signed-in area');
  return me;
}

/** Ends the session on the server; a failure (already ended, offline) is ignored on purpose. */
export async function logoutRequest(): Promise<void> {
  try {
    await apiFetch('/api/auth/logout', { method: 'POST', allowUnauthenticated: true });
  } catch {
    // The user wants out either way; the cookie dies with the server session or expires.
  }
}
