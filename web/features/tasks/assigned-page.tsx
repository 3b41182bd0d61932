import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_LATENESS, TASK_STAGES, type TTaskLateness, type TTaskStage } from '../../../contracts/tasks';
import { useMe } from '../../app/auth';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { assignedQuery, boardQuery } from './api';
import { LATENESS_COLORS, STAGE_COLORS } from './labels';
import { TaskFormModal } from './task-form';
import { TaskList } from './task-list';
import { TaskDrawer } from './task-view';
import { useLiveTaskLists, useOpenTask } from './use-task-param';

/** One counter of the board; pressing it filters the list (again: all). */
function Tile(props: {
  label: string;
  count: number;
  color: string;
  active: boolean;
  onClick: () => void;
  testId: string;
}) {
  const isPhone = useIsPhone();
  return (
    <UnstyledButton
      onClick={props.onClick}
      aria-pressed={props.active}
      data-testid={props.testId}
      data-count={props.count}
    >
      <Paper
        withBorder
        radius="md"
        px={isPhone ? 8 : 'sm'}
        py={isPhone ? 4 : 8}
        style={{
          borderColor: props.active ? `var(--mantine-color-${props.color}-6)` : undefined,
          borderWidth: props.active ? 2 : 1,
          background: props.active ? `var(--mantine-color-${props.color}-0)` : undefined,
          height: '100%',
        }}
      >
        <Text fz={isPhone ? 18 : 22} fw={700} c={`${props.color}.7`} lh={1.2}>
          {props.count}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {props.label}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/**
 * Việc giao, triển khai (Điều 3.2b, 4.4): the board of the tasks the user created — counts by
 * stage and by lateness of the open ones, proposals waiting for a decision — each a filter of
 * the list below; "Giao việc mới" opens the task form. A row opens the task, where the user
 * urges, changes the due date, decides proposals, closes and evaluates.
 */
export default function AssignedPage() {
  const { t } = useTranslation(['tasks', 'functions']);
  const me = useMe();
  const isPhone = useIsPhone();
  const board = useQuery(boardQuery);
  const [stage, setStage] = useState<TTaskStage | null>(null);
  const [lateness, setLateness] = useState<TTaskLateness | null>(null);
  const [proposals, setProposals] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useOpenTask('tasks-assigned');
  const [creating, setCreating] = useState(false);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  useLiveTaskLists();
  const list = useQuery(
    assignedQuery({
      stage: stage ?? undefined,
      lateness: lateness ?? undefined,
      proposals: proposals ? '1' : undefined,
      q: q || undefined,
      page,
      pageSize,
    }),
  );
  const filtered = Boolean(stage || lateness || proposals || q);
  const toggle = <T,>(set: (v: T | null) => void, current: T | null, value: T) => {
    set(current === value ? null : value);
    setPage(1);
  };

  return (
    <div data-testid="page-tasks-assigned">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap" mb={isPhone ? 'sm' : 0}>
        <PageHeader title={t('functions:tasks-assigned')} description={t('assigned.description')} />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="tasks-new">
          {t('assigned.new')}
        </Button>
      </Group>
      <Stack gap="xs" mb="md" data-testid="tasks-board">
        <SimpleGrid cols={{ base: 3, md: 5 }} spacing={isPhone ? 6 : 'xs'}>
          {TASK_STAGES.map((s) => (
            <Tile
              key={s}
              label={t(isPhone ? `stageShort.${s}` : `stage.${s}`)}
              count={board.data?.stages[s] ?? 0}
              color={STAGE_COLORS[s] === 'dark' ? 'gray' : STAGE_COLORS[s]}
              active={stage === s}
              onClick={() => toggle(setStage, stage, s)}
              testId={`tasks-board-${s}`}
            />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={4}>
          {t('assigned.board.lateness')}
        </Text>
        <SimpleGrid cols={4} spacing={isPhone ? 6 : 'xs'}>
          {TASK_LATENESS.map((l) => (
            <Tile
              key={l}
              label={t(`lateness.${l}`)}
              count={board.data?.lateness[l] ?? 0}
              color={LATENESS_COLORS[l]}
              active={lateness === l}
              onClick={() => toggle(setLateness, lateness, l)}
              testId={`tasks-board-${l}`}
            />
          ))}
          <Tile
            label={t(isPhone ? 'assigned.board.proposalsShort' : 'assigned.board.proposals')}
            count={board.data?.proposals ?? 0}
            color="violet"
            active={proposals}
            onClick={() => {
              setProposals(!proposals);
              setPage(1);
            }}
            testId="tasks-board-proposals"
          />
        </SimpleGrid>
      </Stack>
      <Group gap="xs" mb="sm" wrap="nowrap">
        <TextInput
          placeholder={t('assigned.search')}
          aria-label={t('assigned.search')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: 1, maxWidth: 420 }}
          data-testid="tasks-search"
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setStage(null);
              setLateness(null);
              setProposals(false);
              setSearch('');
              setPage(1);
            }}
          >
            {t('assigned.all')}
          </Button>
        )}
      </Group>
      <TaskList
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={setOpen}
        loading={list.isPending || list.isPlaceholderData}
        emptyText={filtered ? t('assigned.empty') : t('assigned.emptyAll')}
        view="assigned"
        data-testid="tasks-assigned-list"
      />
      <TaskDrawer id={open} onClose={() => setOpen(null)} onOpen={setOpen} />
      <TaskFormModal
        mode={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(task) => setOpen(task.id)}
      />
    </div>
  );
}
