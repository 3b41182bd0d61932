import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconCheck,
  IconChevronDown,
  IconChevronUp,
  IconPlus,
  IconSearch,
  IconSelector,
  IconUsersGroup,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GROUP_SORTS, TGroupListQuery, TGroupSummary } from '../../../contracts/admin-access';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { groupsQueryOptions, useCreateGroup } from './api';
import { GroupFormModal } from './group-form-modal';

type Sort = (typeof GROUP_SORTS)[number];

function StatusBadges({ group }: { group: TGroupSummary }) {
  const { t } = useTranslation('adminAccess');
  return (
    <Group gap={4} wrap="nowrap">
      {group.builtin && (
        <Badge size="sm" variant="light" color="blue" tt="none">
          {t('groups.builtin')}
        </Badge>
      )}
      <Badge size="sm" variant="light" color={group.active ? 'green' : 'gray'} tt="none">
        {group.active ? t('groups.active') : t('groups.inactive')}
      </Badge>
    </Group>
  );
}

function SortHeader(props: { column: Sort; sort: Sort; dir: 'asc' | 'desc'; onSort: (c: Sort) => void }) {
  const { t } = useTranslation('adminAccess');
  const label = t(`groups.columns.${props.column}`);
  const active = props.sort === props.column;
  const Icon = !active ? IconSelector : props.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th aria-sort={active ? (props.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton
        onClick={() => props.onSort(props.column)}
        aria-label={t('groups.sortBy', { column: label })}
        data-testid={`groups-sort-${props.column}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The groups list: search, status filter, sortable columns, server-side pages; cards on a phone. */
export function GroupList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation(['adminAccess', 'functions', 'common']);
  const me = useMe();
  const isPhone = useIsPhone();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<TGroupListQuery['status']>('all');
  const [sort, setSort] = useState<Sort>('name');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  const query = useQuery({
    ...groupsQueryOptions({ q: q || undefined, status, sort, dir, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const create = useCreateGroup();
  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

  const onSort = (column: Sort) => {
    if (column === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setDir(column === 'name' || column === 'code' ? 'asc' : 'desc');
    }
    setPage(1);
  };

  return (
    <>
      <PageHeader title={t('functions:admin-groups')} description={t('adminAccess:groups.description')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 7 }}>
            <TextInput
              label={t('adminAccess:groups.search')}
              placeholder={t('adminAccess:groups.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              type="search"
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
              data-testid="groups-search"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 7, sm: 3 }}>
            <Select
              label={t('adminAccess:groups.status')}
              data={[
                { value: 'all', label: t('adminAccess:groups.statusAll') },
                { value: 'active', label: t('adminAccess:groups.statusActive') },
                { value: 'inactive', label: t('adminAccess:groups.statusInactive') },
              ]}
              value={status}
              allowDeselect={false}
              onChange={(v) => {
                setStatus((v ?? 'all') as TGroupListQuery['status']);
                setPage(1);
              }}
              data-testid="groups-status"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 5, sm: 3, md: 2 }}>
            <Button
              fullWidth
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="groups-create"
            >
              {t('adminAccess:groups.create')}
            </Button>
          </Grid.Col>
        </Grid>
      </Paper>

      {query.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t, query.error)}
        </Alert>
      )}

      {query.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="groups-empty">
          <Stack align="center" gap={4} ta="center">
            <IconUsersGroup size={36} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text fw={600}>{t('adminAccess:groups.empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('adminAccess:groups.emptyHint')}
            </Text>
          </Stack>
        </Paper>
      ) : isPhone ? (
        <Stack gap="xs" data-testid="groups-cards">
          {items.map((g) => (
            <Card
              key={g.id}
              withBorder
              radius="md"
              padding="sm"
              component="button"
              type="button"
              onClick={() => onOpen(g.id)}
              style={{ textAlign: 'left', cursor: 'pointer' }}
              data-testid="group-row"
            >
              <Text fw={600}>{g.name}</Text>
              {g.description && (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {g.description}
                </Text>
              )}
              <Group gap="xs" mt={6}>
                <StatusBadges group={g} />
                <Text size="xs" c="dimmed">
                  {t('adminAccess:groups.permissionCount', { count: g.permissionCount })} ·{' '}
                  {t('adminAccess:groups.memberCount', { count: g.memberCount })}
                </Text>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder radius="md" p="xs">
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="groups-table">
              <Table.Thead>
                <Table.Tr>
                  <SortHeader column="name" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader column="code" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader column="permissionCount" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader column="memberCount" sort={sort} dir={dir} onSort={onSort} />
                  <Table.Th>{t('adminAccess:groups.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((g) => (
                  <Table.Tr
                    key={g.id}
                    onClick={() => onOpen(g.id)}
                    style={{ cursor: 'pointer' }}
                    data-testid="group-row"
                  >
                    <Table.Td>
                      <UnstyledButton
                        onClick={(e) => {
                          e.stopPropagation();
                          onOpen(g.id);
                        }}
                        aria-label={t('adminAccess:groups.open', { name: g.name })}
                        fw={600}
                        c="blue.8"
                      >
                        {g.name}
                      </UnstyledButton>
                      {g.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {g.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {g.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{g.permissionCount}</Table.Td>
                    <Table.Td>{g.memberCount}</Table.Td>
                    <Table.Td>
                      <StatusBadges group={g} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {total > 0 && (
        <Group justify="space-between" mt="md" gap="sm">
          <Text size="xs" c="dimmed" data-testid="groups-total">
            {t('adminAccess:groups.total', { count: total })}
          </Text>
          {total > pageSize && (
            <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} size="sm" />
          )}
        </Group>
      )}

      <GroupFormModal
        opened={creating}
        mode="create"
        title={t('adminAccess:groups.form.createTitle')}
        initial={{ name: '', description: '' }}
        onClose={() => setCreating(false)}
        onSubmit={async (values) => {
          const created = await create.mutateAsync(values);
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('adminAccess:groups.form.created', { name: created.name }),
          });
          onOpen(created.id);
        }}
      />
    </>
  );
}
