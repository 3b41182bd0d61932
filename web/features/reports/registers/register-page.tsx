import { Alert, Badge, Button, Group, Input, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconClockPlay, IconDownload, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../../contracts/calendar';
import {
  isOutgoingRegister,
  REGISTER_DIRECT_LIMIT,
  type TRegisterKind,
  type TReportFormat,
} from '../../../../contracts/reports';
import { ApiError } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { useIsPhone } from '../../../app/media';
import { useActiveFunctionId } from '../../../app/tabs/navigation';
import { PageHeader } from '../../../components/page-header';
import {
  exportFileUrl,
  type RegisterParams,
  registerFileUrl,
  registerPlanQuery,
  reportExportQuery,
  reportUnitsQuery,
  useRequestExport,
} from '../api';
import { DownloadProgress, useFileDownload } from '../components/file-download';
import { PeriodFields } from '../components/period-fields';
import { UnitSelect } from '../components/unit-select';
import { type Period, presetPeriod } from '../period';

type PeriodError = { field: 'from' | 'to'; message: string } | null;

/** What is wrong with a period before asking the server (the server checks the same). */
function periodError(p: Period, t: (k: string) => string): PeriodError {
  for (const field of ['from', 'to'] as const)
    if (!p[field] || !isDateOrEmpty(p[field])) return { field, message: t('registers.errors.invalidDate') };
  if (p.to < p.from) return { field: 'to', message: t('registers.errors.toBeforeFrom') };
  if (p.from.slice(0, 4) !== p.to.slice(0, 4)) return { field: 'to', message: t('registers.errors.sameYear') };
  return null;
}

/** The server's refusal in the page's words. */
function refusal(t: (k: string) => string, tAll: Parameters<typeof errorMessage>[0], error: unknown): string {
  if (error instanceof ApiError) {
    const reason = (error.details.reason as string | undefined) ?? error.fields[0]?.message;
    if (reason && ['toBeforeFrom', 'sameYear', 'invalidDate', 'unknownUnit', 'secret', 'tooLarge'].includes(reason))
      return t(`registers.errors.${reason}`);
  }
  return errorMessage(tAll, error);
}

/** A background export: its state, and its file once ready. */
function ExportCard({ id }: { id: string }) {
  const { t } = useTranslation('reports');
  const q = useQuery(reportExportQuery(id));
  const download = useFileDownload();
  const e = q.data;
  if (q.isError) return null;
  const color = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' } as const;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="report-export">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} size="sm">
            {t('registers.exportTitle')}
          </Text>
          {e && (
            <Badge color={color[e.status]} tt="none">
              {t(`registers.exportStatus.${e.status}`)}
            </Badge>
          )}
        </Group>
        {!e ? (
          <Loader size="sm" />
        ) : (
          <>
            <Text size="sm">{e.title}</Text>
            <Text size="xs" c="dimmed">
              {t('registers.requestedAt', {
                at: new Date(e.createdAt).toLocaleString(currentLocale() === 'en' ? 'en-GB' : 'vi-VN'),
              })}
            </Text>
            {e.file && (
              <Group gap="xs" wrap="wrap">
                <Button
                  size="xs"
                  leftSection={<IconDownload size={16} />}
                  loading={download.busy}
                  onClick={() => void download.start(exportFileUrl(id), 0.5)}
                  data-testid="report-export-download"
                >
                  {t('registers.download')}
                </Button>
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  {e.file.name}
                </Text>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * In sổ (Điều 3.1f): one of the six registers of a unit for a period, as a PDF on A4 landscape
 * or a workbook. Up to 10,000 rows the file is made while the person waits, with a progress bar;
 * a larger register is made in the background and the person is notified. A notification's link
 * (?export=<id>) opens the page on that file.
 */
export function RegisterPage({ kind, functionId }: { kind: TRegisterKind; functionId: string }) {
  const { t } = useTranslation(['reports', 'functions', 'errors']);
  const me = useMe();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useQuery(reportUnitsQuery('registers'));
  const [unitId, setUnitId] = useState<string | null>(null);
  const [secret, setSecret] = useState(false);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth'));
  const [exportId, setExportId] = useState<string | null>(null);
  const download = useFileDownload();
  const requestExport = useRequestExport(kind);

  // A notification's link /app/<function>?export=<id> shows that export; the parameter is then dropped.
  const isActive = useActiveFunctionId() === functionId;
  const urlExport = useRouterState({ select: (s) => (s.location.search as { export?: unknown }).export });
  useEffect(() => {
    if (!isActive || typeof urlExport !== 'string') return;
    setExportId(urlExport);
    void navigate({ to: '/app/$functionId', params: { functionId }, search: {}, replace: true });
  }, [isActive, urlExport, navigate, functionId]);

  const list = units.data ?? [];
  const shownUnitId = unitId ?? list.find((u) => u.id === me.unit.id)?.id ?? list[0]?.id ?? null;
  const unit = list.find((u) => u.id === shownUnitId) ?? null;
  const maySecret = unit ? (isOutgoingRegister(kind) ? unit.secretOutgoing : unit.secretIncoming) : false;
  const isSecret = secret && maySecret;
  const invalid = periodError(period, t);
  const params: RegisterParams | null =
    shownUnitId && !invalid ? { unitId: shownUnitId, secret: isSecret, from: period.from, to: period.to } : null;
  const plan = useQuery(registerPlanQuery(kind, params));
  const number = useMemo(() => new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN'), []);

  const print = async (format: TReportFormat) => {
    if (!params || !plan.data) return;
    try {
      const name = await download.start(registerFileUrl(kind, params, format), plan.data.estimatedSeconds[format]);
      notifications.show({ color: 'green', message: t('registers.done', { name }) });
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      notifications.show({ color: 'red', message: refusal(t, t, error) });
    }
  };
  const background = (format: TReportFormat) => {
    if (!params) return;
    requestExport.mutate(
      { ...params, format },
      {
        onSuccess: (r) => {
          setExportId(r.id);
          void queryClient.invalidateQueries({ queryKey: ['reports', 'export', r.id] });
          notifications.show({ color: 'blue', message: t('registers.requested') });
        },
        onError: (error) => notifications.show({ color: 'red', message: refusal(t, t, error) }),
      },
    );
  };

  const p = plan.data;
  const inBackground = p?.mode === 'background';
  const canAct = Boolean(params && p && !plan.isFetching) && !download.busy;

  return (
    <div data-testid={`page-${functionId}`}>
      <PageHeader title={t(`functions:${functionId}`)} description={phone ? undefined : t('registers.description')} />
      {units.isError && (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {errorMessage(t, units.error)}
        </Alert>
      )}
      {units.data && list.length === 0 && <Alert color="gray">{t('noUnits')}</Alert>}
      {unit && (
        <Stack gap="md" maw={760}>
          <Paper withBorder p={phone ? 'sm' : 'md'} radius="md">
            <Stack gap="sm">
              <UnitSelect units={list} value={shownUnitId} onChange={setUnitId} testId="register-unit" />
              {maySecret && (
                <Input.Wrapper label={t('registers.book')}>
                  <div>
                    <SegmentedControl
                      value={isSecret ? 'secret' : 'normal'}
                      onChange={(v) => setSecret(v === 'secret')}
                      data={[
                        { value: 'normal', label: t('registers.normal') },
                        { value: 'secret', label: t('registers.secret') },
                      ]}
                      w={{ base: '100%', sm: 320 }}
                      data-testid="register-book"
                    />
                  </div>
                  {isSecret && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('registers.secretHint')}
                    </Text>
                  )}
                </Input.Wrapper>
              )}
              <PeriodFields value={period} onChange={setPeriod} error={invalid} testId="register-period" />
            </Stack>
          </Paper>

          {plan.isError && !invalid && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="register-error">
              {refusal(t, t, plan.error)}
            </Alert>
          )}
          {p && !invalid && !plan.isError && (
            <Stack gap="xs">
              <Group gap="xs" wrap="wrap">
                <Text fw={600} data-testid="register-title">
                  {p.title}
                </Text>
                <Badge variant="light" tt="none" data-testid="register-rows">
                  {t('registers.rows', { count: p.rows, formatted: number.format(p.rows) })}
                </Badge>
                {plan.isFetching && <Loader size="xs" />}
              </Group>
              {p.rows === 0 && (
                <Text size="sm" c="dimmed">
                  {t('registers.empty')}
                </Text>
              )}
              {inBackground && (
                <Alert color="yellow" icon={<IconClockPlay size={18} />}>
                  {t('registers.background', {
                    rows: number.format(p.rows),
                    limit: number.format(REGISTER_DIRECT_LIMIT),
                  })}
                </Alert>
              )}
            </Stack>
          )}
          {!p && plan.isFetching && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">{t('registers.planning')}</Text>
            </Group>
          )}

          <Group gap="sm" grow={phone}>
            <Button
              leftSection={inBackground ? <IconClockPlay size={18} /> : <IconPrinter size={18} />}
              disabled={!canAct}
              loading={download.busy || requestExport.isPending}
              onClick={() => (inBackground ? background('pdf') : void print('pdf'))}
              data-testid="register-pdf"
            >
              {inBackground ? t('registers.backgroundPdf') : t('registers.printPdf')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} />}
              disabled={!canAct}
              onClick={() => (inBackground ? background('xlsx') : void print('xlsx'))}
              data-testid="register-xlsx"
            >
              {inBackground ? t('registers.backgroundXlsx') : t('registers.exportXlsx')}
            </Button>
          </Group>
          <DownloadProgress
            state={download.state}
            makingLabel={t('registers.making', { rows: number.format(p?.rows ?? 0) })}
            onCancel={download.cancel}
          />
          {exportId && <ExportCard id={exportId} />}
        </Stack>
      )}
    </div>
  );
}
