import { Button, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogRow } from './api';
import { type Column, StatusBadge } from './catalog-columns';

/** What the rows need from the list: columns, sort state, and the row actions. */
export interface RowsProps {
  kind: string;
  rows: CatalogRow[];
  columns: Column[];
  sort: { key: string; dir: 'asc' | 'desc' };
  onSort: (key: string) => void;
  canManage: boolean;
  activatingId: string | null;
  onEdit: (row: CatalogRow) => void;
  onDeactivate: (row: CatalogRow) => void;
  onActivate: (row: CatalogRow) => void;
}

function RowActions(
  props: Pick<RowsProps, 'activatingId' | 'onEdit' | 'onDeactivate' | 'onActivate'> & { row: CatalogRow },
) {
  const { t } = useTranslation('catalogs');
  const { row } = props;
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Button size="compact-sm" variant="subtle" onClick={() => props.onEdit(row)} data-testid="catalog-edit">
        {t('edit')}
      </Button>
      {row.active ? (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => props.onDeactivate(row)}
          data-testid="catalog-deactivate"
        >
          {t('deactivate')}
        </Button>
      ) : (
        <Button
          size="compact-sm"
          variant="subtle"
          color="green"
          loading={props.activatingId === row.id}
          onClick={() => props.onActivate(row)}
          data-testid="catalog-activate"
        >
          {t('activate')}
        </Button>
      )}
    </Group>
  );
}

/** The rows as a table with sortable headers (tablet and desktop). */
export function CatalogTable(props: RowsProps) {
  const { t } = useTranslation('catalogs');
  const { sort } = props;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid={`catalog-table-${props.kind}`}>
        <Table.Thead>
          <Table.Tr>
            {props.columns.map((c) => (
              <Table.Th
                key={c.key}
                aria-sort={sort.key === c.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sort ? (
                  <UnstyledButton
                    onClick={() => props.onSort(c.sort as string)}
                    data-testid={`sort-${props.kind}-${c.key}`}
                  >
                    <Group gap={4} wrap="nowrap">
                      <Text fw={700} size="sm">
                        {c.label}
                      </Text>
                      {sort.key !== c.sort ? (
                        <IconSelector size={14} aria-hidden />
                      ) : sort.dir === 'asc' ? (
                        <IconChevronUp size={14} aria-hidden />
                      ) : (
                        <IconChevronDown size={14} aria-hidden />
                      )}
                    </Group>
                  </UnstyledButton>
                ) : (
                  c.label
                )}
              </Table.Th>
            ))}
            <Table.Th>{t('columns.status')}</Table.Th>
            {props.canManage && <Table.Th ta="right">{t('columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.id} data-testid="catalog-row">
              {props.columns.map((c) => (
                <Table.Td key={c.key}>{c.render(row)}</Table.Td>
              ))}
              <Table.Td>
                <StatusBadge active={row.active} t={t} />
              </Table.Td>
              {props.canManage && (
                <Table.Td>
                  <RowActions {...props} row={row} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The rows as cards (phone): name and status first, the other columns as labelled lines. */
export function CatalogCards(props: RowsProps) {
  const { t } = useTranslation('catalogs');
  const [first, ...rest] = props.columns;
  return (
    <Stack gap="xs" data-testid={`catalog-cards-${props.kind}`}>
      {props.rows.map((row) => (
        <Card key={row.id} withBorder radius="md" padding="sm" data-testid="catalog-row">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>{first.render(row)}</div>
            <StatusBadge active={row.active} t={t} />
          </Group>
          <Stack gap={2} mt={6}>
            {rest.map((c) => (
              <Group key={c.key} gap={6} wrap="nowrap" align="baseline">
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {c.label}:
                </Text>
                <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {c.render(row)}
                </Text>
              </Group>
            ))}
          </Stack>
          {props.canManage && (
            <Group justify="flex-end" mt={6}>
              <RowActions {...props} row={row} />
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
}
