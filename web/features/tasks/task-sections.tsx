import { Anchor, Badge, Box, Button, Group, Paper, Rating, Stack, Text, Timeline } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../contracts/calendar';
import type { TTaskAssignment, TTaskDetail, TTaskEvent } from '../../../contracts/tasks';
import { formatDate, formatTime } from '../../app/format';
import { AttachmentList } from '../../components/file-preview';
import { taskFilesUrl } from './api';
import { DueText, PriorityBadge, ProgressLine, RoleBadge, StageBadge, StateBadge } from './labels';

const at = (iso: string) => `${formatTime(iso)} ${formatDate(iso)}`;

/** Related incoming documents as links that open them; hidden ones say so. */
export function RelatedList({ task }: { task: TTaskDetail }) {
  const { t } = useTranslation('tasks');
  const navigate = useNavigate();
  return (
    <Stack gap={4}>
      {task.related.map((r) =>
        r.label ? (
          <Anchor
            key={r.id}
            size="sm"
            href={`/app/incoming-view?doc=${r.id}`}
            onClick={(e) => {
              e.preventDefault();
              void navigate({ to: '/app/$functionId', params: { functionId: 'incoming-view' }, search: { doc: r.id } });
            }}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="task-related-link"
          >
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconFileText size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <span>{r.label}</span>
            </Group>
          </Anchor>
        ) : (
          <Text key={r.id} size="sm" c="dimmed">
            {t('detail.relatedHidden')}
          </Text>
        ),
      )}
    </Stack>
  );
}

