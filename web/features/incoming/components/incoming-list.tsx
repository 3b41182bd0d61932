import { Box, Checkbox, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import { formatArrivalNumber, type TIncomingRow, type TIncomingSort } from '../../../../contracts/incoming';
import { formatDate } from '../../../app/format';
import { useIsPhone } from '../../../app/media';
import {
  DocumentListFrame,
  listNumberFormat,
  openOnKey,
  pageCount,
  SortHeader,
} from '../../../components/document-list';
import { DueDate, FileCount, IncomingCards, urgencyBarColor } from './incoming-list-parts';
import { LevelBadges, RoleBadge, StatusBadge } from './levels';

/** Columns the desktop table can show, in this order. */
export const INCOMING_COLUMNS = [
  'arrivalNumber',
  'arrivalAt',
  'issuingOrgan',
  'code',
  'issuedDate',
  'documentType',
  'subject',
  'unitName',
  'lead',
  'dueDate',
  'status',
  'myRole',
] as const;
export type TIncomingColumn = (typeof INCOMING_COLUMNS)[number];

/** The usual columns; `myRole` shows only when a row carries the user's role (work boxes). */
export const DEFAULT_INCOMING_COLUMNS: TIncomingColumn[] = [
  'arrivalNumber',
  'arrivalAt',
  'issuingOrgan',
  'code',
  'subject',
  'dueDate',
  'status',
  'myRole',
];

/** Columns that sort on the server, with the sort key they send. */
const SORT_OF: Partial<Record<TIncomingColumn, TIncomingSort>> = {
  arrivalNumber: 'arrivalNumber',
  arrivalAt: 'arrivalAt',
  issuingOrgan: 'issuingOrgan',
  issuedDate: 'issuedDate',
  subject: 'subject',
  dueDate: 'dueDate',
};

export interface IncomingListProps {
  rows: TIncomingRow[];
  total: number;
  /** More matches than `total` (search counts stop at 10 000). */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
  loading?: boolean;
  emptyText: ReactNode;
  /** Sortable headers (desktop) when given. */
  sort?: { sort: TIncomingSort; dir: 'asc' | 'desc' };
  onSort?: (sort: TIncomingSort) => void;
  columns?: TIncomingColumn[];
  /** Check boxes to pick several documents (desktop table). */
  selection?: { selected: string[]; onChange: (ids: string[]) => void };
  /** Buttons of one row (last column on desktop, bottom of the card on a phone). */
  rowActions?: (row: TIncomingRow) => ReactNode;
  /** Hide the total line (a short list beside a form). */
  hideTotal?: boolean;
  'data-testid'?: string;
}

/**
 * The list of incoming documents every incoming page uses: a compact table on a desktop, one
 * card per document on a phone. Urgent rows carry a coloured bar, unread ones are bold, overdue
 * due dates are red; the pagination is the server's.
 */
export function IncomingList(props: IncomingListProps) {
  const { rows, total, page, pageSize, onPage, loading = false } = props;
  const { t } = useTranslation(['incomingRegister', 'incoming']);
  const isPhone = useIsPhone();
  const pages = pageCount(total, pageSize);
  const number = listNumberFormat();
  return (
    <DocumentListFrame
      empty={rows.length === 0}
      loading={loading}
      emptyIcon={IconInbox}
      emptyText={props.emptyText}
      emptyTestId="incoming-list-empty"
      footer={!props.hideTotal || pages > 1}
      total={
        !props.hideTotal && (
          <Text size="sm" c="dimmed" data-testid="incoming-list-total">
            {props.totalCapped
              ? t('list.totalCapped', { count: total, n: number.format(total) })
              : t('list.total', { count: total, n: number.format(total) })}
          </Text>
        )
      }
      pages={pages}
      page={page}
      onPage={onPage}
      pagerLabel={(control) => t(`list.pager.${control}`)}
      pagerTestId="incoming-list-pagination"
      data-testid={props['data-testid'] ?? 'incoming-list'}
    >
      {isPhone ? <IncomingCards {...props} /> : <IncomingTable {...props} />}
    </DocumentListFrame>
  );
}

function IncomingSortHeader(props: {
  column: TIncomingColumn;
  label: string;
  sort: NonNullable<IncomingListProps['sort']>;
  onSort: (s: TIncomingSort) => void;
}) {
  const { t } = useTranslation('incomingRegister');
  const key = SORT_OF[props.column] as TIncomingSort;
  return (
    <SortHeader
      label={props.label}
      active={props.sort.sort === key}
      dir={props.sort.dir}
      onSort={() => props.onSort(key)}
      sortLabel={t('list.sortBy', { column: props.label })}
      data-testid={`incoming-sort-${key}`}
    />
  );
}

function columnLabel(t: (k: string) => string, column: TIncomingColumn): string {
  if (column === 'myRole') return t('incomingRegister:list.myRole');
  if (column === 'unitName') return t('incoming:field.unit');
  if (column === 'arrivalNumber') return t('incomingRegister:list.arrivalNumberShort');
  return t(`incoming:field.${column}`);
}

function IncomingTable(props: IncomingListProps) {
  const { rows, selection, rowActions } = props;
  const { t } = useTranslation(['incomingRegister', 'incoming']);
  const wanted = props.columns ?? DEFAULT_INCOMING_COLUMNS;
  const columns = wanted.filter((c) => c !== 'myRole' || rows.some((r) => r.myRole));
  const hasOrgan = columns.includes('issuingOrgan');
  const hasCode = columns.includes('code');
  // A short table (beside a form) lets the subject be narrower.
  const narrow = columns.length < 5;
  const selected = new Set(selection?.selected ?? []);
  const allChecked = selection ? rows.every((r) => selected.has(r.id)) : false;
  const someChecked = selection ? rows.some((r) => selected.has(r.id)) : false;

  const toggleAll = () => {
    if (!selection) return;
    const ids = rows.map((r) => r.id);
    selection.onChange(
      allChecked ? selection.selected.filter((id) => !ids.includes(id)) : [...new Set([...selection.selected, ...ids])],
    );
  };
  const toggle = (id: string) => {
    if (!selection) return;
    selection.onChange(selected.has(id) ? selection.selected.filter((s) => s !== id) : [...selection.selected, id]);
  };

  const cell = (row: TIncomingRow, column: TIncomingColumn, first: boolean) => {
    const fw = row.unread ? 700 : undefined;
    const bar = first ? urgencyBarColor(row) : null;
    const style = bar ? { boxShadow: `inset 4px 0 0 ${bar}` } : undefined;
    switch (column) {
      case 'arrivalNumber':
        return (
          <Table.Td key={column} style={{ ...style, whiteSpace: 'nowrap' }}>
            <Text size="sm" fw={row.unread ? 800 : 600} ff="monospace">
              {formatArrivalNumber(row.arrivalNumber)}
            </Text>
          </Table.Td>
        );
      case 'arrivalAt':
        return (
          <Table.Td key={column} style={{ ...style, whiteSpace: 'nowrap' }}>
            <Text size="sm" fw={fw}>
              {formatDate(row.arrivalAt)}
            </Text>
          </Table.Td>
        );
      case 'issuingOrgan':
        return (
          <Table.Td key={column} style={{ ...style, minWidth: 140, maxWidth: 220 }}>
            <Text size="sm" fw={fw} lineClamp={2}>
              {row.issuingOrgan}
            </Text>
          </Table.Td>
        );
      case 'code':
        return (
          <Table.Td key={column} style={{ ...style, whiteSpace: 'nowrap' }}>
            <Text size="sm" fw={fw}>
              {row.code}
            </Text>
          </Table.Td>
        );
      case 'issuedDate':
        return (
          <Table.Td key={column} style={{ ...style, whiteSpace: 'nowrap' }}>
            <Text size="sm">{formatVnDate(row.issuedDate)}</Text>
          </Table.Td>
        );
      case 'documentType':
        return (
          <Table.Td key={column} style={style}>
            <Text size="sm">{row.documentType}</Text>
          </Table.Td>
        );
      case 'subject': {
        const secondary = [hasOrgan ? null : row.issuingOrgan, hasCode ? null : row.code].filter(Boolean).join(' · ');
        return (
          <Table.Td key={column} style={{ ...style, minWidth: narrow ? 160 : 240 }}>
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
      case 'lead':
        return (
          <Table.Td key={column} style={style}>
            <Text size="sm">{row.lead ?? ''}</Text>
          </Table.Td>
        );
      case 'dueDate':
        return (
          <Table.Td key={column} style={{ ...style, whiteSpace: 'nowrap' }}>
            <DueDate row={row} />
          </Table.Td>
        );
      case 'status':
        return (
          <Table.Td key={column} style={{ ...style, whiteSpace: 'nowrap', width: '1%' }}>
            <Box style={{ width: 'max-content' }}>
              <StatusBadge row={row} />
            </Box>
          </Table.Td>
        );
      case 'myRole':
        return (
          <Table.Td key={column} style={{ ...style, whiteSpace: 'nowrap', width: '1%' }}>
            {row.myRole && (
              <Box style={{ width: 'max-content' }}>
                <RoleBadge role={row.myRole} />
              </Box>
            )}
          </Table.Td>
        );
    }
  };

  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={columns.length >= 5 ? 860 : 0}>
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="incoming-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {selection && (
                <Table.Th w={36}>
                  <Checkbox
                    size="xs"
                    checked={allChecked}
                    indeterminate={someChecked && !allChecked}
                    onChange={toggleAll}
                    aria-label={t('list.selectAll')}
                    data-testid="incoming-select-all"
                  />
                </Table.Th>
              )}
              {columns.map((c) =>
                props.sort && props.onSort && SORT_OF[c] ? (
                  <IncomingSortHeader
                    key={c}
                    column={c}
                    label={columnLabel(t, c)}
                    sort={props.sort}
                    onSort={props.onSort}
                  />
                ) : (
                  <Table.Th key={c} style={{ whiteSpace: 'nowrap' }}>
                    {columnLabel(t, c)}
                  </Table.Th>
                ),
              )}
              {rowActions && (
                <Table.Th w={48}>
                  <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const checked = selected.has(row.id);
              return (
                <Table.Tr
                  key={row.id}
                  tabIndex={0}
                  onClick={() => props.onOpen(row.id)}
                  onKeyDown={(e) => openOnKey(e, () => props.onOpen(row.id))}
                  aria-label={t('list.open', { number: formatArrivalNumber(row.arrivalNumber), subject: row.subject })}
                  bg={checked ? 'var(--mantine-color-blue-light)' : undefined}
                  style={{ cursor: 'pointer' }}
                  data-testid={`incoming-row-${row.arrivalNumber}`}
                  data-unread={row.unread || undefined}
                >
                  {selection && (
                    <Table.Td
                      onClick={(e) => e.stopPropagation()}
                      style={urgencyBarColor(row) ? { boxShadow: `inset 4px 0 0 ${urgencyBarColor(row)}` } : undefined}
                    >
                      <Checkbox
                        size="xs"
                        checked={checked}
                        onChange={() => toggle(row.id)}
                        aria-label={t('list.select', { number: formatArrivalNumber(row.arrivalNumber) })}
                        data-testid={`incoming-select-${row.arrivalNumber}`}
                      />
                    </Table.Td>
                  )}
                  {columns.map((c, i) => cell(row, c, i === 0 && !selection))}
                  {rowActions && (
                    <Table.Td onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
                      {rowActions(row)}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * A document opened from a list: the shared DocumentView in a drawer (full screen on a phone).
 * Kept as an alias of DocumentDrawer for pages that import it from here.
 */
export { DocumentDrawer as IncomingDocumentDrawer } from '../detail/document-view';
