import { type ReactNode, Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/error-boundary';
import { FullPageLoader } from '../../components/full-page-loader';
import { FUNCTION_PAGES } from '../function-pages';
import { useIsOpenable } from '../functions';
import { useActiveFunctionId } from './navigation';
import { ParkedTray } from './parked-tray';
import { TabStrip } from './tab-strip';
import { useTabs } from './tabs-context';
import classes from './workspace.module.css';

const HOME_KEY = '\u0000home';

function TabPanel({ id, visible }: { id: string; visible: boolean }) {
  const Page = FUNCTION_PAGES[id];
  return (
    <div
      role="tabpanel"
      id={`panel-${id}`}
      aria-labelledby={`tab-button-${id}`}
      data-testid={`panel-${id}`}
      style={visible ? undefined : { display: 'none' }}
    >
      <ErrorBoundary>
        <Suspense fallback={<FullPageLoader height={240} />}>
          <Page />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

/** Remembers the window scroll of each tab (and of home) and restores it when the tab comes back. */
function useScrollMemory(activeKey: string): void {
  const positions = useRef(new Map<string, number>());
  const current = useRef(activeKey);
  useEffect(() => {
    const onScroll = () => positions.current.set(current.current, window.scrollY);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    current.current = activeKey;
    window.scrollTo(0, positions.current.get(activeKey) ?? 0);
  }, [activeKey]);
}

/** Browser tab title: the active function's name, then the product name. */
function useDocumentTitle(active: string | null): void {
  const { t } = useTranslation(['functions', 'common']);
  useEffect(() => {
    const product = t('common:appName');
    document.title = active ? `${t(`functions:${active}`)} · ${product}` : product;
  }, [active, t]);
}

/**
 * The tabs workspace: a strip of open functions, the "Đang chờ" tray, and the pages of every
 * open and parked function kept mounted (hidden with display:none) so their state survives
 * switching and parking. `children` (home or 404) shows when no function is active.
 */
export function Workspace({ children }: { children: ReactNode }) {
  const tabs = useTabs();
  const isOpenable = useIsOpenable();
  const activeId = useActiveFunctionId();
  const active = activeId !== null && isOpenable(activeId) ? activeId : null;
  const { ensureOpen } = tabs;

  useEffect(() => {
    if (active) ensureOpen(active);
  }, [active, ensureOpen]);
  useScrollMemory(active ?? HOME_KEY);
  useDocumentTitle(active);

  const mounted = [...new Set([...tabs.open, ...tabs.parked, ...(active ? [active] : [])])];
  const showBar = mounted.length > 0;

  return (
    <>
      {showBar && (
        <div className={classes.bar} data-testid="workspace-bar">
          <TabStrip active={active} />
          <ParkedTray />
        </div>
      )}
      <div className={classes.content}>
        {mounted.map((id) => (
          <TabPanel key={id} id={id} visible={id === active} />
        ))}
        {active === null && children}
      </div>
    </>
  );
}
