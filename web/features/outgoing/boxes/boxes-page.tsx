import { Alert, Badge, Group, ScrollArea, Select, Tabs, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTGOING_BOXES, type TOutgoingBox, type TOutgoingBoxCounts } from '../../../../contracts/outgoing';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { PageHeader } from '../../../components/page-header';
import { outgoingBoxCountsQuery, outgoingBoxQuery } from '../api';
import { OutgoingList, type TOutgoingColumn } from '../components/outgoing-list';
import { OutgoingDrawer } from '../detail/outgoing-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Days after which a recipient that has not registered the document is listed ("sau N ngày"). */
const TRACKING_DAYS = [0, 1, 2, 3, 5, 7, 15, 30] as const;

/** What each box shows best on a desktop. */
const COLUMNS: Record<TOutgoingBox, TOutgoingColumn[]> = {
  drafts: ['documentType', 'subject', 'updatedAt', 'status'],
  review: ['documentType', 'subject', 'drafter', 'step', 'updatedAt'],
  toIssue: ['documentType', 'subject', 'drafter', 'signer', 'updatedAt'],
  issued: ['code', 'issuedDate', 'subject', 'signer', 'receipts', 'status'],
  info: ['code', 'issuedDate', 'subject', 'unitName', 'signer', 'status'],
  tracking: ['code', 'issuedDate', 'subject', 'signer', 'receipts'],
};

/** Boxes that ask the user to act: their counts are red. */
const URGENT: TOutgoingBox[] = ['review', 'toIssue'];

/** One tab's list, with its own page. */
function BoxList(props: { box: TOutgoingBox; pageSize: number; days: number; onOpen: (id: string) => void }) {
  const { box, pageSize, days, onOpen } = props;
  const { t } = useTranslation(['outgoing', 'errors']);
  const [page, setPage] = useState(1);
  const list = useQuery(outgoingBoxQuery(box, page, pageSize, days));
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const emptiedPage = Boolean(list.data && rows.length === 0 && page > 1 && !list.isFetching);
  useEffect(() => {
    if (emptiedPage) setPage(Math.max(1, Math.ceil(total / pageSize)));
  }, [emptiedPage, total, pageSize]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new threshold starts on page 1
  useEffect(() => setPage(1), [days]);
  return (
    <>
      {list.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t, list.error)}
        </Alert>
      )}
      <OutgoingList
        rows={rows}
        total={total}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={onOpen}
        loading={list.isPending}
        emptyText={
          box !== 'tracking'
            ? t(`boxes.empty.${box}`)
            : days === 0
              ? t('boxes.empty.trackingNow')
              : t('boxes.empty.tracking', { count: days })
        }
        columns={COLUMNS[box]}
        data-testid={`outgoing-box-${box}`}
      />
    </>
  );
}

/** Which boxes a page shows, and where it starts. */
export interface BoxesConfig {
  functionId: string;
  /** Boxes in tab order; those needing a permission are dropped for others. */
  boxes: TOutgoingBox[];
  description: string;
}

/** Boxes only the clerk works (issuing and following receipts); others see them when something is in them. */
function visibleBoxes(config: BoxesConfig, counts: TOutgoingBoxCounts | undefined, permissions: string[]) {
  const clerk = permissions.includes('outgoing.issue');
  return config.boxes.filter((b) => {
    if (b === 'toIssue') return clerk || (counts?.toIssue ?? 0) > 0;
    if (b === 'review') return permissions.includes('outgoing.draft') || (counts?.review ?? 0) > 0;
    return true;
  });
}

/**
 * The work boxes of outgoing documents as tabs with counts. The same page serves "Xem văn bản đi"
 * (every box), "Gửi văn bản đi" (to issue, issued) and "Theo dõi hồi báo" (recipients that have not
 * registered after N days). `?doc=<id>` opens a document once, `?tab=<box>` chooses a tab once.
 */
export function BoxesPage({ config }: { config: BoxesConfig }) {
  const { t } = useTranslation(['outgoing', 'functions']);
  const me = useMe();
  const counts = useQuery(outgoingBoxCountsQuery);
  const boxes = visibleBoxes(config, counts.data, me.permissions);
  const [tab, setTab] = useState<TOutgoingBox | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [days, setDays] = useState(3);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  const active = tab && boxes.includes(tab) ? tab : boxes[0];
  const firstFull = counts.data ? (boxes.find((b) => b !== 'issued' && counts.data[b] > 0) ?? boxes[0]) : null;
  useEffect(() => {
    if (firstFull) setTab((current) => current ?? firstFull);
  }, [firstFull]);

  const tabsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    tabsRef.current
      ?.querySelector(`[data-testid="outgoing-tab-${active}"]`)
      ?.scrollIntoView({ inline: 'nearest', block: 'nearest' });
  }, [active]);

  const navigate = useNavigate();
  const path = `/app/${config.functionId}`;
  const location = useRouterState({ select: (s) => ({ pathname: s.location.pathname, search: s.location.search }) });
  const { doc: docParam, tab: tabParam } = location.search as Record<string, unknown>;
  const onPage = location.pathname === path;
  const linked = onPage && typeof docParam === 'string' && UUID.test(docParam) ? docParam : null;
  const linkedTab =
    onPage && typeof tabParam === 'string' && (OUTGOING_BOXES as readonly string[]).includes(tabParam)
      ? (tabParam as TOutgoingBox)
      : null;
  const hasParams = onPage && (docParam !== undefined || tabParam !== undefined);
  useEffect(() => {
    if (linked) setOpen(linked);
    if (linkedTab) setTab(linkedTab);
    if (hasParams)
      void navigate({ to: '/app/$functionId', params: { functionId: config.functionId }, search: {}, replace: true });
  }, [linked, linkedTab, hasParams, navigate, config.functionId]);

  return (
    <div data-testid={`page-${config.functionId}`}>
      <PageHeader title={t(`functions:${config.functionId}`)} description={config.description} />
      <Tabs value={active} onChange={(v) => v && setTab(v as TOutgoingBox)} keepMounted={false}>
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
                    n > 0 && box !== 'issued' ? (
                      <Badge
                        size="sm"
                        circle={n < 10}
                        variant={active === box ? 'filled' : 'light'}
                        color={URGENT.includes(box) ? 'red' : box === 'tracking' ? 'orange' : 'blue'}
                        data-testid={`outgoing-count-${box}`}
                      >
                        {n > 99 ? '99+' : n}
                      </Badge>
                    ) : undefined
                  }
                  data-testid={`outgoing-tab-${box}`}
                >
                  {t(`boxes.tabs.${box}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
        </ScrollArea>
        {active === 'tracking' && (
          <Group gap="xs" mb="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" style={{ flexShrink: 1 }}>
              {t('boxes.trackingLabel')}
            </Text>
            <Select
              aria-label={t('boxes.trackingDays')}
              size="xs"
              w={150}
              allowDeselect={false}
              data={TRACKING_DAYS.map((n) => ({
                value: String(n),
                label: n === 0 ? t('boxes.afterSending') : t('boxes.afterDays', { count: n }),
              }))}
              value={String(days)}
              onChange={(v) => setDays(v === null ? 3 : Number(v))}
              comboboxProps={{ withinPortal: true }}
              data-testid="outgoing-tracking-days"
            />
          </Group>
        )}
        {boxes.map((box) => (
          <Tabs.Panel key={box} value={box}>
            <BoxList box={box} pageSize={pageSize} days={days} onOpen={setOpen} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <OutgoingDrawer id={open} onClose={() => setOpen(null)} onOpen={setOpen} />
    </div>
  );
}
