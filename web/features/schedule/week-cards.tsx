import { ActionIcon, Badge, Card, Divider, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TScheduleEntry } from '../../../contracts/schedule';
import { EntryActions } from './entry-actions';
import { dayLabel } from './labels';
import { shownDays, type WeekViewProps } from './week-table';

function Field({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {value}
    </Text>
  );
}

function EntryBlock(props: { e: TScheduleEntry } & Pick<WeekViewProps, 'editable' | 'onEdit' | 'onDelete'>) {
  const { t } = useTranslation('schedule');
  const { e } = props;
  return (
    <Group align="flex-start" wrap="nowrap" gap="xs" data-testid="schedule-entry">
      <Text fw={700} size="sm" w={44} style={{ flexShrink: 0 }}>
        {e.startTime ?? ''}
      </Text>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {e.content}
        </Text>
        <Field label={t('columns.chair')} value={e.chair} />
        <Field label={t('columns.participants')} value={e.participants} />
        <Field label={t('columns.location')} value={e.location} />
        <Field label={t('columns.preparingUnit')} value={e.preparingUnit} />
      </Stack>
      {props.editable && <EntryActions entry={e} onEdit={props.onEdit} onDelete={props.onDelete} />}
    </Group>
  );
}

/** The week as one card per day (phones, Điều 4.4): sessions inside, lines by time. */
export function WeekCards(props: WeekViewProps) {
  const { t } = useTranslation('schedule');
  return (
    <Stack gap="sm" data-testid="schedule-cards">
      {shownDays(props.weekStart, props.entries, props.editable).map(({ day, sessions }) => {
        const filled = sessions.filter((s) => s.entries.length > 0);
        const isToday = day === props.today;
        return (
          <Card
            key={day}
            withBorder
            padding="sm"
            radius="md"
            data-testid={`day-${day}`}
            style={isToday ? { borderColor: 'var(--mantine-color-blue-5)' } : undefined}
          >
            <Group justify="space-between" mb={filled.length ? 'xs' : 0}>
              <Text fw={700} c={isToday ? 'blue' : undefined}>
                {dayLabel(t, day)}
              </Text>
              {props.editable && (
                <ActionIcon
                  variant="light"
                  aria-label={t('actions.addOnDay', { day: dayLabel(t, day) })}
                  onClick={() => props.onAdd(day)}
                  data-testid={`add-on-${day}`}
                >
                  <IconPlus size={16} />
                </ActionIcon>
              )}
            </Group>
            {filled.length === 0 && (
              <Text size="sm" c="dimmed" fs="italic">
                {t('empty.day')}
              </Text>
            )}
            <Stack gap="sm">
              {filled.map((s, i) => (
                <Stack key={s.session} gap="xs">
                  {i > 0 && <Divider />}
                  <Badge
                    variant="light"
                    color={s.session === 'morning' ? 'orange' : 'indigo'}
                    w="fit-content"
                    tt="none"
                  >
                    {t(`sessions.${s.session}`)}
                  </Badge>
                  {s.entries.map((e) => (
                    <EntryBlock
                      key={e.id}
                      e={e}
                      editable={props.editable}
                      onEdit={props.onEdit}
                      onDelete={props.onDelete}
                    />
                  ))}
                </Stack>
              ))}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
