import { Badge, Group, Progress, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../contracts/calendar';
import type {
  TTaskAssignmentState,
  TTaskLateness,
  TTaskPriority,
  TTaskRole,
  TTaskRow,
  TTaskStage,
} from '../../../contracts/tasks';

export const STAGE_COLORS: Record<TTaskStage, string> = {
  waiting: 'yellow',
  in_progress: 'blue',
  done: 'teal',
  closed: 'gray',
  cancelled: 'dark',
};

export const LATENESS_COLORS: Record<TTaskLateness, string> = { overdue: 'red', dueSoon: 'orange', onTime: 'green' };

const PRIORITY_COLORS: Record<TTaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

const STATE_COLORS: Record<TTaskAssignmentState, string> = {
  pending: 'yellow',
  in_progress: 'blue',
  proposed: 'violet',
  done: 'teal',
  handed_over: 'gray',
  withdrawn: 'gray',
};

/** The stage of a task as a coloured badge. */
export function StageBadge({ stage, short = false }: { stage: TTaskStage; short?: boolean }) {
  const { t } = useTranslation('tasks');
  return (
    <Badge
      color={STAGE_COLORS[stage]}
      variant="light"
      radius="sm"
      style={{ flexShrink: 0, overflow: 'visible' }}
      data-testid="task-stage"
      data-stage={stage}
    >
      {t(short ? `stageShort.${stage}` : `stage.${stage}`)}
    </Badge>
  );
}

/** Priority, shown only when it is not "normal" (high and urgent stand out). */
export function PriorityBadge({ priority, always = false }: { priority: TTaskPriority; always?: boolean }) {
  const { t } = useTranslation('tasks');
  if (priority === 'normal' && !always) return null;
  return (
    <Badge
      color={PRIORITY_COLORS[priority]}
      variant={priority === 'urgent' ? 'filled' : 'light'}
      radius="sm"
      style={{ flexShrink: 0, overflow: 'visible' }}
      leftSection={<IconFlag size={12} aria-hidden />}
    >
      {t(`priority.${priority}`)}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: TTaskRole }) {
  const { t } = useTranslation('tasks');
  return (
    <Badge color={role === 'lead' ? 'blue' : role === 'co' ? 'cyan' : 'gray'} variant="outline" radius="sm">
      {t(`role.${role}`)}
    </Badge>
  );
}

export function StateBadge({ state }: { state: TTaskAssignmentState }) {
  const { t } = useTranslation('tasks');
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant="light"
      radius="sm"
      style={{ flexShrink: 0, overflow: 'visible' }}
      data-testid="part-state"
      data-state={state}
    >
      {t(`state.${state}`)}
    </Badge>
  );
}

/** The due date, red when overdue and orange when due soon (open tasks). */
export function DueText({ row, due }: { row: Pick<TTaskRow, 'lateness' | 'status'>; due: string | null }) {
  const { t } = useTranslation('tasks');
  if (!due)
    return (
      <Text size="sm" c="dimmed">
        {t('list.noDue')}
      </Text>
    );
  const late = row.lateness === 'overdue';
  const soon = row.lateness === 'dueSoon';
  const Icon = late ? IconAlertTriangle : IconClock;
  return (
    <Group gap={4} wrap="nowrap">
      {(late || soon) && <Icon size={14} color={`var(--mantine-color-${late ? 'red' : 'orange'}-7)`} aria-hidden />}
      <Text size="sm" c={late ? 'red.7' : soon ? 'orange.8' : undefined} fw={late || soon ? 600 : undefined}>
        {formatVnDate(due)}
      </Text>
      {late && row.status === 'open' && <VisuallyLate />}
    </Group>
  );
}

function VisuallyLate() {
  const { t } = useTranslation('tasks');
  return (
    <Text size="xs" c="red.7" fw={600}>
      ({t('lateness.overdue').toLowerCase()})
    </Text>
  );
}

/** A progress bar with its percent. */
export function ProgressLine({ value, w = 140 }: { value: number; w?: number | string }) {
  return (
    <Group gap={6} wrap="nowrap" w={w}>
      <Progress value={value} size="sm" radius="xl" style={{ flex: 1 }} color={value === 100 ? 'teal' : 'blue'} />
      <Text size="xs" c="dimmed" w={32} ta="right">
        {value}%
      </Text>
    </Group>
  );
}
