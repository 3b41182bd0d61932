import { Alert, Button, Center, Group, Loader, Pagination, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconFileSpreadsheet, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUserItem } from '../../../contracts/admin-users';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { type AccountAction, type UserListParams, userOptionsQueryOptions, usersQueryOptions } from './api';
import { ConfirmActionModal } from './confirm-action-modal';
import { GroupsModal } from './groups-modal';
import { ImportModal } from './import-modal';
import { MoveModal } from './move-modal';
import { PasswordModal } from './password-modal';
import type { UserAction } from './user-actions-menu';
import { UserFormModal } from './user-form-modal';
import { type FilterValues, UsersFilters } from './users-filters';
import { UsersCards, UsersTable } from './users-results';

/** Function "Quản lý người dùng" (Điều 3.6e): the user list with search, filters, paging and actions. */
export default function UsersPage() {
  const { t } = useTranslation(['adminUsers', 'functions', 'common', 'errors']);
  const me = useMe();
  const isPhone = useIsPhone();
  const [filters, setFilters] = useState<FilterValues>({ search: '', unitId: null, groupId: null, status: null });
  const [sort, setSort] = useState<{ sort: UserListParams['sort']; dir: 'asc' | 'desc' }>({ sort: 'name', dir: 'asc' });
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(filters.search.trim(), 300);
  const pageSize = Math.min(200, Math.max(10, me.preferences.pageSize || 20));

  const options = useQuery(userOptionsQueryOptions);
  const list = useQuery({
    ...usersQueryOptions({ q, ...filters, ...sort, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const [form, setForm] = useState<{ userId: string | null } | null>(null);
  const [moving, setMoving] = useState<TAdminUserItem | null>(null);
  const [grouping, setGrouping] = useState<TAdminUserItem | null>(null);
  const [confirm, setConfirm] = useState<{ user: TAdminUserItem; action: AccountAction } | null>(null);
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null);
  const [importing, setImporting] = useState(false);
  // Modals are remounted (key) for each new target so that they start with empty state.
  const [importKey, setImportKey] = useState(0);

  const changeFilters = (patch: Partial<FilterValues>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const onSort = (column: UserListParams['sort']) => {
    setSort((s) => ({ sort: column, dir: s.sort === column && s.dir === 'asc' ? 'desc' : 'asc' }));
    setPage(1);
  };
  const onAction = (user: TAdminUserItem, action: UserAction) => {
    if (action === 'edit') setForm({ userId: user.id });
    else if (action === 'move') setMoving(user);
    else if (action === 'groups') setGrouping(user);
    else setConfirm({ user, action });
  };

  return (
    <div data-testid="page-admin-users">
      <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
        <PageHeader title={t('functions:admin-users')} description={t('description')} />
        <Group gap="xs" w={isPhone ? '100%' : undefined} wrap={isPhone ? 'wrap' : 'nowrap'}>
          <Button
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setForm({ userId: null })}
            fullWidth={isPhone}
            disabled={!options.data}
            data-testid="user-create"
          >
            {t('actions.create')}
          </Button>
          <Button
            variant="light"
            fullWidth={isPhone}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            onClick={() => {
              setImportKey((k) => k + 1);
              setImporting(true);
            }}
            data-testid="user-import"
          >
            {t('actions.import')}
          </Button>
        </Group>
      </Group>

      <UsersFilters
        value={filters}
        onChange={changeFilters}
        options={options.data}
        searching={list.isFetching && !list.isPending}
      />

      {(list.isError || options.isError) && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t, list.error ?? options.error)}
        </Alert>
      )}

      {list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        !list.isError && (
          <Paper withBorder radius="md" p="xl" data-testid="users-empty">
            <Stack align="center" gap={4} ta="center">
              <IconUsers size={36} color="var(--mantine-color-gray-5)" aria-hidden />
              <Text fw={600}>{t('empty')}</Text>
              <Text size="sm" c="dimmed">
                {t('emptyHint')}
              </Text>
            </Stack>
          </Paper>
        )
      ) : isPhone ? (
        <UsersCards items={items} onAction={onAction} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          <UsersTable items={items} sort={{ ...sort, onSort }} onAction={onAction} />
        </Paper>
      )}

      {total > 0 && (
        <Stack align="center" gap={8} mt="md">
          <Text size="sm" c="dimmed" data-testid="users-total">
            {t('total', { count: total })}
          </Text>
          {total > pageSize && (
            <Pagination
              total={Math.ceil(total / pageSize)}
              value={page}
              onChange={setPage}
              size={isPhone ? 'sm' : 'md'}
              siblings={isPhone ? 0 : 1}
              data-testid="users-pagination"
            />
          )}
        </Stack>
      )}

      {options.data && (
        <>
          <UserFormModal
            opened={form !== null}
            userId={form?.userId ?? null}
            options={options.data}
            onClose={() => setForm(null)}
            onCreated={(username, pw) => setPassword({ username, password: pw })}
          />
          <MoveModal key={moving?.id ?? 'none'} user={moving} options={options.data} onClose={() => setMoving(null)} />
          <GroupsModal
            key={grouping?.id ?? 'none'}
            user={grouping}
            options={options.data}
            onClose={() => setGrouping(null)}
          />
        </>
      )}
      <ConfirmActionModal
        key={confirm ? `${confirm.user.id}-${confirm.action}` : 'none'}
        target={confirm}
        onClose={() => setConfirm(null)}
        onPassword={(username, pw) => setPassword({ username, password: pw })}
      />
      <PasswordModal shown={password} onClose={() => setPassword(null)} />
      <ImportModal key={importKey} opened={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
