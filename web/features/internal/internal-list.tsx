import { Badge, Box, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconInbox, IconPaperclip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../contracts/calendar';
import type { TInternalRow } from '../../../contracts/internal';
import { useIsPhone } from '../../app/media';
import { DocumentListFrame, listNumberFormat, openOnKey, pageCount } from '../../components/document-list';

export interface InternalListProps {
  rows: TInternalRow[];
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
  loading?: boolean;
  emptyText: ReactNode;
  /** Hide the total line (a short list beside a form). */
  hideTotal?: boolean;
  /** Cards whatever the width (a narrow column beside a form). */
  cards?: boolean;
  'data-testid'?: string;
}

/** "Đã hủy" in red, nothing for an active document. */
export function InternalStatus({ row }: { row: Pick<TInternalRow, 'status'> }) {
  const { t } = useTranslation('internal');
  if (row.status !== 'cancelled') return null;
  return (
    <Badge size="sm" color="red" variant="light" radius="sm" styles={{ label: { textTransform: 'none' } }}>
      {t('status.cancelled')}
    </Badge>
  );
}

/** The number and notation, or a dimmed "Không số". */
export function InternalCode({ row, size = 'sm' }: { row: Pick<TInternalRow, 'code' | 'unread'>; size?: string }) {
  const { t } = useTranslation('internal');
  if (!row.code)
    return (
      <Text size={size === 'sm' ? 'xs' : size} c="dimmed">
        {t('list.noNumber')}
      </Text>
    );
  return (
    <Text size={size} fw={row.unread ? 800 : 600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
      {row.code}
    </Text>
  );
}

function Files({ count }: { count: number }) {
  const { t } = useTranslation('internal');
  if (count === 0) return null;
  return (
    <Group gap={0} wrap="nowrap" c="dimmed" aria-label={t('list.files', { count })} style={{ flexShrink: 0 }}>
      <IconPaperclip size={14} aria-hidden />
      <Text size="xs" c="dimmed" aria-hidden>
        {count}
      </Text>
    </Group>
  );
}

function Cards({ rows, onOpen }: Pick<InternalListProps, 'rows' | 'onOpen'>) {
  const { t } = useTranslation('internal');
  return (
    <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <Paper
          key={row.id}
          component="li"
          withBorder
          radius="md"
          style={{ overflow: 'hidden', background: row.unread ? 'var(--mantine-color-blue-0)' : undefined }}
          data-testid="internal-row"
          data-unread={row.unread || undefined}
        >
          <UnstyledButton
            onClick={() => onOpen(row.id)}
            w="100%"
            px="sm"
            py={8}
            aria-label={t('list.open', { subject: row.subject })}
          >
            <Group justify="space-between" gap={6} wrap="nowrap" mb={4}>
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <InternalCode row={row} />
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatVnDate(row.issuedDate)}
                </Text>
              </Group>
              <InternalStatus row={row} />
            </Group>
            <Text size="sm" fw={row.unread ? 700 : 500} lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
              {row.subject}
            </Text>
            <Group gap={8} mt={2} wrap="nowrap">
              <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1 }}>
                {[row.documentType, row.creatorName].join(' · ')}
              </Text>
              <Files count={row.fileCount} />
            </Group>
          </UnstyledButton>
        </Paper>
      ))}
    </Stack>
  );
}

function Rows({ rows, onOpen }: Pick<InternalListProps, 'rows' | 'onOpen'>) {
  const { t } = useTranslation('internal');
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="internal-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('field.code')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('field.issuedDate')}</Table.Th>
              <Table.Th>{t('field.documentType')}</Table.Th>
              <Table.Th>{t('field.subject')}</Table.Th>
              <Table.Th>{t('field.creator')}</Table.Th>
              <Table.Th w="1%" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const fw = row.unread ? 700 : undefined;
              return (
                <Table.Tr
                  key={row.id}
                  tabIndex={0}
                  onClick={() => onOpen(row.id)}
                  onKeyDown={(e) => openOnKey(e, () => onOpen(row.id))}
                  aria-label={t('list.open', { subject: row.subject })}
                  style={{ cursor: 'pointer' }}
                  data-testid="internal-row"
                  data-unread={row.unread || undefined}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <InternalCode row={row} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={fw}>
                      {formatVnDate(row.issuedDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={fw}>
                      {row.documentType}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 260 }}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Text size="sm" fw={fw} lineClamp={2} style={{ flex: 1 }}>
                        {row.subject}
                      </Text>
                      <Files count={row.fileCount} />
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={fw}>
                      {row.creatorName}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Box style={{ width: 'max-content' }}>
                      <InternalStatus row={row} />
                    </Box>
                  </Table.Td>
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
 * The list of internal documents every internal page uses: a table on a desktop, a card per
 * document on a phone; documents sent to the user and not yet opened are bold.
 */
export function InternalList(props: InternalListProps) {
  const { rows, total, page, pageSize, onPage, loading = false } = props;
  const { t } = useTranslation('internal');
  const isPhone = useIsPhone();
  const pages = pageCount(total, pageSize);
  const number = listNumberFormat();
  return (
    <DocumentListFrame
      empty={rows.length === 0}
      loading={loading}
      emptyIcon={IconInbox}
      emptyText={props.emptyText}
      footer={!props.hideTotal || pages > 1}
      total={
        !props.hideTotal && (
          <Text size="sm" c="dimmed">
            {t('list.total', { n: number.format(total) })}
          </Text>
        )
      }
      pages={pages}
      page={page}
      onPage={onPage}
      pagerLabel={(control) => t(`list.pager.${control}`)}
      data-testid={props['data-testid'] ?? 'internal-list'}
    >
      {isPhone || props.cards ? (
        <Cards rows={rows} onOpen={props.onOpen} />
      ) : (
        <Rows rows={rows} onOpen={props.onOpen} />
      )}
    </DocumentListFrame>
  );
}
