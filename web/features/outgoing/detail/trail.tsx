import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconBan,
  IconCheck,
  IconEdit,
  IconFilePlus,
  IconFileStack,
  IconReplace,
  IconRubberStamp,
  IconSend,
  IconSignature,
  IconTruckDelivery,
  IconTruckReturn,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOutgoingAction, TOutgoingTrailStep } from '../../../../contracts/outgoing';
import { formatDateTime } from '../../incoming/detail/detail-format';

const ICONS: Record<TOutgoingAction, ComponentType<{ size?: number }>> = {
  draft: IconFilePlus,
  update: IconEdit,
  version: IconFileStack,
  submit: IconSend,
  approve: IconCheck,
  return: IconArrowBackUp,
  sign: IconSignature,
  cancel: IconBan,
  issue: IconRubberStamp,
  send: IconTruckDelivery,
  recall: IconTruckReturn,
  replace: IconReplace,
};

const COLORS: Partial<Record<TOutgoingAction, string>> = {
  submit: 'yellow',
  approve: 'teal',
  sign: 'teal',
  issue: 'green',
  send: 'blue',
  return: 'orange',
  cancel: 'red',
  recall: 'red',
  replace: 'grape',
};

/** The trail as a timeline, oldest first: who (on whose behalf) did what, on which version, with the comment. */
export function OutgoingTrail({ trail }: { trail: TOutgoingTrailStep[] }) {
  const { t } = useTranslation('outgoing');
  if (trail.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('trail.empty')}
      </Text>
    );
  return (
    <Timeline active={trail.length - 1} bulletSize={26} lineWidth={2} data-testid="outgoing-trail">
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
              <Group gap={6}>
                {step.version !== null && (
                  <Badge size="xs" variant="light" color="gray">
                    {t('trail.version', { n: step.version })}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {formatDateTime(step.at)}
                </Text>
              </Group>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
