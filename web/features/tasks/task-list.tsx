import {
  Badge,
  Box,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconClipboardList, IconPaperclip, IconSitemap } from '@tabler/icons-react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTaskRow } from '../../../contracts/tasks';
import { useIsPhone } from '../../app/media';
import { DueText, PriorityBadge, ProgressLine, RoleBadge, StageBadge, StateBadge } from './labels';

export interface TaskListProps {
  rows: TTaskRow[];
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
  loading?: boolean;
  emptyText: ReactNode;
  /** Whose list it is: the assigner's shows the people working on it, the receiver's who gave it and their role. */
  view: 'received' | 'assigned';
  'data-testid'?: string;
}

function openOnKey(e: KeyboardEvent, open: () => void) {
  if (e.target !== e.currentTarget) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
  }
}

/** Icons for sub-tasks, files and proposals waiting, after the title. */
function Extras({ row }: { row: TTaskRow }) {
  const { t } = useTranslation('tasks');
  if (!row.subtaskCount && !row.fileCount && !row.proposals) return null;
  return (
    <Group gap={8} wrap="nowrap">
      {row.proposals > 0 && (
        <Badge size="xs" color="violet" variant="filled" data-testid="task-row-proposals">
          {t('list.proposals', { count: row.proposals })}
        </Badge>
      )}
      {row.subtaskCount > 0 && (
        <Group gap={2} wrap="nowrap" aria-label={t('list.subtasks', { count: row.subtaskCount })}>
          <IconSitemap size={13} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text size="xs" c="dimmed">
            {row.subtaskCount}
          </Text>
        </Group>
      )}
      {row.fileCount > 0 && (
        <Group gap={2} wrap="nowrap" aria-label={t('list.files', { count: row.fileCount })}>
          <IconPaperclip size={13} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text size="xs" c="dimmed">
            {row.fileCount}
          </Text>
        </Group>
      )}
    </Group>
  );
}

/** The receiver sees their own part's state while the task is open; anything else the task's stage. */
function Status({ row, view, short }: { row: TTaskRow; view: TaskListProps['view']; short?: boolean }) {
  if (view === 'received' && row.status === 'open' && row.myState) return <StateBadge state={row.myState} />;
  return <StageBadge stage={row.stage} short={short} />;
}

function who(row: TTaskRow, view: TaskListProps['view']): string {
  if (view === 'received') return row.createdBy;
  return row.assignees.join(', ');
}

function Cards(props: TaskListProps) {
  const { t } = useTranslation('tasks');
  return (
    <Stack gap="xs">
      {props.rows.map((row) => (
        <Paper
          key={row.id}
          withBorder
          radius="md"
          p="sm"
          role="button"
          tabIndex={0}
          onClick={() => props.onOpen(row.id)}
          onKeyDown={(e) => openOnKey(e, () => props.onOpen(row.id))}
          style={{
            cursor: 'pointer',
            borderLeft: `4px solid var(--mantine-color-${row.priority === 'urgent' ? 'red' : row.priority === 'high' ? 'orange' : 'gray'}-${row.priority === 'normal' || row.priority === 'low' ? 3 : 6})`,
          }}
          data-testid="task-row"
          data-task-id={row.id}
        >
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="task-row-title">
                {row.title}
              </Text>
              <PriorityBadge priority={row.priority} />
            </Group>
            <Group gap={6} wrap="wrap">
              <Status row={row} view={props.view} short />
              {props.view === 'received' && row.myRole && <RoleBadge role={row.myRole} />}
              <Extras row={row} />
            </Group>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {props.view === 'received'
                ? t('detail.assignedBy', { name: row.createdBy })
                : who(row, props.view) || '—'}
            </Text>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <DueText row={row} due={props.view === 'received' ? (row.myDueDate ?? row.dueDate) : row.dueDate} />
              <ProgressLine value={row.progress} w={130} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function Rows(props: TaskListProps) {
  const { t } = useTranslation('tasks');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs" striped={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.title')}</Table.Th>
            <Table.Th>{props.view === 'received' ? t('list.assigner') : t('list.people')}</Table.Th>
            {props.view === 'received' && <Table.Th>{t('list.myRole')}</Table.Th>}
            <Table.Th>{t('list.due')}</Table.Th>
            <Table.Th>{t('list.progress')}</Table.Th>
            <Table.Th>{t('list.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr
              key={row.id}
              tabIndex={0}
              onClick={() => props.onOpen(row.id)}
              onKeyDown={(e) => openOnKey(e, () => props.onOpen(row.id))}
              style={{ cursor: 'pointer' }}
              data-testid="task-row"
              data-task-id={row.id}
            >
              <Table.Td maw={420}>
                <Stack gap={2}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <UnstyledButton
                      onClick={(e) => {
                        e.stopPropagation();
                        props.onOpen(row.id);
                      }}
                      style={{ minWidth: 0 }}
                    >
                      <Text
                        fw={600}
                        size="sm"
                        lineClamp={2}
                        style={{ overflowWrap: 'anywhere' }}
                        data-testid="task-row-title"
                      >
                        {row.title}
                      </Text>
                    </UnstyledButton>
                    <PriorityBadge priority={row.priority} />
                  </Group>
                  <Extras row={row} />
                </Stack>
              </Table.Td>
              <Table.Td maw={240}>
                <Text size="sm" lineClamp={2}>
                  {who(row, props.view) || '—'}
                </Text>
              </Table.Td>
              {props.view === 'received' && <Table.Td>{row.myRole && <RoleBadge role={row.myRole} />}</Table.Td>}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DueText row={row} due={props.view === 'received' ? (row.myDueDate ?? row.dueDate) : row.dueDate} />
              </Table.Td>
              <Table.Td>
                <ProgressLine value={row.progress} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Status row={row} view={props.view} short />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Tasks as a table on a desktop and as cards on a phone, with the server's pagination. */
export function TaskList(props: TaskListProps) {
  const { t } = useTranslation('tasks');
  const isPhone = useIsPhone();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const testId = props['data-testid'] ?? 'task-list';
  if (props.rows.length === 0)
    return (
      <Paper withBorder radius="md" p="xl" data-testid={testId} data-empty>
        {props.loading ? (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        ) : (
          <Stack align="center" gap={6} ta="center">
            <IconClipboardList size={36} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text size="sm" c="dimmed">
              {props.emptyText}
            </Text>
          </Stack>
        )}
      </Paper>
    );
  return (
    <Box data-testid={testId} aria-busy={props.loading} style={{ opacity: props.loading ? 0.6 : 1 }}>
      {isPhone ? <Cards {...props} /> : <Rows {...props} />}
      <Group justify={isPhone ? 'center' : 'space-between'} gap="xs" mt="sm">
        <Text size="sm" c="dimmed">
          {t('list.total', { count: props.total, n: props.total })}
        </Text>
        {pages > 1 && (
          <Pagination
            total={pages}
            value={Math.min(props.page, pages)}
            onChange={props.onPage}
            size="sm"
            siblings={isPhone ? 0 : 1}
            getControlProps={(control) => ({ 'aria-label': t(`list.pager.${control}`) })}
          />
        )}
      </Group>
    </Box>
  );
}
