import { Alert, Badge, ScrollArea, Tabs } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCOMING_BOXES, type TBoxCounts, type TIncomingBox } from '../../../../contracts/incoming';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { PageHeader } from '../../../components/page-header';
import { boxCountsQuery, boxQuery } from '../api';
import { IncomingList } from '../components/incoming-list';
import { DocumentDrawer } from '../detail/document-view';

const PATH = '/app/incoming-view';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The boxes shown as tabs, in order; some only for those who work them. */
function visibleBoxes(counts: TBoxCounts | undefined, permissions: string[]): TIncomingBox[] {
  const boxes: TIncomingBox[] = ['handle', 'info', 'opinions', 'unread'];
  if ((counts?.direct ?? 0) > 0 || permissions.includes('incoming.direct')) boxes.push('direct');
  if (permissions.includes('incoming.forward')) boxes.push('classify');
  boxes.push('handled');
  return boxes;
}

/** One tab's list, with its own page. */
function BoxList({ box, pageSize, onOpen }: { box: TIncomingBox; pageSize: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation(['incomingDetail', 'errors']);
  const [page, setPage] = useState(1);
  const list = useQuery(boxQuery(box, page, pageSize));
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const emptiedPage = Boolean(list.data && rows.length === 0 && page > 1 && !list.isFetching);
  useEffect(() => {
    if (emptiedPage) setPage(Math.max(1, Math.ceil(total / pageSize)));
  }, [emptiedPage, total, pageSize]);
  return (
    <>
      {list.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t, list.error)}
        </Alert>
      )}
      <IncomingList
        rows={rows}
        total={total}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={onOpen}
        loading={list.isPending}
        emptyText={t(`view.empty.${box}`)}
        data-testid={`view-list-${box}`}
      />
    </>
  );
}

/**
 * Xem văn bản đến (Điều 3.1a, 4.2): the user's work boxes as tabs with counts — to handle, for
 * information, opinion requests, waiting for direction, to classify, handled. A row opens the
 * document in a drawer. Notifications link here with `?doc=<id>`: that document opens once, and
 * the top bar with `?tab=<box>` (opinions asked of the user): that tab is chosen once; then the
 * parameters are dropped.
 */
export default function ViewPage() {
  const { t } = useTranslation(['incomingDetail', 'functions']);
  const me = useMe();
  const counts = useQuery(boxCountsQuery);
  const boxes = visibleBoxes(counts.data, me.permissions);
  const [tab, setTab] = useState<TIncomingBox | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  const active = tab && boxes.includes(tab) ? tab : 'handle';
  // Start on the first box that has something in it (once; later changes of counts never move the user).
  const firstFull = counts.data ? (boxes.find((b) => b !== 'handled' && counts.data[b] > 0) ?? 'handle') : null;
  useEffect(() => {
    if (firstFull) setTab((current) => current ?? firstFull);
  }, [firstFull]);

  // On a phone the tabs scroll sideways: keep the chosen one in sight.
  const tabsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    tabsRef.current
      ?.querySelector(`[data-testid="view-tab-${active}"]`)
      ?.scrollIntoView({ inline: 'nearest', block: 'nearest' });
  }, [active]);

  const navigate = useNavigate();
  const location = useRouterState({ select: (s) => ({ pathname: s.location.pathname, search: s.location.search }) });
  const { doc: docParam, tab: tabParam } = location.search as Record<string, unknown>;
  const onPage = location.pathname === PATH;
  const linked = onPage && typeof docParam === 'string' && UUID.test(docParam) ? docParam : null;
  const linkedTab =
    onPage && typeof tabParam === 'string' && (INCOMING_BOXES as readonly string[]).includes(tabParam)
      ? (tabParam as TIncomingBox)
      : null;
  const hasParams = onPage && (docParam !== undefined || tabParam !== undefined);
  useEffect(() => {
    if (linked) setOpen(linked);
    if (linkedTab) setTab(linkedTab);
    if (hasParams)
      void navigate({ to: '/app/$functionId', params: { functionId: 'incoming-view' }, search: {}, replace: true });
  }, [linked, linkedTab, hasParams, navigate]);

  return (
    <div data-testid="page-incoming-view">
      <PageHeader title={t('functions:incoming-view')} description={t('view.description')} />
      <Tabs value={active} onChange={(v) => v && setTab(v as TIncomingBox)} keepMounted={false}>
        <ScrollArea type="never" mb="sm" viewportRef={tabsRef}>
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {boxes.map((box) => {
              const n = counts.data?.[box] ?? 0;
              return (
                <Tabs.Tab
                  key={box}
                  value={box}
                  style={{ whiteSpace: 'nowrap' }}
                  rightSection={
                    n > 0 && box !== 'handled' ? (
                      <Badge
                        size="sm"
                        circle={n < 10}
                        variant={active === box ? 'filled' : 'light'}
                        color={box === 'handle' || box === 'direct' ? 'red' : 'blue'}
                        data-testid={`view-count-${box}`}
                      >
                        {n > 99 ? '99+' : n}
                      </Badge>
                    ) : undefined
                  }
                  data-testid={`view-tab-${box}`}
                >
                  {t(`view.tabs.${box}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
        </ScrollArea>
        {boxes.map((box) => (
          <Tabs.Panel key={box} value={box}>
            <BoxList box={box} pageSize={pageSize} onOpen={setOpen} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <DocumentDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
