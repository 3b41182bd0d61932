import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArrowDown,
  IconArrowUp,
  IconBriefcase,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconSearch,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TJobTitle } from '../../../contracts/admin-org';
import { errorMessage } from '../../app/errors';
import { PageHeader } from '../../components/page-header';
import classes from './admin-org.module.css';
import { jobTitlesQueryOptions, useReorderJobTitles } from './api';
import { JobTitleModal, JobTitleStatusModal } from './job-title-dialogs';

/** Swaps the item at `index` with its neighbour `delta` places away. */
function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = [...list];
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Function "Danh mục chức danh" (Điều 3.6c): titles in the order used in lists and signatures. */
export default function JobTitlesPage() {
  const { t } = useTranslation(['adminOrg', 'functions', 'common', 'errors']);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<TJobTitle | null | 'new'>(null);
  const [statusOf, setStatusOf] = useState<TJobTitle | null>(null);
  const [localOrder, setLocalOrder] = useState<string[] | null>(null);
  const query = useQuery({ ...jobTitlesQueryOptions(q, showInactive), placeholderData: keepPreviousData });
  const reorder = useReorderJobTitles();
  const canManage = Boolean(query.data?.canManage);
  const canReorder = canManage && q === '';

  const fetched = query.data?.items ?? [];
  // While a new order is being saved, show it at once.
  const items = localOrder
    ? localOrder.map((id) => fetched.find((i) => i.id === id)).filter((i): i is TJobTitle => Boolean(i))
    : fetched;

  const shift = (index: number, delta: number) => {
    const ids = move(
      items.map((i) => i.id),
      index,
      delta,
    );
    setLocalOrder(ids);
    reorder.mutate(ids, {
      onSuccess: () => notifications.show({ color: 'green', message: t('adminOrg:jobTitles.reordered') }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      onSettled: () => setLocalOrder(null),
    });
  };

  return (
    <div data-testid="page-admin-job-titles">
      <PageHeader title={t('functions:admin-job-titles')} description={t('adminOrg:jobTitles.description')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md" maw={860}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('adminOrg:jobTitles.search')}
              placeholder={t('adminOrg:jobTitles.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={query.isFetching ? <Loader size={14} /> : null}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 220px' }}
              data-testid="titles-search"
            />
            {canManage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="title-add">
                {t('adminOrg:jobTitles.add')}
              </Button>
            )}
          </Group>
          <Switch
            size="sm"
            label={t('adminOrg:jobTitles.showInactive')}
            checked={showInactive}
            onChange={(e) => setShowInactive(e.currentTarget.checked)}
            data-testid="titles-show-inactive"
          />
          <Text size="xs" c="dimmed">
            {canManage ? t('adminOrg:jobTitles.reorderHint') : t('adminOrg:jobTitles.readOnly')}
          </Text>
        </Stack>
      </Paper>

      {query.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md" maw={860}>
          {errorMessage(t, query.error)}
        </Alert>
      )}
      {query.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        !query.isError && (
          <Paper withBorder radius="md" p="xl" maw={860} data-testid="titles-empty">
            <Stack align="center" gap={4} ta="center">
              <IconBriefcase size={36} color="var(--mantine-color-gray-5)" aria-hidden />
              <Text fw={600}>{t('adminOrg:jobTitles.empty')}</Text>
              <Text size="sm" c="dimmed">
                {t('adminOrg:jobTitles.emptyHint')}
              </Text>
            </Stack>
          </Paper>
        )
      ) : (
        <Stack component="ol" gap={6} maw={860} p={0} m={0} style={{ listStyle: 'none' }} data-testid="titles-list">
          {items.map((title, index) => (
            <Paper
              component="li"
              key={title.id}
              withBorder
              radius="sm"
              px="sm"
              py={8}
              className={classes.titleRow}
              data-inactive={!title.active || undefined}
              data-testid="title-row"
              data-name={title.name}
            >
              <Group gap="sm" wrap="nowrap" align="center">
                <Text
                  size="sm"
                  c="dimmed"
                  w={24}
                  ta="right"
                  aria-label={t('adminOrg:jobTitles.position', { n: index + 1 })}
                >
                  {index + 1}
                </Text>
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text
                      fw={600}
                      size="sm"
                      c={title.active ? undefined : 'dimmed'}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {title.name}
                    </Text>
                    {!title.active && (
                      <Badge size="xs" color="gray" variant="light" tt="none">
                        {t('adminOrg:jobTitles.inactive')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('adminOrg:jobTitles.holders', { count: title.userCount })} · {t('adminOrg:jobTitles.rank')}{' '}
                    {title.rank}
                  </Text>
                </Stack>
                {canManage && (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={!canReorder || index === 0 || reorder.isPending}
                      aria-label={t('adminOrg:jobTitles.moveUp', { name: title.name })}
                      onClick={() => shift(index, -1)}
                      data-testid="title-up"
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={!canReorder || index === items.length - 1 || reorder.isPending}
                      aria-label={t('adminOrg:jobTitles.moveDown', { name: title.name })}
                      onClick={() => shift(index, 1)}
                      data-testid="title-down"
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <Tooltip label={t('adminOrg:jobTitles.edit')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`${t('adminOrg:jobTitles.edit')}: ${title.name}`}
                        onClick={() => setEditing(title)}
                        data-testid="title-edit"
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t(title.active ? 'adminOrg:jobTitles.deactivate' : 'adminOrg:jobTitles.activate')}>
                      <ActionIcon
                        variant="subtle"
                        color={title.active ? 'red' : 'green'}
                        aria-label={`${t(title.active ? 'adminOrg:jobTitles.deactivate' : 'adminOrg:jobTitles.activate')}: ${title.name}`}
                        onClick={() => setStatusOf(title)}
                        data-testid={title.active ? 'title-deactivate' : 'title-activate'}
                      >
                        {title.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <JobTitleModal
        opened={editing !== null}
        title={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <JobTitleStatusModal title={statusOf} onClose={() => setStatusOf(null)} />
    </div>
  );
}
