import { Box, Center, Group, Loader, Pagination, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { type Icon, IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { KeyboardEvent, ReactNode } from 'react';
import { currentLocale } from '../app/i18n';
import { useIsPhone } from '../app/media';

/**
 * The frame every document list shares (incoming, outgoing, internal, archived): the empty and
 * loading states, the dimmed list while the next page loads, the total and the server's pager,
 * the sortable header cell and opening a table row from the keyboard. The rows themselves (a
 * table on a desktop, cards on a phone) stay with each kind of document.
 */

/** Numbers as the user's language writes them ("1.234" or "1,234"). */
export function listNumberFormat(): Intl.NumberFormat {
  return new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN');
}

/** How many pages `total` rows make (at least one). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Opens a row with Enter or Space, as a button would. */
export function openOnKey(e: KeyboardEvent, open: () => void) {
  if (e.target !== e.currentTarget) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
  }
}

interface FrameProps {
  /** No rows: the frame shows the loader or the empty text instead of the children. */
  empty: boolean;
  loading: boolean;
  emptyIcon: Icon;
  emptyText: ReactNode;
  emptyTestId?: string;
  /** Empty state's padding and icon size (a list in a narrow column is smaller). */
  emptySize?: 'md' | 'sm';
  /** Show the line below the rows (total and pager). */
  footer: boolean;
  /** The total line, when shown. */
  total?: ReactNode;
  pages: number;
  page: number;
  onPage: (page: number) => void;
  /** aria-label of a pager control ("next", "previous", …). */
  pagerLabel: (control: string) => string;
  pagerTestId?: string;
  'data-testid': string;
  children: ReactNode;
}

export function DocumentListFrame(props: FrameProps) {
  const { loading, pages, page } = props;
  const isPhone = useIsPhone();
  const testId = props['data-testid'];
  const EmptyIcon = props.emptyIcon;

  if (props.empty) {
    const small = props.emptySize === 'sm';
    return (
      <Paper withBorder radius="md" p={small ? 'lg' : 'xl'} data-testid={testId} data-empty>
        {loading ? (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        ) : (
          <Stack align="center" gap={6} ta="center" data-testid={props.emptyTestId}>
            <EmptyIcon size={small ? 32 : 36} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text size="sm" c="dimmed">
              {props.emptyText}
            </Text>
          </Stack>
        )}
      </Paper>
    );
  }

  return (
    <Box data-testid={testId} aria-busy={loading} style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
      {props.children}
      {props.footer && (
        <Group justify={isPhone ? 'center' : 'space-between'} gap="xs" mt="sm" wrap="wrap">
          {props.total}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={props.onPage}
              size="sm"
              siblings={isPhone ? 0 : 1}
              boundaries={1}
              getControlProps={(control) => ({ 'aria-label': props.pagerLabel(control) })}
              data-testid={props.pagerTestId}
            />
          )}
        </Group>
      )}
    </Box>
  );
}

/** A header cell that sorts on the server: a click sorts by it, again reverses the order. */
export function SortHeader(props: {
  label: string;
  /** This column is the one the list is sorted by. */
  active: boolean;
  dir: 'asc' | 'desc';
  onSort: () => void;
  /** aria-label of the button ("Sắp xếp theo …"). */
  sortLabel: string;
  'data-testid': string;
}) {
  const { active, dir } = props;
  const SortIcon = !active ? IconSelector : dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton onClick={props.onSort} aria-label={props.sortLabel} data-testid={props['data-testid']}>
        <Group gap={2} wrap="nowrap">
          <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {props.label}
          </Text>
          <SortIcon size={14} aria-hidden color={active ? undefined : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
