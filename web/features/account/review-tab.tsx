import {
  Alert,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconChecklist, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_STATUSES, type TAdminProposal, type TAdminProposalQuery } from '../../../contracts/account';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { queueQueryOptions } from './api';
import { DecisionDialog } from './decision-dialog';
import { QueueCards, QueueTable } from './queue-list';

type Sort = TAdminProposalQuery['sort'];

/**
 * "Duyệt đề xuất" (Điều 3.7f): proposals of people in the units the administrator manages,
 * filtered by status, searched by name without diacritics, sorted and paged on the server.
 */
export function ReviewTab() {
  const { t } = useTranslation(['account', 'errors']);
  const me = useMe();
  const isPhone = useIsPhone();
  const [status, setStatus] = useState<TAdminProposalQuery['status']>('pending');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState<{ by: Sort; dir: 'asc' | 'desc' }>({ by: 'createdAt', dir: 'asc' });
  const [page, setPage] = useState(1);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  const query = useQuery(
    queueQueryOptions({ status, q: q || undefined, sort: sort.by, dir: sort.dir, page, pageSize }),
  );
  const [deciding, setDeciding] = useState<{ p: TAdminProposal; action: 'approve' | 'reject' } | null>(null);
  const items = query.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / pageSize));

  const onSort = (by: Sort) => {
    setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }));
    setPage(1);
  };
  const decide = (p: TAdminProposal, action: 'approve' | 'reject') => setDeciding({ p, action });
  const statusOptions = PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`account:status.${s}`) }));
  const changeStatus = (value: string) => {
    setStatus(value as TAdminProposalQuery['status']);
    setPage(1);
  };

  return (
    <Stack gap="md" data-testid="review-tab">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {isPhone ? (
            <Select
              aria-label={t('account:review.status')}
              value={status}
              onChange={(v) => v && changeStatus(v)}
              data={statusOptions}
              allowDeselect={false}
              style={{ flex: '1 1 100%' }}
              data-testid="review-status"
            />
          ) : (
            <SegmentedControl
              value={status}
              onChange={changeStatus}
              data={statusOptions}
              aria-label={t('account:review.status')}
              data-testid="review-status"
            />
          )}
          <TextInput
            placeholder={t('account:review.search')}
            aria-label={t('account:review.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            rightSection={query.isFetching ? <Loader size={14} /> : null}
            style={{ flex: '1 1 220px' }}
            data-testid="review-search"
          />
        </Group>
      </Paper>

      {query.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {errorMessage(t, query.error)}
        </Alert>
      )}

      {query.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="review-empty">
          <Stack align="center" gap={4} ta="center">
            <IconChecklist size={36} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text fw={600}>{t(`account:review.empty.${status}`)}</Text>
            <Text size="sm" c="dimmed">
              {t('account:review.emptyHint')}
            </Text>
          </Stack>
        </Paper>
      ) : isPhone ? (
        <QueueCards items={items} onDecide={decide} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          <QueueTable items={items} sort={sort} onSort={onSort} onDecide={decide} />
        </Paper>
      )}

      {pages > 1 && (
        <Group justify="center">
          <Pagination value={page} onChange={setPage} total={pages} size="sm" data-testid="review-pages" />
        </Group>
      )}
      <DecisionDialog deciding={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}
