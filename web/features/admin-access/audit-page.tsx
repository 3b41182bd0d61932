import { Alert, Button, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconHistory } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditFilters } from '../../../contracts/admin-access';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { auditQueryOptions, downloadAuditExport } from './api';
import { AuditCards, AuditTable } from './audit-entries';
import { AuditFilters, type AuditFilterValues, EMPTY_FILTERS } from './audit-filters';

function toQuery(v: AuditFilterValues): TAuditFilters {
  return {
    actorId: v.actorId ?? undefined,
    entityType: v.entityType ?? undefined,
    action: v.action ?? undefined,
    entityId: v.entityId.trim() || undefined,
    from: v.from || undefined,
    to: v.to || undefined,
  };
}

/** Function "Nhật ký hệ thống": filter the append-only audit log, read before/after values, export to Excel. */
export default function AuditPage() {
  const { t } = useTranslation(['adminAccess', 'functions', 'common', 'errors']);
  const isPhone = useIsPhone();
  const [values, setValues] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const [debounced] = useDebouncedValue(values, 300);
  const dateError = values.from && values.to && values.to < values.from ? t('adminAccess:audit.toBeforeFrom') : null;
  // A reversed date range is shown under "Đến ngày" and not sent; the previous results stay.
  const reversed = Boolean(debounced.from && debounced.to && debounced.to < debounced.from);
  const query = useInfiniteQuery({
    ...auditQueryOptions(toQuery(debounced)),
    enabled: !reversed,
    placeholderData: keepPreviousData,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const { truncated } = await downloadAuditExport(toQuery(values));
      notifications.show({
        color: truncated ? 'orange' : 'green',
        icon: <IconCheck size={18} />,
        message: truncated ? t('adminAccess:audit.exportTruncated') : t('adminAccess:audit.exported'),
      });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="page-admin-audit">
      <PageHeader title={t('functions:admin-audit')} description={t('adminAccess:audit.description')} />
      <AuditFilters
        value={values}
        onChange={setValues}
        dateError={dateError}
        onExport={exportXlsx}
        exporting={exporting}
      />
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
        <Paper withBorder radius="md" p="xl" data-testid="audit-empty">
          <Stack align="center" gap={4} ta="center">
            <IconHistory size={36} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text fw={600}>{t('adminAccess:audit.empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('adminAccess:audit.emptyHint')}
            </Text>
          </Stack>
        </Paper>
      ) : isPhone ? (
        <AuditCards items={items} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          <AuditTable items={items} />
        </Paper>
      )}
      {items.length > 0 && (
        <Stack align="center" gap={6} mt="md">
          <Text size="xs" c="dimmed" data-testid="audit-count">
            {t('adminAccess:audit.shown', { count: items.length })}
          </Text>
          {query.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void query.fetchNextPage()}
              loading={query.isFetchingNextPage}
              data-testid="audit-load-more"
            >
              {t('common:actions.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </div>
  );
}
