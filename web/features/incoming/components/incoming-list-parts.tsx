import { Box, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import { formatArrivalNumber, type TIncomingRow } from '../../../../contracts/incoming';
import { formatDate } from '../../../app/format';
import { LevelBadges, RoleBadge, StatusBadge } from './levels';

/** Pieces of the incoming list: the urgency bar, due date, attachment count and the phone cards. */

/** Colour of the bar at the left of an urgent row: Khẩn orange, Thượng khẩn and Hỏa tốc red. */
export function urgencyBarColor(row: Pick<TIncomingRow, 'urgency'>): string | null {
  const rank = row.urgency?.rank ?? 0;
  if (rank <= 0) return null;
  return rank === 1 ? 'var(--mantine-color-orange-5)' : 'var(--mantine-color-red-6)';
}

/** The due date a row shows: the user's own part first (work boxes), else the document's. */
export function rowDueDate(row: Pick<TIncomingRow, 'myDueDate' | 'dueDate'>): string | null {
  return row.myDueDate ?? row.dueDate;
}

/** A paperclip with the number of attachments. */
export function FileCount({ count }: { count: number }) {
  const { t } = useTranslation('incomingRegister');
  return (
    <Tooltip label={t('list.files', { count })}>
      <Group gap={0} wrap="nowrap" c="dimmed" aria-label={t('list.files', { count })} style={{ flexShrink: 0 }}>
        <IconPaperclip size={14} aria-hidden />
        <Text size="xs" c="dimmed" aria-hidden>
          {count}
        </Text>
      </Group>
    </Tooltip>
  );
}

/** The due date of a row, red and bold when overdue. */
export function DueDate({ row, withLabel = false }: { row: TIncomingRow; withLabel?: boolean }) {
  const { t } = useTranslation(['incomingRegister', 'incoming']);
  const due = rowDueDate(row);
  if (!due) return withLabel ? null : <Text size="sm" c="dimmed" aria-hidden />;
  const text = formatVnDate(due);
  return (
    <Text
      size={withLabel ? 'xs' : 'sm'}
      c={row.overdue ? 'red.7' : undefined}
      fw={row.overdue ? 700 : undefined}
      data-overdue={row.overdue || undefined}
    >
      {withLabel ? t('list.dueOn', { date: text }) : text}
    </Text>
  );
}

/** One card per document (phones): number, date, status, levels, subject, organ and code, due date. */
export function IncomingCards(props: {
  rows: TIncomingRow[];
  onOpen: (id: string) => void;
  rowActions?: (row: TIncomingRow) => ReactNode;
}) {
  const { rows, rowActions } = props;
  const { t } = useTranslation(['incomingRegister', 'incoming']);
  return (
    <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => {
        const bar = urgencyBarColor(row);
        return (
          <Paper
            key={row.id}
            component="li"
            withBorder
            radius="md"
            style={{
              overflow: 'hidden',
              borderLeft: bar ? `4px solid ${bar}` : undefined,
              background: row.unread ? 'var(--mantine-color-blue-0)' : undefined,
            }}
            data-testid={`incoming-row-${row.arrivalNumber}`}
            data-unread={row.unread || undefined}
          >
            <UnstyledButton
              onClick={() => props.onOpen(row.id)}
              w="100%"
              px="sm"
              pt={8}
              pb={rowActions ? 4 : 8}
              aria-label={t('list.open', { number: formatArrivalNumber(row.arrivalNumber), subject: row.subject })}
            >
              <Group justify="space-between" gap={6} wrap="nowrap" mb={4}>
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text size="sm" fw={800} ff="monospace">
                    {formatArrivalNumber(row.arrivalNumber)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(row.arrivalAt)}
                  </Text>
                </Group>
                <Box style={{ flexShrink: 0 }}>
                  <StatusBadge row={row} />
                </Box>
              </Group>
              {Boolean(row.urgency?.rank || row.confidentiality?.rank) && (
                <Box mb={4}>
                  <LevelBadges row={row} />
                </Box>
              )}
              <Text size="sm" fw={row.unread ? 700 : 500} lineClamp={3}>
                {row.subject}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1} mt={2}>
                {[row.issuingOrgan, row.code].filter(Boolean).join(' · ')}
              </Text>
              {(rowDueDate(row) || row.myRole || row.fileCount > 0) && (
                <Group gap={8} mt={4} wrap="nowrap">
                  <DueDate row={row} withLabel />
                  {row.myRole && <RoleBadge role={row.myRole} />}
                  {row.fileCount > 0 && <FileCount count={row.fileCount} />}
                </Group>
              )}
            </UnstyledButton>
            {rowActions && (
              <Group justify="flex-end" px="xs" pb={6} gap={4}>
                {rowActions(row)}
              </Group>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
