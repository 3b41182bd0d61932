import { Badge, Button, Group, ScrollArea, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_RECEIVED_BOXES, type TTaskReceivedBox } from '../../../contracts/tasks';
import { useMe } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { receivedCountsQuery, receivedQuery } from './api';
import { TaskFormModal } from './task-form';
import { TaskList } from './task-list';
import { TaskDrawer } from './task-view';
import { useLiveTaskLists, useOpenTask } from './use-task-param';

function BoxList({ box, pageSize, onOpen }: { box: TTaskReceivedBox; pageSize: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation('tasks');
  const [page, setPage] = useState(1);
  const list = useQuery(receivedQuery(box, page, pageSize));
  return (
    <TaskList
      rows={list.data?.items ?? []}
      total={list.data?.total ?? 0}
      page={page}
      pageSize={pageSize}
      onPage={setPage}
      onOpen={onOpen}
      loading={list.isPending}
      emptyText={t(`received.empty.${box}`)}
      view="received"
      data-testid={`tasks-received-${box}`}
    />
  );
}

/**
 * Việc nhận, đề xuất (Điều 3.2a, 4.4): the user's tasks by box — waiting for acceptance, in
 * progress, followed, finished — with counts; a row opens the task in a drawer where the user
 * accepts, proposes, hands on or reports. The top bar's "Xem công việc" counter opens this page;
 * lists follow the counter live.
 */
export default function ReceivedPage() {
  const { t } = useTranslation(['tasks', 'functions']);
  const me = useMe();
  const counts = useQuery(receivedCountsQuery);
  const [tab, setTab] = useState<TTaskReceivedBox | null>(null);
  const [open, setOpen] = useOpenTask('tasks-received');
  const [creating, setCreating] = useState(false);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  useLiveTaskLists();
  // Start on the first box with something in it (once).
  const first = counts.data ? (TASK_RECEIVED_BOXES.find((b) => b !== 'done' && counts.data[b] > 0) ?? 'waiting') : null;
  useEffect(() => {
    if (first) setTab((current) => current ?? first);
  }, [first]);
  const active = tab ?? 'waiting';
  const tabsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    tabsRef.current
      ?.querySelector(`[data-testid="tasks-tab-${active}"]`)
      ?.scrollIntoView({ inline: 'nearest', block: 'nearest' });
  }, [active]);

  return (
    <div data-testid="page-tasks-received">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap" mb="xs">
        <PageHeader title={t('functions:tasks-received')} description={t('received.description')} />
        <Button
          leftSection={<IconPlus size={16} />}
          variant="light"
          onClick={() => setCreating(true)}
          data-testid="tasks-new-own"
        >
          {t('received.newOwn')}
        </Button>
      </Group>
      <Tabs value={active} onChange={(v) => v && setTab(v as TTaskReceivedBox)} keepMounted={false}>
        <ScrollArea type="never" mb="sm" viewportRef={tabsRef}>
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {TASK_RECEIVED_BOXES.map((box) => {
              const n = counts.data?.[box] ?? 0;
              return (
                <Tabs.Tab
                  key={box}
                  value={box}
                  style={{ whiteSpace: 'nowrap' }}
                  rightSection={
                    n > 0 && box !== 'done' ? (
                      <Badge
                        size="sm"
                        circle={n < 10}
                        variant={active === box ? 'filled' : 'light'}
                        color={box === 'waiting' ? 'red' : 'blue'}
                        data-testid={`tasks-count-${box}`}
                      >
                        {n > 99 ? '99+' : n}
                      </Badge>
                    ) : undefined
                  }
                  data-testid={`tasks-tab-${box}`}
                >
                  {t(`received.tabs.${box}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
        </ScrollArea>
        {TASK_RECEIVED_BOXES.map((box) => (
          <Tabs.Panel key={box} value={box}>
            <BoxList box={box} pageSize={pageSize} onOpen={setOpen} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <TaskDrawer id={open} onClose={() => setOpen(null)} onOpen={setOpen} />
      <TaskFormModal
        mode={creating ? 'own' : null}
        onClose={() => setCreating(false)}
        onSaved={(task) => setOpen(task.id)}
      />
    </div>
  );
}
