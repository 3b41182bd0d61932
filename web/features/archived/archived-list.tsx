import { Badge, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArchive, IconPaperclip, IconPinFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TArchivedRow } from '../../../contracts/archived';
import { formatVnDate } from '../../../contracts/calendar';
import { useIsPhone } from '../../app/media';
import { DocumentListFrame, listNumberFormat, openOnKey, pageCount } from '../../components/document-list';

export interface ArchivedListProps {
  rows: TArchivedRow[];
  onOpen: (id: string) => void;
  total?: number;
  page?: number;
  pageSize?: number;
  onPage?: (page: number) => void;
  loading?: boolean;
  emptyText: ReactNode;
  /** Cards whatever the width (a narrow column). */
  cards?: boolean;
  /** A line under each card ("Đã mở 5 lần"). */
  extra?: (row: TArchivedRow) => ReactNode;
  'data-testid'?: string;
}

function Flags({ row }: { row: TArchivedRow }) {
  const { t } = useTranslation('archived');
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      {row.pinned && <IconPinFilled size={14} color="var(--mantine-color-orange-6)" aria-label={t('list.pinned')} />}
      {row.fileCount > 0 && (
        <Group gap={0} wrap="nowrap" c="dimmed" aria-label={t('list.files', { count: row.fileCount })}>
          <IconPaperclip size={14} aria-hidden />
          <Text size="xs" c="dimmed" aria-hidden>
            {row.fileCount}
          </Text>
        </Group>
      )}
    </Group>
  );
}

/** "Cấp trên chia sẻ" on documents of a unit above. */
function Origin({ row }: { row: TArchivedRow }) {
  const { t } = useTranslation('archived');
  if (!row.fromParent) return null;
  return (
    <Badge size="xs" variant="light" color="grape" radius="sm" styles={{ label: { textTransform: 'none' } }}>
      {t('list.fromParent')}
    </Badge>
  );
}

const secondary = (row: TArchivedRow) =>
  [row.code, row.issuingOrganName, row.issuedDate ? formatVnDate(row.issuedDate) : null].filter(Boolean).join(' · ');

function Cards({ rows, onOpen, extra }: Pick<ArchivedListProps, 'rows' | 'onOpen' | 'extra'>) {
  const { t } = useTranslation('archived');
  return (
    <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <Paper key={row.id} component="li" withBorder radius="md" data-testid="archived-row">
          <UnstyledButton
            onClick={() => onOpen(row.id)}
            w="100%"
            px="sm"
            py={10}
            aria-label={t('list.open', { subject: row.subject })}
          >
            <Group justify="space-between" gap={6} wrap="nowrap" mb={2}>
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                {row.documentType && (
                  <Text size="xs" fw={600} c="indigo.7" style={{ whiteSpace: 'nowrap' }}>
                    {row.documentType}
                  </Text>
                )}
                <Origin row={row} />
              </Group>
              <Flags row={row} />
            </Group>
            <Text size="sm" fw={500} lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
              {row.subject}
            </Text>
            {secondary(row) && (
              <Text size="xs" c="dimmed" lineClamp={2} mt={2} style={{ overflowWrap: 'anywhere' }}>
                {secondary(row)}
              </Text>
            )}
            {extra?.(row)}
          </UnstyledButton>
        </Paper>
      ))}
    </Stack>
  );
}

function Rows({ rows, onOpen }: Pick<ArchivedListProps, 'rows' | 'onOpen'>) {
  const { t } = useTranslation('archived');
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={820}>
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="archived-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('field.code')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('field.issuedDate')}</Table.Th>
              <Table.Th>{t('field.subject')}</Table.Th>
              <Table.Th>{t('field.issuingOrgan')}</Table.Th>
              <Table.Th>{t('field.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.id}
                tabIndex={0}
                onClick={() => onOpen(row.id)}
                onKeyDown={(e) => openOnKey(e, () => onOpen(row.id))}
                aria-label={t('list.open', { subject: row.subject })}
                style={{ cursor: 'pointer' }}
                data-testid="archived-row"
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600}>
                    {row.code ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatVnDate(row.issuedDate)}</Table.Td>
                <Table.Td style={{ minWidth: 280 }}>
                  <Stack gap={2}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Text size="sm" lineClamp={2} style={{ flex: 1 }}>
                        {row.subject}
                      </Text>
                      <Flags row={row} />
                    </Group>
                    <Group gap={6}>
                      {row.documentType && (
                        <Text size="xs" c="dimmed">
                          {row.documentType}
                        </Text>
                      )}
                      <Origin row={row} />
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td style={{ maxWidth: 220 }}>
                  <Text size="sm" lineClamp={2}>
                    {row.issuingOrganName ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.field ?? ''}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Archived documents as a table on a desktop and as cards on a phone, with the server's pages. */
export function ArchivedList(props: ArchivedListProps) {
  const { rows, loading = false, total = rows.length, page = 1, pageSize = rows.length || 1 } = props;
  const { t } = useTranslation('archived');
  const isPhone = useIsPhone();
  const number = listNumberFormat();
  return (
    <DocumentListFrame
      empty={rows.length === 0}
      loading={loading}
      emptyIcon={IconArchive}
      emptyText={props.emptyText}
      emptySize="sm"
      footer={Boolean(props.onPage)}
      total={
        <Text size="sm" c="dimmed">
          {t('search.total', { n: number.format(total) })}
        </Text>
      }
      pages={pageCount(total, pageSize)}
      page={page}
      onPage={(p) => props.onPage?.(p)}
      pagerLabel={(control) => t(`list.pager.${control}`)}
      data-testid={props['data-testid'] ?? 'archived-list'}
    >
      {isPhone || props.cards ? (
        <Cards rows={rows} onOpen={props.onOpen} extra={props.extra} />
      ) : (
        <Rows rows={rows} onOpen={props.onOpen} />
      )}
    </DocumentListFrame>
  );
}
