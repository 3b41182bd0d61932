import {
  type Icon,
  IconClipboardList,
  IconFileExport,
  IconInbox,
  IconMail,
  IconMessageQuestion,
  IconUserEdit,
} from '@tabler/icons-react';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { BADGE_KEYS, type TBadgeKey, type TBadges } from '../../contracts/badges';
import { apiFetch } from './api';
import { useMe } from './auth';
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

/** How a counter looks and where it leads. */
export interface BadgeMeta {
  icon: Icon;
  /** The function it opens (when that function is built). */
  functionId: string | null;
  /** Shown only to holders of this permission (the delegator's while working for them). */
  permission?: string;
  /** The part of the function to show (`?tab=` of its page). */
  tab?: string;
}

/** Icon of each counter, the function it opens and who sees it. */
export const BADGE_META: Record<TBadgeKey, BadgeMeta> = {
  accountRequests: { icon: IconUserEdit, functionId: 'account', permission: 'admin.users', tab: 'review' },
  opinions: { icon: IconMessageQuestion, functionId: 'incoming-view', tab: 'opinions' },
  // Opens the "Tin nhắn mới" drawer of the received announcements (shell/badge-buttons.tsx).
  messages: { icon: IconMail, functionId: null },
  unreadIncoming: { icon: IconInbox, functionId: 'incoming-view', tab: 'unread' },
  unreadOutgoing: { icon: IconFileExport, functionId: 'outgoing-view', tab: 'info' },
  tasksWaiting: { icon: IconClipboardList, functionId: 'tasks-received' },
};

/** The counters the signed-in user may see, in top-bar order. */
export function useBadgeKeys(): TBadgeKey[] {
  const me = useMe();
  return useMemo(
    () =>
      BADGE_KEYS.filter((key) => {
        const permission = BADGE_META[key].permission;
        return !permission || me.permissions.includes(permission);
      }),
    [me.permissions],
  );
}

/** Opens the function behind a counter, on the part of its page the counter is about. */
export function useOpenBadge(): (key: TBadgeKey) => void {
  const navigate = useNavigate();
  return useCallback(
    (key: TBadgeKey) => {
      const { functionId, tab } = BADGE_META[key];
      if (!functionId) return;
      void navigate({ to: '/app/$functionId', params: { functionId }, search: tab ? { tab } : {} });
    },
    [navigate],
  );
}
