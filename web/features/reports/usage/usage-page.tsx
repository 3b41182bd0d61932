import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconFileSpreadsheet, IconFileTypePdf, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth, type TReportFormat, type TUsageCounts, type TUsageReport } from '../../../../contracts/reports';
import { foldDiacritics } from '../../../../contracts/text';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { PageHeader } from '../../../components/page-header';
import { reportUnitsQuery, type UsageParams, usageFileUrl, usageQuery } from '../api';
import { DownloadProgress, useFileDownload } from '../components/file-download';
import { UnitSelect } from '../components/unit-select';
import { recentMonths } from '../period';

const COUNTS: (keyof TUsageCounts)[] = [
  'signIns',
  'registered',
  'directed',
  'handled',
  'handledOnTime',
  'tasksAssigned',
  'tasksDone',
  'messages',
];

/** A count, or a dash where the module is not installed. */
const shown = (v: number | null) => (v === null ? '—' : v);

/** On a phone: one card per unit or person, the figures in a grid of four. */
function UsageCard({
  title,
  subtitle,
  counts,
  extra,
}: {
  title: string;
  subtitle?: string | null;
  counts: TUsageCounts;
  extra?: { label: string; value: number }[];
}) {
  const { t } = useTranslation('reports');
  const figures = [...(extra ?? []), ...COUNTS.map((k) => ({ label: t(`usage.${k}`), value: counts[k] }))];
  return (
    <Paper withBorder p="xs" radius="md">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {subtitle && (
        <Text size="xs" c="dimmed">
          {subtitle}
        </Text>
      )}
      <SimpleGrid cols={4} spacing={4} verticalSpacing={4} mt={6}>
        {figures.map((f) => (
          <div key={f.label}>
            <Text size="xs" c="dimmed" lh={1.2}>
              {f.label}
            </Text>
            <Text size="sm" fw={600}>
              {shown(f.value)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function UsageTables({ data }: { data: TUsageReport }) {
  const { t } = useTranslation('reports');
  const phone = useIsPhone();
  const [filter, setFilter] = useState('');
  const key = foldDiacritics(filter.trim().toLowerCase());
  const users = key ? data.users.filter((u) => foldDiacritics(u.name.toLowerCase()).includes(key)) : data.users;
  const head = COUNTS.map((c) => (
    <Table.Th key={c} ta="right">
      {t(`usage.${c}`)}
    </Table.Th>
  ));
  const cells = (c: TUsageCounts) =>
    COUNTS.map((k) => (
      <Table.Td key={k} ta="right">
        {shown(c[k])}
      </Table.Td>
    ));
  return (
    <Stack gap="md">
      {!data.tasksAvailable && (
        <Alert color="gray" variant="light">
          {t('usage.tasksMissing')}
        </Alert>
      )}
      <Paper withBorder p="sm" radius="md">
        <Title order={4} fz="md" mb="xs">
          {t('usage.byUnit')}
        </Title>
        {phone ? (
          <Stack gap="xs" data-testid="usage-units">
            {data.units.map((u) => (
              <UsageCard
                key={u.unitId}
                title={u.name}
                counts={u}
                extra={[
                  { label: t('usage.users'), value: u.users },
                  { label: t('usage.activeUsers'), value: u.activeUsers },
                ]}
              />
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={4} striped data-testid="usage-units">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('usage.unitName')}</Table.Th>
                  <Table.Th ta="right">{t('usage.users')}</Table.Th>
                  <Table.Th ta="right">{t('usage.activeUsers')}</Table.Th>
                  {head}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.units.map((u) => (
                  <Table.Tr key={u.unitId}>
                    <Table.Td>{u.name}</Table.Td>
                    <Table.Td ta="right">{u.users}</Table.Td>
                    <Table.Td ta="right">{u.activeUsers}</Table.Td>
                    {cells(u)}
                  </Table.Tr>
                ))}
                {data.units.length > 1 && (
                  <Table.Tr fw={700}>
                    <Table.Td>{t('summary.total')}</Table.Td>
                    <Table.Td ta="right">{data.totals.users}</Table.Td>
                    <Table.Td ta="right">{data.totals.activeUsers}</Table.Td>
                    {cells(data.totals)}
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
          <Title order={4} fz="md">
            {t('usage.byUser')}
          </Title>
          <TextInput
            placeholder={t('usage.filter')}
            leftSection={<IconSearch size={16} />}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
            aria-label={t('usage.filter')}
          />
        </Group>
        {phone ? (
          <Stack gap="xs" data-testid="usage-users">
            {users.map((u) => (
              <UsageCard
                key={u.userId}
                title={u.name}
                subtitle={[u.jobTitle, u.unitName].filter(Boolean).join(' – ')}
                counts={u}
              />
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing={4} striped data-testid="usage-users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('usage.name')}</Table.Th>
                  <Table.Th>{t('usage.unitName')}</Table.Th>
                  {head}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.userId}>
                    <Table.Td>
                      <Text size="sm">{u.name}</Text>
                      {u.jobTitle && (
                        <Text size="xs" c="dimmed">
                          {u.jobTitle}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{u.unitName}</Table.Td>
                    {cells(u)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {users.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('usage.noUsers')}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {t('usage.note')}
        </Text>
      </Paper>
    </Stack>
  );
}

/**
 * Báo cáo tình hình sử dụng hệ thống (Điều 12): for a month, sign-ins, documents registered,
 * directions, documents handled and on time, tasks and messages, per unit and per user; exported
 * to Excel and PDF for the unit's monthly report.
 */
export default function UsagePage() {
  const { t } = useTranslation(['reports', 'functions', 'errors']);
  const me = useMe();
  const phone = useIsPhone();
  const units = useQuery(reportUnitsQuery('summary'));
  const months = useMemo(() => recentMonths(24), []);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [month, setMonth] = useState(months[0]);
  const download = useFileDownload();

  const list = units.data ?? [];
  const shownUnitId = unitId ?? list.find((u) => u.id === me.unit.id)?.id ?? list[0]?.id ?? null;
  const hasChildren = list.some((u) => u.parentId === shownUnitId);
  const params: UsageParams | null = shownUnitId
    ? { unitId: shownUnitId, subtree: subtree && hasChildren, month }
    : null;
  const report = useQuery(usageQuery(params));

  const exportAs = async (format: TReportFormat) => {
    if (!params) return;
    try {
      await download.start(usageFileUrl(params, format), 2);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
  };

  return (
    <div data-testid="page-report-usage">
      <PageHeader title={t('functions:report-usage')} description={phone ? undefined : t('usage.description')} />
      {units.isError && (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {errorMessage(t, units.error)}
        </Alert>
      )}
      {units.data && list.length === 0 && <Alert color="gray">{t('noUnits')}</Alert>}
      {shownUnitId && (
        <Stack gap="md">
          <Paper withBorder p={phone ? 'sm' : 'md'} radius="md">
            <Stack gap="sm">
              <Group gap="md" align="flex-end" wrap="wrap">
                <UnitSelect units={list} value={shownUnitId} onChange={setUnitId} testId="usage-unit" />
                <Select
                  label={t('usage.month')}
                  data={months.map((m) => ({ value: m, label: t('usage.monthOption', { month: formatMonth(m) }) }))}
                  value={month}
                  onChange={(v) => v && setMonth(v)}
                  allowDeselect={false}
                  w={{ base: '100%', sm: 200 }}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="usage-month"
                />
                {hasChildren && (
                  <Checkbox
                    label={t('subtree')}
                    checked={subtree}
                    onChange={(e) => setSubtree(e.currentTarget.checked)}
                    mb={8}
                    data-testid="usage-subtree"
                  />
                )}
              </Group>
              <Group gap="sm" grow={phone}>
                <Button
                  variant="default"
                  leftSection={<IconFileSpreadsheet size={18} />}
                  disabled={!params || download.busy}
                  onClick={() => void exportAs('xlsx')}
                  data-testid="usage-xlsx"
                >
                  {t('exportXlsx')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconFileTypePdf size={18} />}
                  disabled={!params || download.busy}
                  onClick={() => void exportAs('pdf')}
                  data-testid="usage-pdf"
                >
                  {t('exportPdf')}
                </Button>
              </Group>
              <DownloadProgress state={download.state} makingLabel={t('loading')} onCancel={download.cancel} />
            </Stack>
          </Paper>
          {report.isError && (
            <Alert color="red" icon={<IconAlertCircle size={18} />}>
              {errorMessage(t, report.error)}
            </Alert>
          )}
          {!report.data && report.isFetching && (
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm">{t('loading')}</Text>
            </Group>
          )}
          {report.data && <UsageTables data={report.data} />}
        </Stack>
      )}
    </div>
  );
}
