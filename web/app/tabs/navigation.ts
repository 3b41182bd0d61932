import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useCallback } from 'react';

const FUNCTION_PATH = /^\/app\/([^/]+)\/?$/;

/** Function id of the current URL `/app/<id>`, or null elsewhere (home, 404). */
export function useActiveFunctionId(): string | null {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const match = FUNCTION_PATH.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Opens a function as a tab (navigates to `/app/<id>`; the workspace adds the tab). */
export function useOpenFunction(): (id: string) => void {
  const navigate = useNavigate();
  return useCallback((id: string) => void navigate({ to: '/app/$functionId', params: { functionId: id } }), [navigate]);
}

/** Shows the home screen `/`. */
export function useGoHome(): () => void {
  const navigate = useNavigate();
  return useCallback(() => void navigate({ to: '/' }), [navigate]);
}