/** One person's part: role, state, due date, progress, and a proposal waiting for a decision. */
function PartCard(props: { part: TTaskAssignment; onDecide: (kind: 'approve' | 'reject', id: string) => void }) {
  const { part } = props;
  const { t } = useTranslation('tasks');
  const gone = part.state === 'handed_over' || part.state === 'withdrawn';
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      style={{ opacity: gone ? 0.65 : 1 }}
      data-testid="task-part"
      data-state={part.state}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0, flex: '1 1 180px' }}>
            <Text size="sm" fw={600}>
              {part.person.fullName}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {[
                part.person.jobTitle,
                part.person.unitName,
                part.viaUnit ? t('detail.viaUnit', { unit: part.viaUnit }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
          <Group gap={4} wrap="wrap">
            <RoleBadge role={part.role} />
            {!(part.role === 'follow' && part.state === 'in_progress') && <StateBadge state={part.state} />}
          </Group>
        </Group>
        {part.role !== 'follow' && !gone && (
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap={4} wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('detail.partDue')}
              </Text>
              <DueText row={{ lateness: part.overdue ? 'overdue' : 'onTime', status: 'open' }} due={part.dueDate} />
            </Group>
            <ProgressLine value={part.progress} />
          </Group>
        )}
        {part.proposal && (
          <Paper bg="violet.0" radius="sm" p="xs" data-testid="task-proposal">
            <Stack gap={4}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {t('detail.proposal', { plan: part.proposal.plan })}
              </Text>
              {part.proposal.dueDate && (
                <Text size="xs" fw={600}>
                  {t('detail.proposalDue', { date: formatVnDate(part.proposal.dueDate) })}
                </Text>
              )}
              {part.canDecide && (
                <Group gap="xs" mt={4}>
                  <Button size="xs" onClick={() => props.onDecide('approve', part.id)} data-testid="proposal-approve">
                    {t('actions.approve.button')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => props.onDecide('reject', part.id)}
                    data-testid="proposal-reject"
                  >
                    {t('actions.reject.button')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}

/** Everyone with a part, lead first; proposals carry their decision buttons. */
export function PeopleList(props: { task: TTaskDetail; onDecide: (kind: 'approve' | 'reject', id: string) => void }) {
  return (
    <Stack gap={6} data-testid="task-people">
      {props.task.assignments.map((a) => (
        <PartCard key={a.id} part={a} onDecide={props.onDecide} />
      ))}
    </Stack>
  );
}

/** Sub-tasks as compact rows that open in the same view. */
export function SubtaskList(props: { task: TTaskDetail; onOpen: (id: string) => void }) {
  const { t } = useTranslation('tasks');
  if (props.task.subtasks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('detail.noSubtasks')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {props.task.subtasks.map((s) => (
        <Paper
          key={s.id}
          withBorder
          radius="sm"
          px="sm"
          py={6}
          role="button"
          tabIndex={0}
          style={{ cursor: 'pointer' }}
          onClick={() => props.onOpen(s.id)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onOpen(s.id);
          }}
          data-testid="task-subtask"
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" fw={500} style={{ flex: '1 1 200px', overflowWrap: 'anywhere' }}>
              {s.title}
            </Text>
            <Group gap={6} wrap="nowrap">
              <PriorityBadge priority={s.priority} />
              <StageBadge stage={s.stage} short />
              <ProgressLine value={s.progress} w={110} />
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** The facts of a step in words (percent, dates, names, stars). */
function eventFacts(t: (k: string, o?: Record<string, unknown>) => string, e: TTaskEvent): string[] {
  const d = e.data as Record<string, unknown>;
  const out: string[] = [];
  const dateWord = (v: unknown) => (typeof v === 'string' ? formatVnDate(v) : t('detail.noDue'));
  if (e.action === 'report' && typeof d.progress === 'number') out.push(t('events.progress', { progress: d.progress }));
  if (e.action === 'hand-on') out.push(t('events.handOn', { from: d.from, to: d.to }));
  if (e.action === 'change-due' || (e.action === 'approve' && 'from' in d))
    out.push(
      t('events.dueChange', { from: dateWord(d.from), to: dateWord(e.action === 'approve' ? d.dueDate : d.to) }),
    );
  if (e.action === 'propose' && typeof d.dueDate === 'string')
    out.push(t('events.proposedDue', { date: formatVnDate(d.dueDate) }));
  if (e.action === 'urge' && Array.isArray(d.names)) out.push(t('events.urged', { names: d.names.join(', ') }));
  if (e.action === 'assign' && Array.isArray(d.targets))
    out.push(
      (d.targets as { name: string; role: string; unit: string | null }[])
        .map((x) => `${x.name} (${t(`role.${x.role}`)})`)
        .join(', '),
    );
  if (e.action === 'close' && typeof d.rating === 'number') out.push(t('events.rating', { rating: d.rating }));
  if ((e.action === 'approve' || e.action === 'reject') && typeof d.name === 'string') out.push(d.name);
  if (e.action === 'subtask' && typeof d.title === 'string') out.push(d.title);
  return out;
}

/** The trail: who did what and when, notes, facts and report files. */
export function EventTrail({ task }: { task: TTaskDetail }) {
  const { t } = useTranslation('tasks');
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="task-trail">
      {task.events.map((e) => (
        <Timeline.Item
          key={e.id}
          title={
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>
                {t(`events.${e.action}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {at(e.at)}
              </Text>
            </Group>
          }
          data-testid="task-event"
          data-action={e.action}
        >
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {e.onBehalfOf ? t('detail.onBehalf', { actor: e.actor, principal: e.onBehalfOf }) : e.actor}
            </Text>
            {eventFacts(t as never, e).map((f) => (
              <Text key={f} size="sm">
                {f}
              </Text>
            ))}
            {e.comment && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.comment}
              </Text>
            )}
            {e.files.length > 0 && (
              <Box mt={4}>
                <AttachmentList files={e.files} collection={taskFilesUrl(task.id)} />
              </Box>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** Badges, title and the facts line at the top of a task. */
export function TaskHeader(props: { task: TTaskDetail; onOpen: (id: string) => void }) {
  const { task } = props;
  const { t } = useTranslation('tasks');
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="wrap">
        <StageBadge stage={task.stage} />
        <PriorityBadge priority={task.priority} />
        {task.status === 'open' && task.lateness !== 'onTime' && (
          <Badge color={task.lateness === 'overdue' ? 'red' : 'orange'} variant="filled" radius="sm">
            {t(`lateness.${task.lateness}`)}
          </Badge>
        )}
      </Group>
      <Text
        fw={700}
        fz={{ base: 18, sm: 21 }}
        lh={1.35}
        style={{ overflowWrap: 'anywhere' }}
        data-testid="task-title-view"
      >
        {task.title}
      </Text>
      {task.parent && (
        <Anchor
          size="sm"
          component="button"
          type="button"
          onClick={() => props.onOpen(task.parent?.id as string)}
          ta="left"
        >
          {t('detail.parent', { title: task.parent.title })}
        </Anchor>
      )}
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {[
          t('detail.assignedBy', { name: task.creator.fullName }),
          task.creator.unitName,
          task.startDate && t('detail.start', { date: formatVnDate(task.startDate) }),
          task.dueDate ? t('detail.due', { date: formatVnDate(task.dueDate) }) : t('detail.noDue'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <ProgressLine value={task.progress} w="100%" />
      {task.status === 'closed' && (
        <Paper withBorder radius="sm" p="sm" bg="gray.0" data-testid="task-evaluation">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('detail.sections.evaluation')}
            </Text>
            {task.rating !== null && <Rating value={task.rating} readOnly aria-label={t('detail.ratingLabel')} />}
            {task.evaluation && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {task.evaluation}
              </Text>
            )}
            {task.closedAt && task.closedBy && (
              <Text size="xs" c="dimmed">
                {t('detail.closedBy', { name: task.closedBy, at: at(task.closedAt) })}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
      {task.status === 'cancelled' && task.cancelReason && (
        <Text size="sm" c="red.8">
          {t('detail.cancelled', { reason: task.cancelReason })}
        </Text>
      )}
    </Stack>
  );
}
