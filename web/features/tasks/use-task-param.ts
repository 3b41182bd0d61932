import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useBadges } from '../../app/badges';
import { TASKS_KEY } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The task open in a page's drawer. Notifications link to `/app/<function>?task=<id>`: that task
 * opens once and the parameter is dropped.
 */
export function useOpenTask(functionId: string): [string | null, (id: string | null) => void] {
  const [open, setOpen] = useState<string | null>(null);
  const navigate = useNavigate();
  const location = useRouterState({ select: (s) => ({ pathname: s.location.pathname, search: s.location.search }) });
  const param = (location.search as Record<string, unknown>).task;
  const onPage = location.pathname === `/app/${functionId}`;
  const linked = onPage && typeof param === 'string' && UUID.test(param) ? param : null;
  useEffect(() => {
    if (!linked) return;
    setOpen(linked);
    void navigate({ to: '/app/$functionId', params: { functionId }, search: {}, replace: true });
  }, [linked, functionId, navigate]);
  return [open, setOpen];
}

/**
 * Refreshes the task lists when the "Xem công việc" counter pushed by the server changes (a task
 * given, accepted, proposed …), so a list on screen follows without reloading.
 */
export function useLiveTaskLists(): void {
  const qc = useQueryClient();
  const waiting = useBadges()?.tasksWaiting;
  const last = useRef(waiting);
  useEffect(() => {
    if (waiting === undefined || waiting === last.current) return;
    last.current = waiting;
    void qc.invalidateQueries({ queryKey: TASKS_KEY });
  }, [waiting, qc]);
}
