import { Badge, Box, Group, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBan,
  IconChartBar,
  IconCircleCheck,
  IconEdit,
  IconFilePlus,
  IconHelp,
  IconMessage,
  IconMessage2,
  IconSend,
  IconUserShare,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import type { TAssignmentRole, TTrailAction, TTrailStep } from '../../../../contracts/incoming';
import { ASSIGNMENT_ROLES } from '../../../../contracts/incoming';
import { RoleBadge } from '../components/levels';
import { formatDateTime } from './detail-format';

const ICONS: Record<TTrailAction, ComponentType<{ size?: number }>> = {
  register: IconFilePlus,
  update: IconEdit,
  present: IconSend,
  forward: IconArrowForwardUp,
  return: IconArrowBackUp,
  direct: IconMessage2,
  'forward-leader': IconUserShare,
  reassign: IconUsers,
  opinion: IconMessage,
  'ask-opinion': IconHelp,
  progress: IconChartBar,
  complete: IconCircleCheck,
  cancel: IconBan,
};

const COLORS: Partial<Record<TTrailAction, string>> = {
  direct: 'blue',
  complete: 'green',
  return: 'red',
  cancel: 'red',
  progress: 'cyan',
  present: 'yellow',
  'forward-leader': 'yellow',
};

const isRole = (role: string | null): role is TAssignmentRole =>
  role !== null && (ASSIGNMENT_ROLES as readonly string[]).includes(role);

/** The people (or the percent, the part) a step was about, with their roles and due dates. */
function Targets({ step }: { step: TTrailStep }) {
  const { t } = useTranslation('incomingDetail');
  if (step.targets.length === 0) return null;
  if (step.action === 'progress' || step.action === 'complete') {
    const target = step.targets[0];
    return (
      <Group gap={6}>
        {step.action === 'progress' && (
          <Badge variant="light" color="cyan" size="sm">
            {t('trail.progressTo', { percent: target.name })}
          </Badge>
        )}
        {isRole(target.role) && <RoleBadge role={target.role} />}
      </Group>
    );
  }
  return (
    <Stack gap={2} data-testid="trail-targets">
      {step.targets.map((target, i) => (
        // Targets have no id; a name may repeat across roles, so the index is part of the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed list rendered once per step
        <Group key={`${target.name}-${i}`} gap={6} wrap="wrap">
          <Text size="sm">{target.name}</Text>
          {isRole(target.role) && (
            <Box w="max-content">
              <RoleBadge role={target.role} />
            </Box>
          )}
          {target.dueDate && (
            <Text size="xs" c="dimmed">
              {t('trail.due', { date: formatVnDate(target.dueDate) })}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** The trail as a timeline, oldest first: who (on whose behalf), what, to whom, the comment and when. */
export function TrailTimeline({ trail }: { trail: TTrailStep[] }) {
  const { t } = useTranslation('incomingDetail');
  if (trail.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('trail.empty')}
      </Text>
    );
  return (
    <Timeline active={trail.length - 1} bulletSize={26} lineWidth={2} data-testid="doc-trail">
      {trail.map((step) => {
        const Icon = ICONS[step.action];
        return (
          <Timeline.Item
            key={step.id}
            bullet={<Icon size={14} />}
            color={COLORS[step.action] ?? 'gray'}
            data-testid="trail-step"
            data-action={step.action}
            title={
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span fw={700} inherit>
                  {step.actor}
                </Text>
                {step.onBehalfOf && (
                  <Text span c="dimmed" inherit>
                    {' '}
                    {t('trail.onBehalf', { name: step.onBehalfOf })}
                  </Text>
                )}{' '}
                {t(`trail.actions.${step.action}`)}
              </Text>
            }
          >
            <Stack gap={4} mt={2}>
              {step.comment && (
                <Text
                  size="sm"
                  c="gray.8"
                  pl="xs"
                  style={{
                    borderLeft: '3px solid var(--mantine-color-gray-3)',
                    whiteSpace: 'pre-wrap',
                    overflowWrap: 'anywhere',
                  }}
                >
                  {step.comment}
                </Text>
              )}
              <Targets step={step} />
              <Text size="xs" c="dimmed">
                {formatDateTime(step.at)}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
