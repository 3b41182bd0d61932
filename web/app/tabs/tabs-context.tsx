import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useIsOpenable } from '../functions';
import { closeTab, EMPTY_TABS, loadTabs, neighbourOf, openTab, parkTab, saveTabs, type TabsState } from './tabs-state';

/** The tabs workspace as components see it. */
export interface TabsApi extends TabsState {
  /** Adds (or un-parks) a tab; no-op when already open. */
  ensureOpen: (id: string) => void;
  /** Closes a tab and returns the tab to show instead (null = home). */
  close: (id: string) => string | null;
  /** Parks a tab in the "Đang chờ" tray. */
  park: (id: string) => void;
  /** Closes every open and parked tab. */
  closeAll: () => void;
}

const TabsContext = createContext<TabsApi | null>(null);

/** Holds open and parked tabs of the signed-in user; persisted per browser tab in sessionStorage. */
export function TabsProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const isOpenable = useIsOpenable();
  const [state, setState] = useState<TabsState>(() => loadTabs(userId, isOpenable));

  useEffect(() => {
    saveTabs(userId, state);
  }, [userId, state]);

  const ensureOpen = useCallback((id: string) => setState((s) => openTab(s, id)), []);
  const park = useCallback((id: string) => setState((s) => parkTab(s, id)), []);
  const closeAll = useCallback(() => setState(EMPTY_TABS), []);
  const close = useCallback(
    (id: string) => {
      const next = neighbourOf(state, id);
      setState((s) => closeTab(s, id));
      return next;
    },
    [state],
  );

  const api = useMemo<TabsApi>(
    () => ({ open: state.open, parked: state.parked, ensureOpen, close, park, closeAll }),
    [state, ensureOpen, close, park, closeAll],
  );
  return <TabsContext.Provider value={api}>{children}</TabsContext.Provider>;
}

/** The tabs workspace of the shell. */
export function useTabs(): TabsApi {
  const api = useContext(TabsContext);
  if (!api) throw new Error('useTabs() used outside TabsProvider');
  return api;
}
