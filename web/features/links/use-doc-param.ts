import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens the document named by `?doc=<id>` on the function page `/app/<functionId>` once (links
 * of the link tree and notifications lead there), then drops the parameter.
 */
export function useDocParam(functionId: string, open: (id: string) => void): void {
  const navigate = useNavigate();
  const location = useRouterState({ select: (s) => ({ pathname: s.location.pathname, search: s.location.search }) });
  const doc = (location.search as Record<string, unknown>).doc;
  const onPage = location.pathname === `/app/${functionId}`;
  const linked = onPage && typeof doc === 'string' && UUID.test(doc) ? doc : null;
  const hasParam = onPage && doc !== undefined;
  useEffect(() => {
    if (linked) open(linked);
    if (hasParam) void navigate({ to: '/app/$functionId', params: { functionId }, search: {}, replace: true });
  }, [linked, hasParam, navigate, functionId, open]);
}
