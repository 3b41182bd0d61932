import { Box, Group, Paper, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import type { TOutgoingRow, TOutgoingSort } from '../../../../contracts/outgoing';
import { formatDate } from '../../../app/format';
import { useIsPhone } from '../../../app/media';
import {
  DocumentListFrame,
  listNumberFormat,
  openOnKey,
  pageCount,
  SortHeader,
} from '../../../components/document-list';
import { FileCount, urgencyBarColor } from '../../incoming/components/incoming-list-parts';
import { LevelBadges } from '../../incoming/components/levels';
import { OutgoingStatusBadge } from './status';

/** Columns the desktop table can show, in this order. */
export const OUTGOING_COLUMNS = [
  'code',
  'issuedDate',
  'documentType',
  'subject',
  'unitName',
  'drafter',
  'signer',
  'step',
  'updatedAt',
  'status',
  'receipts',
] as const;
export type TOutgoingColumn = (typeof OUTGOING_COLUMNS)[number];

export const DEFAULT_OUTGOING_COLUMNS: TOutgoingColumn[] = ['code', 'issuedDate', 'subject', 'signer', 'status'];

/** Columns that sort on the server, with the sort key they send. */
const SORT_OF: Partial<Record<TOutgoingColumn, TOutgoingSort>> = {
  code: 'codeNumber',
  issuedDate: 'issuedDate',
  subject: 'subject',
  updatedAt: 'updatedAt',
};

export interface OutgoingListProps {
  rows: TOutgoingRow[];
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
  loading?: boolean;
  emptyText: ReactNode;
  columns?: TOutgoingColumn[];
  sort?: { sort: TOutgoingSort; dir: 'asc' | 'desc' };
  onSort?: (sort: TOutgoingSort) => void;
  hideTotal?: boolean;
  'data-testid'?: string;
}

/**
 * The list every outgoing page uses: a compact table on a desktop, one card per document on a
 * phone. Urgent rows carry a coloured bar, unread ones (sent for information) are bold.
 */
export function OutgoingList(props: OutgoingListProps) {
  const { rows, total, page, pageSize, onPage, loading = false } = props;
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  const pages = pageCount(total, pageSize);
  const number = listNumberFormat();
  return (
    <DocumentListFrame
      empty={rows.length === 0}
      loading={loading}
      emptyIcon={IconFileExport}
      emptyText={props.emptyText}
      emptyTestId="outgoing-list-empty"
      footer={!props.hideTotal || pages > 1}
      total={
        !props.hideTotal && (
          <Text size="sm" c="dimmed" data-testid="outgoing-list-total">
            {props.totalCapped
              ? t('list.totalCapped', { n: number.format(total) })
              : t('list.total', { count: total, n: number.format(total) })}
          </Text>
        )
      }
      pages={pages}
      page={page}
      onPage={onPage}
      pagerLabel={(control) => t(`list.pager.${control}`)}
      pagerTestId="outgoing-list-pagination"
      data-testid={props['data-testid'] ?? 'outgoing-list'}
    >
      {isPhone ? <OutgoingCards {...props} /> : <OutgoingTable {...props} />}
    </DocumentListFrame>
  );
}

/** "2/3 đã vào sổ": how many recipients registered it, green once all did. */
export function Receipts({ row }: { row: Pick<TOutgoingRow, 'recipientCount' | 'registeredCount'> }) {
  const { t } = useTranslation('outgoing');
  if (row.recipientCount === 0) return <Text size="sm" c="dimmed" aria-hidden />;
  const all = row.registeredCount >= row.recipientCount;
  return (
    <Tooltip label={t('list.receiptsHint')}>
      <Text size="sm" c={all ? 'green.8' : row.registeredCount === 0 ? 'orange.8' : undefined} fw={500}>
        {t('list.receipts', { n: row.registeredCount, total: row.recipientCount })}
      </Text>
    </Tooltip>
  );
}

function OutgoingSortHeader(props: {
  column: TOutgoingColumn;
  label: string;
  sort: NonNullable<OutgoingListProps['sort']>;
  onSort: (s: TOutgoingSort) => void;
}) {
  const { t } = useTranslation('outgoing');
  const key = SORT_OF[props.column] as TOutgoingSort;
  return (
    <SortHeader
      label={props.label}
      active={props.sort.sort === key}
      dir={props.sort.dir}
      onSort={() => props.onSort(key)}
      sortLabel={t('list.sortBy', { column: props.label })}
      data-testid={`outgoing-sort-${key}`}
    />
  );
}

function OutgoingTable(props: OutgoingListProps) {
  const { rows } = props;
  const { t } = useTranslation('outgoing');
  const columns = props.columns ?? DEFAULT_OUTGOING_COLUMNS;
  const nowrap = { whiteSpace: 'nowrap' } as const;

  const cell = (row: TOutgoingRow, column: TOutgoingColumn, first: boolean) => {
    const fw = row.unread ? 700 : undefined;
    const bar = first ? urgencyBarColor(row) : null;
    const style = bar ? { boxShadow: `inset 4px 0 0 ${bar}` } : undefined;
    switch (column) {
      case 'code':
        return (
          <Table.Td key={column} style={{ ...style, ...nowrap }}>
            <Text size="sm" fw={row.unread ? 800 : 600}>
              {row.code ?? t('list.noNumber')}
            </Text>
          </Table.Td>
        );
      case 'issuedDate':
        return (
          <Table.Td key={column} style={{ ...style, ...nowrap }}>
            <Text size="sm" fw={fw}>
              {formatVnDate(row.issuedDate)}
            </Text>
          </Table.Td>
        );
      case 'documentType':
        return (
          <Table.Td key={column} style={style}>
            <Text size="sm">{row.documentType}</Text>
          </Table.Td>
        );
      case 'subject': {
        const secondary = [
          columns.includes('documentType') ? null : row.documentType,
          row.stepLabel && !columns.includes('step') ? row.stepLabel : null,
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <Table.Td key={column} style={{ ...style, minWidth: columns.length < 4 ? 150 : 260 }}>
            <Stack gap={2}>
              <LevelBadges row={row} />
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Text size="sm" fw={fw} lineClamp={2} style={{ flex: 1 }}>
                  {row.subject}
                </Text>
                {row.fileCount > 0 && <FileCount count={row.fileCount} />}
              </Group>
              {secondary && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {secondary}
                </Text>
              )}
            </Stack>
          </Table.Td>
        );
      }
      case 'unitName':
        return (
          <Table.Td key={column} style={style}>
            <Text size="sm">{row.unitName}</Text>
          </Table.Td>
        );
      case 'drafter':
        return (
          <Table.Td key={column} style={style}>
            <Text size="sm">{row.drafter}</Text>
          </Table.Td>
        );
      case 'signer':
        return (
          <Table.Td key={column} style={style}>
            <Text size="sm">{row.signer ?? ''}</Text>
          </Table.Td>
        );
      case 'step':
        return (
          <Table.Td key={column} style={style}>
            <Text size="sm">{row.stepLabel ?? ''}</Text>
          </Table.Td>
        );
      case 'updatedAt':
        return (
          <Table.Td key={column} style={{ ...style, ...nowrap }}>
            <Text size="sm">{formatDate(row.updatedAt)}</Text>
          </Table.Td>
        );
      case 'status':
        return (
          <Table.Td key={column} style={{ ...style, ...nowrap, width: '1%' }}>
            <Box style={{ width: 'max-content' }}>
              <OutgoingStatusBadge status={row.status} />
            </Box>
          </Table.Td>
        );
      case 'receipts':
        return (
          <Table.Td key={column} style={{ ...style, ...nowrap }}>
            <Receipts row={row} />
          </Table.Td>
        );
    }
  };

  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={columns.length >= 5 ? 820 : 0}>
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="outgoing-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {columns.map((c) =>
                props.sort && props.onSort && SORT_OF[c] ? (
                  <OutgoingSortHeader
                    key={c}
                    column={c}
                    label={t(`column.${c}`)}
                    sort={props.sort}
                    onSort={props.onSort}
                  />
                ) : (
                  <Table.Th key={c} style={nowrap}>
                    {t(`column.${c}`)}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.id}
                tabIndex={0}
                onClick={() => props.onOpen(row.id)}
                onKeyDown={(e) => openOnKey(e, () => props.onOpen(row.id))}
                aria-label={t('list.open', { subject: row.subject })}
                style={{ cursor: 'pointer' }}
                data-testid={`outgoing-row-${row.id}`}
                data-unread={row.unread || undefined}
              >
                {columns.map((c, i) => cell(row, c, i === 0))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** One card per document on a phone: number and date, status, levels, subject, type and signer. */
function OutgoingCards(props: OutgoingListProps) {
  const { t } = useTranslation('outgoing');
  const columns = props.columns ?? DEFAULT_OUTGOING_COLUMNS;
  return (
    <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {props.rows.map((row) => {
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
            data-testid={`outgoing-row-${row.id}`}
            data-unread={row.unread || undefined}
          >
            <UnstyledButton
              onClick={() => props.onOpen(row.id)}
              w="100%"
              px="sm"
              py={8}
              aria-label={t('list.open', { subject: row.subject })}
            >
              <Group justify="space-between" gap={6} wrap="nowrap" mb={4} align="flex-start">
                <Text size="sm" fw={800} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {row.code ?? row.documentType}
                </Text>
                <Box style={{ flexShrink: 0 }}>
                  <OutgoingStatusBadge status={row.status} />
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
                {[
                  row.issuedDate ? formatVnDate(row.issuedDate) : formatDate(row.updatedAt),
                  row.code ? row.documentType : null,
                  row.stepLabel,
                  row.signer ?? row.drafter,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {(columns.includes('receipts') && row.recipientCount > 0) || row.fileCount > 0 ? (
                <Group gap={8} mt={4} wrap="nowrap">
                  {columns.includes('receipts') && <Receipts row={row} />}
                  {row.fileCount > 0 && <FileCount count={row.fileCount} />}
                </Group>
              ) : null}
            </UnstyledButton>
          </Paper>
        );
      })}
    </Stack>
  );
}
