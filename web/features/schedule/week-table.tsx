import { ActionIcon, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isoWeekday } from '../../../contracts/calendar';
import { groupWeek, type TScheduleEntry } from '../../../contracts/schedule';
import { EntryActions } from './entry-actions';
import { dayName } from './labels';

export interface WeekViewProps {
  weekStart: string;
  entries: TScheduleEntry[];
  today: string;
  editable: boolean;
  onAdd: (day: string) => void;
  onEdit: (e: TScheduleEntry) => void;
  onDelete: (e: TScheduleEntry) => void;
}

/** Days a week shows: Monday to Friday always, Saturday and Sunday when they have lines (or may get them). */
export function shownDays(weekStart: string, entries: TScheduleEntry[], editable: boolean) {
  return groupWeek(weekStart, entries).filter(
    (d) => isoWeekday(d.day) <= 5 || editable || d.sessions.some((s) => s.entries.length > 0),
  );
}

/**
 * The week as the usual table (desktop): Thứ/ngày | Buổi | Thời gian | Nội dung | Chủ trì |
 * Thành phần | Địa điểm | Đơn vị chuẩn bị; a day spans its lines and a session its own.
 */
export function WeekTable(props: WeekViewProps) {
  const { t } = useTranslation('schedule');
  const rows: ReactNode[] = [];
  const cols = props.editable ? 9 : 8;
  for (const { day, sessions } of shownDays(props.weekStart, props.entries, props.editable)) {
    const filled = sessions.filter((s) => s.entries.length > 0);
    const total = filled.reduce((n, s) => n + s.entries.length, 0);
    const isToday = day === props.today;
    const bg = isToday ? 'var(--mantine-color-blue-light)' : undefined;
    const dayCell = (span: number) => (
      <Table.Td rowSpan={span} style={{ verticalAlign: 'top', background: bg, whiteSpace: 'nowrap' }}>
        <Text fw={700} size="sm">
          {dayName(t, day)}
        </Text>
        <Text size="sm" c="dimmed">
          {`${day.slice(8, 10)}/${day.slice(5, 7)}`}
        </Text>
        {props.editable && (
          <Tooltip label={t('actions.addOnDay', { day: dayName(t, day) })}>
            <ActionIcon
              variant="light"
              size="sm"
              mt={4}
              aria-label={t('actions.addOnDay', { day: dayName(t, day) })}
              onClick={() => props.onAdd(day)}
              data-testid={`add-on-${day}`}
            >
              <IconPlus size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    );
    if (total === 0) {
      rows.push(
        <Table.Tr key={day} data-testid={`day-${day}`}>
          {dayCell(1)}
          <Table.Td colSpan={cols - 1} style={{ background: bg }}>
            <Text size="sm" c="dimmed" fs="italic">
              {t('empty.day')}
            </Text>
          </Table.Td>
        </Table.Tr>,
      );
      continue;
    }
    let first = true;
    for (const s of filled) {
      s.entries.forEach((e, i) => {
        rows.push(
          <Table.Tr key={e.id} data-testid="schedule-entry" data-day={day} style={{ background: bg }}>
            {first && dayCell(total)}
            {i === 0 && (
              <Table.Td rowSpan={s.entries.length} style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={500}>
                  {t(`sessions.${s.session}`)}
                </Text>
              </Table.Td>
            )}
            <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
              <Text size="sm" fw={600}>
                {e.startTime ?? ''}
              </Text>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'pre-line' }}>
              <Text size="sm">{e.content}</Text>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <Text size="sm">{e.chair}</Text>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <Text size="sm">{e.participants}</Text>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <Text size="sm">{e.location}</Text>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <Text size="sm">{e.preparingUnit}</Text>
            </Table.Td>
            {props.editable && (
              <Table.Td style={{ verticalAlign: 'top' }}>
                <EntryActions entry={e} onEdit={props.onEdit} onDelete={props.onDelete} />
              </Table.Td>
            )}
          </Table.Tr>,
        );
        first = false;
      });
    }
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="schedule-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={92}>{t('columns.day')}</Table.Th>
            <Table.Th w={64}>{t('columns.session')}</Table.Th>
            <Table.Th w={84} style={{ whiteSpace: 'nowrap' }}>
              {t('columns.time')}
            </Table.Th>
            <Table.Th>{t('columns.content')}</Table.Th>
            <Table.Th w={130}>{t('columns.chair')}</Table.Th>
            <Table.Th w={160}>{t('columns.participants')}</Table.Th>
            <Table.Th w={120}>{t('columns.location')}</Table.Th>
            <Table.Th w={124}>{t('columns.preparingUnit')}</Table.Th>
            {props.editable && <Table.Th w={76}>{t('columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
