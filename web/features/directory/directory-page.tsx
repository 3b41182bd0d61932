import { Alert, Button, Center, Grid, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconSearch, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { directoryQueryOptions } from './api';
import { DirectoryCards, DirectoryTable } from './directory-results';
import { UnitFilter } from './unit-filter';

/** Function "Danh bạ điện thoại" (Điều 3.3a): staff phone book with search, unit filter and paging. */
export default function DirectoryPage() {
  const { t } = useTranslation(['directory', 'functions', 'common']);
  const me = useMe();
  const isPhone = useIsPhone();
  const [search, setSearch] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);
  const limit = Math.min(200, Math.max(10, me.preferences.pageSize || 50));
  const query = useInfiniteQuery({ ...directoryQueryOptions(q, unitId, limit), placeholderData: keepPreviousData });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div data-testid="page-directory">
      <PageHeader title={t('functions:directory')} description={t('directory:description')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput
              label={t('directory:search')}
              placeholder={t('directory:searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              rightSection={query.isFetching && !query.isFetchingNextPage ? <Loader size={14} /> : null}
              type="search"
              data-testid="directory-search"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <UnitFilter value={unitId} onChange={setUnitId} />
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
        !query.isError && (
          <Paper withBorder radius="md" p="xl" data-testid="directory-empty">
            <Stack align="center" gap={4} ta="center">
              <IconUsers size={36} color="var(--mantine-color-gray-5)" aria-hidden />
              <Text fw={600}>{t('directory:empty')}</Text>
              <Text size="sm" c="dimmed">
                {t('directory:emptyHint')}
              </Text>
            </Stack>
          </Paper>
        )
      ) : (
        <Paper
          withBorder
          radius="md"
          p={isPhone ? 0 : 'xs'}
          bg={isPhone ? 'transparent' : undefined}
          bd={isPhone ? 'none' : undefined}
        >
          {isPhone ? <DirectoryCards items={items} /> : <DirectoryTable items={items} />}
        </Paper>
      )}

      {items.length > 0 && (
        <Stack align="center" gap={6} mt="md">
          <Text size="xs" c="dimmed" data-testid="directory-count">
            {t('directory:shown', { count: items.length })}
          </Text>
          {query.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void query.fetchNextPage()}
              loading={query.isFetchingNextPage}
              data-testid="directory-load-more"
            >
              {t('common:actions.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </div>
  );
}
