import {
  type Icon,
  IconClipboardList,
  IconFileExport,
  IconInbox,
  IconMail,
  IconMessageQuestion,
} from '@tabler/icons-react';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { TBadgeKey, TBadges } from '../../contracts/badges';
import { apiFetch } from './api';
import { queryClient } from './query-client';

/** Query key of the top-bar counters; the real-time channel writes fresh values into it. */
export const BADGES_QUERY_KEY = ['badges'] as const;

/** When the real-time channel last pushed counters (ms since epoch). */
let lastPushAt = 0;

/** Stores counters pushed by the real-time channel; they are newer than any request already under way. */
export function setPushedBadges(client: QueryClient, badges: TBadges): void {
  lastPushAt = Date.now();
  client.setQueryData(BADGES_QUERY_KEY, badges);
}

async function fetchBadges(signal: AbortSignal): Promise<TBadges> {
  const startedAt = Date.now();
  const fetched = await apiFetch<TBadges>('/api/badges', { signal });
  // A push that arrived while this request was in flight is fresher than its answer.
  if (lastPushAt >= startedAt) return queryClient.getQueryData<TBadges>(BADGES_QUERY_KEY) ?? fetched;
  return fetched;
}

/** Top-bar counters (Điều 3.7 g–k). */
export const badgesQueryOptions = queryOptions({
  queryKey: BADGES_QUERY_KEY,
  queryFn: ({ signal }) => fetchBadges(signal),
  staleTime: 60_000,
  refetchOnWindowFocus: true,
});

/** Current counters, or undefined while loading. */
export function useBadges(): TBadges | undefined {
  return useQuery(badgesQueryOptions).data;
}

/** Icon of each counter and the function it opens (when that function is built). */
export const BADGE_META: Record<TBadgeKey, { icon: Icon; functionId: string | null }> = {
  opinions: { icon: IconMessageQuestion, functionId: null },
  messages: { icon: IconMail, functionId: 'chat' },
  unreadIncoming: { icon: IconInbox, functionId: 'incoming-view' },
  unreadOutgoing: { icon: IconFileExport, functionId: 'outgoing-view' },
  tasksWaiting: { icon: IconClipboardList, functionId: 'tasks-received' },
};
