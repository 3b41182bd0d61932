import { Alert, Button, Checkbox, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCountRow, TReportFormat, TResultCounts, TSummaryReport } from '../../../../contracts/reports';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { useIsPhone } from '../../../app/media';
import { PageHeader } from '../../../components/page-header';
import { reportUnitsQuery, type SummaryParams, summaryFileUrl, summaryQuery } from '../api';
import { GroupedColumns, InlineBar, Legend, type Series, StackedBar } from '../components/charts';
import { DownloadProgress, useFileDownload } from '../components/file-download';
import { PeriodFields } from '../components/period-fields';
import { UnitSelect } from '../components/unit-select';
import { type Period, presetPeriod } from '../period';

const RESULT_SERIES: (keyof TResultCounts & Series)[] = ['onTime', 'late', 'inProgress', 'overdue'];

/** A figure with its name, for the row of totals at the top. */
function Stat({ label, value, color, testId }: { label: string; value: string; color?: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={22} c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** Documents in and out under one heading, with a bar of each beside the numbers. */
function CountTable({
  title,
  first,
  rows,
  testId,
}: {
  title: string;
  first: string;
  rows: TCountRow[];
  testId: string;
}) {
  const { t } = useTranslation('reports');
  const max = Math.max(1, ...rows.flatMap((r) => [r.incoming, r.outgoing]));
  return (
    <Paper withBorder p="sm" radius="md">
      <Title order={4} fz="md" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('summary.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{first}</Table.Th>
              <Table.Th ta="right" w={56}>
                {t('summary.inShort')}
              </Table.Th>
              <Table.Th ta="right" w={56}>
                {t('summary.outShort')}
              </Table.Th>
              <Table.Th w="28%" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{r.incoming}</Table.Td>
                <Table.Td ta="right">{r.outgoing}</Table.Td>
                <Table.Td>
                  <Stack gap={3}>
                    <InlineBar value={r.incoming} max={max} series="incoming" />
                    <InlineBar value={r.outgoing} max={max} series="outgoing" />
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Processing results per unit or per handler: the four counts and the bar of their shares. */
function ResultsTable({
  rows,
  first,
  second,
  testId,
}: {
  rows: (TResultCounts & { key: string; name: string; extra?: string })[];
  first: string;
  second?: string;
  testId: string;
}) {
  const { t } = useTranslation('reports');
  const phone = useIsPhone();
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('summary.none')}
      </Text>
    );
  if (phone)
    return (
      <Stack gap="xs" data-testid={testId}>
        {rows.map((r) => (
          <Paper key={r.key} withBorder p="xs" radius="md">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <div>
                <Text size="sm" fw={600}>
                  {r.name}
                </Text>
                {r.extra && (
                  <Text size="xs" c="dimmed">
                    {r.extra}
                  </Text>
                )}
              </div>
              <Text fw={700}>{r.total}</Text>
            </Group>
            <StackedBar parts={RESULT_SERIES.map((s) => ({ series: s, value: r[s], label: t(`summary.${s}`) }))} />
            <SimpleGrid cols={4} spacing={4} mt={4}>
              {RESULT_SERIES.map((s) => (
                <div key={s}>
                  <Text size="xs" c="dimmed" lh={1.2}>
                    {t(`summary.${s}`)}
                  </Text>
                  <Text size="sm" fw={600} c={s === 'overdue' && r.overdue > 0 ? 'red' : undefined}>
                    {r[s]}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={second ? 720 : 600}>
      <Table verticalSpacing={4} striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{first}</Table.Th>
            {second && <Table.Th>{second}</Table.Th>}
            {RESULT_SERIES.map((s) => (
              <Table.Th key={s} ta="right">
                {t(`summary.${s}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('summary.total')}</Table.Th>
            <Table.Th w="18%" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.name}</Table.Td>
              {second && <Table.Td>{r.extra}</Table.Td>}
              {RESULT_SERIES.map((s) => (
                <Table.Td key={s} ta="right" c={s === 'overdue' && r.overdue > 0 ? 'red' : undefined}>
                  {r[s]}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600}>
                {r.total}
              </Table.Td>
              <Table.Td>
                <StackedBar parts={RESULT_SERIES.map((s) => ({ series: s, value: r[s], label: t(`summary.${s}`) }))} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Report({ data }: { data: TSummaryReport }) {
  const { t } = useTranslation('reports');
  const number = new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN');
  const r = data.results;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Stat label={t('summary.incoming')} value={number.format(data.totals.incoming)} testId="summary-incoming" />
        <Stat label={t('summary.outgoing')} value={number.format(data.totals.outgoing)} testId="summary-outgoing" />
        <Stat label={t('summary.onTime')} value={number.format(r.onTime)} color="green" testId="summary-on-time" />
        <Stat label={t('summary.late')} value={number.format(r.late)} color="yellow.8" testId="summary-late" />
        <Stat label={t('summary.inProgress')} value={number.format(r.inProgress)} testId="summary-in-progress" />
        <Stat label={t('summary.overdue')} value={number.format(r.overdue)} color="red" testId="summary-overdue" />
      </SimpleGrid>

      <Paper withBorder p="sm" radius="md">
        <Stack gap={4} mb="sm">
          <Title order={4} fz="md">
            {t('summary.byMonth')}
          </Title>
          <Legend
            items={[
              { series: 'incoming', label: t('summary.incoming') },
              { series: 'outgoing', label: t('summary.outgoing') },
            ]}
          />
        </Stack>
        <GroupedColumns
          groups={data.byMonth.map((m) => ({ label: m.label, values: [m.incoming, m.outgoing] }))}
          series={['incoming', 'outgoing']}
          label={t('summary.byMonth')}
        />
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CountTable title={t('summary.byType')} first={t('summary.type')} rows={data.byType} testId="summary-by-type" />
        <CountTable
          title={t('summary.byField')}
          first={t('summary.field')}
          rows={data.byField}
          testId="summary-by-field"
        />
        <CountTable
          title={t('summary.byUrgency')}
          first={t('summary.urgency')}
          rows={data.byUrgency}
          testId="summary-by-urgency"
        />
      </SimpleGrid>

      <Paper withBorder p="sm" radius="md">
        <Stack gap={4} mb={4}>
          <Title order={4} fz="md">
            {t('summary.results')}
          </Title>
          <Legend items={RESULT_SERIES.map((s) => ({ series: s, label: t(`summary.${s}`) }))} />
        </Stack>
        <Text size="xs" c="dimmed" mb="sm">
          {t('summary.resultsNote')}
        </Text>
        <Stack gap="md">
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('summary.byUnit')}
            </Text>
            <ResultsTable
              rows={data.byUnit.map((u) => ({ ...u, key: u.unitId }))}
              first={t('summary.unitName')}
              testId="summary-by-unit"
            />
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('summary.byHandler')}
            </Text>
            <ResultsTable
              rows={data.byHandler.map((h) => ({ ...h, key: h.userId, extra: h.unitName }))}
              first={t('summary.handler')}
              second={t('summary.unitName')}
              testId="summary-by-handler"
            />
          </Stack>
        </Stack>
      </Paper>
    </Stack>
  );
}

/**
 * Báo cáo tổng hợp thông tin (Điều 3.1f): a unit's (or its subtree's) documents in and out by
 * type, field, urgency and month, and the handling of incoming documents per unit and handler,
 * as tables and bars; exported to Excel and PDF.
 */
export default function SummaryPage() {
  const { t } = useTranslation(['reports', 'functions', 'errors']);
  const me = useMe();
  const phone = useIsPhone();
  const units = useQuery(reportUnitsQuery('summary'));
  const [unitId, setUnitId] = useState<string | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth'));
  const download = useFileDownload();

  const list = units.data ?? [];
  const shownUnitId = unitId ?? list.find((u) => u.id === me.unit.id)?.id ?? list[0]?.id ?? null;
  const hasChildren = useMemo(() => list.some((u) => u.parentId === shownUnitId), [list, shownUnitId]);
  const invalid =
    !period.from || !period.to
      ? { field: 'from' as const, message: t('registers.errors.invalidDate') }
      : period.to < period.from
        ? { field: 'to' as const, message: t('registers.errors.toBeforeFrom') }
        : null;
  const params: SummaryParams | null =
    shownUnitId && !invalid ? { unitId: shownUnitId, subtree: subtree && hasChildren, ...period } : null;
  const report = useQuery(summaryQuery(params));

  const exportAs = async (format: TReportFormat) => {
    if (!params) return;
    try {
      await download.start(summaryFileUrl(params, format), 2);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
  };

  return (
    <div data-testid="page-report-summary">
      <PageHeader title={t('functions:report-summary')} description={phone ? undefined : t('summary.description')} />
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
                <UnitSelect units={list} value={shownUnitId} onChange={setUnitId} testId="summary-unit" />
                {hasChildren && (
                  <Checkbox
                    label={t('subtree')}
                    checked={subtree}
                    onChange={(e) => setSubtree(e.currentTarget.checked)}
                    mb={8}
                    data-testid="summary-subtree"
                  />
                )}
              </Group>
              <PeriodFields value={period} onChange={setPeriod} error={invalid} testId="summary-period" />
              <Group gap="sm" grow={phone}>
                <Button
                  variant="default"
                  leftSection={<IconFileSpreadsheet size={18} />}
                  disabled={!params || download.busy}
                  onClick={() => void exportAs('xlsx')}
                  data-testid="summary-xlsx"
                >
                  {t('exportXlsx')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconFileTypePdf size={18} />}
                  disabled={!params || download.busy}
                  onClick={() => void exportAs('pdf')}
                  data-testid="summary-pdf"
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
          {report.data && <Report data={report.data} />}
        </Stack>
      )}
    </div>
  );
}
