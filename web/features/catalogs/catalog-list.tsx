import { Alert, Button, Center, Group, Loader, Pagination, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconFolderOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import {
  type CatalogKind,
  type CatalogRow,
  catalogPageQueryOptions,
  type ListParams,
  useSetCatalogRowActive,
} from './api';
import { columnsFor, DEFAULT_SORT } from './catalog-columns';
import { CatalogFormModal } from './catalog-form-modal';
import { CatalogCards, CatalogTable } from './catalog-rows';
import { ConfirmStatusModal } from './confirm-status-modal';

/** A searchable, sortable, paged list of one catalog with add, edit and "Ngừng sử dụng" / "Sử dụng lại". */
export function CatalogList({ kind }: { kind: CatalogKind }) {
  const { t } = useTranslation(['catalogs', 'common', 'errors']);
  const me = useMe();
  const isPhone = useIsPhone();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<ListParams['status']>('all');
  const [sort, setSort] = useState({ key: DEFAULT_SORT[kind], dir: 'asc' as 'asc' | 'desc' });
  const [page, setPage] = useState(1);
  const pageSize = Math.min(200, Math.max(10, me.preferences.pageSize || 20));
  const params: ListParams = { q, status, sort: sort.key, dir: sort.dir, page, pageSize };
  const query = useQuery(catalogPageQueryOptions(kind, params));
  const setActive = useSetCatalogRowActive(kind);
  const [editing, setEditing] = useState<CatalogRow | 'new' | null>(null);
  const [confirming, setConfirming] = useState<CatalogRow | null>(null);

  const columns = columnsFor(kind, t);
  const data = query.data;
  const canManage = data?.canManage ?? false;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const rowsProps = {
    kind,
    columns,
    sort,
    onSort: (key: string) => toggleSort(key),
    canManage,
    activatingId: setActive.isPending && setActive.variables?.active ? setActive.variables.id : null,
    onEdit: (row: CatalogRow) => setEditing(row),
    onDeactivate: (row: CatalogRow) => setConfirming(row),
    onActivate: (row: CatalogRow) => changeStatus(row, true),
  };
  const sortOptions = columns
    .filter((c) => c.sort)
    .flatMap((c) =>
      (['asc', 'desc'] as const).map((dir) => ({
        value: `${c.sort}:${dir}`,
        label: t(`catalogs:sortOption.${dir}`, { column: c.label }),
      })),
    );

  const toggleSort = (key: string) => {
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
    setPage(1);
  };
  const changeStatus = (row: CatalogRow, active: boolean) =>
    setActive.mutate(
      { id: row.id, active },
      {
        onSuccess: () => {
          setConfirming(null);
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t(active ? 'catalogs:activated' : 'catalogs:deactivated', { name: row.name }),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );

  return (
    <Stack gap="md" data-testid={`catalog-${kind}`}>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('catalogs:search')}
            placeholder={t(`catalogs:searchPlaceholder.${kind}`)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={query.isFetching ? <Loader size={14} /> : null}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            type="search"
            style={{ flex: '1 1 260px' }}
            data-testid={`catalog-search-${kind}`}
          />
          <Select
            label={t('catalogs:statusFilter')}
            allowDeselect={false}
            data={(['all', 'active', 'inactive'] as const).map((s) => ({
              value: s,
              label: t(`catalogs:statusOptions.${s}`),
            }))}
            value={status}
            onChange={(v) => {
              setStatus((v ?? 'all') as ListParams['status']);
              setPage(1);
            }}
            style={{ flex: '0 1 200px' }}
            data-testid={`catalog-status-${kind}`}
          />
          {isPhone && (
            <Select
              label={t('catalogs:sortBy')}
              allowDeselect={false}
              data={sortOptions}
              value={`${sort.key}:${sort.dir}`}
              onChange={(v) => {
                const [key, dir] = (v ?? '').split(':');
                if (key) setSort({ key, dir: dir === 'desc' ? 'desc' : 'asc' });
                setPage(1);
              }}
              style={{ flex: '1 1 200px' }}
            />
          )}
          {canManage && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing('new')}
              ml={{ sm: 'auto' }}
              data-testid={`catalog-add-${kind}`}
            >
              {t(`catalogs:add.${kind}`)}
            </Button>
          )}
        </Group>
      </Paper>

      {query.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
          {errorMessage(t, query.error)}
        </Alert>
      )}

      {query.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : data && data.items.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid={`catalog-empty-${kind}`}>
          <Stack align="center" gap={4} ta="center">
            <IconFolderOff size={36} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text fw={600}>{t('catalogs:empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('catalogs:emptyHint')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        data && (
          <Paper withBorder={!isPhone} radius="md" p={isPhone ? 0 : 'xs'} bg={isPhone ? 'transparent' : undefined}>
            {isPhone ? (
              <CatalogCards {...rowsProps} rows={data.items} />
            ) : (
              <CatalogTable {...rowsProps} rows={data.items} />
            )}
          </Paper>
        )
      )}

      {data && data.total > 0 && (
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed" data-testid={`catalog-total-${kind}`}>
            {t('catalogs:total', { count: data.total })}
          </Text>
          {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={setPage} />}
        </Group>
      )}

      <CatalogFormModal kind={kind} row={editing} onClose={() => setEditing(null)} />
      <ConfirmStatusModal
        row={confirming}
        loading={setActive.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && changeStatus(confirming, false)}
      />
    </Stack>
  );
}
