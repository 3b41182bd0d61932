import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronLeft,
  IconChevronRight,
  IconCopy,
  IconPlus,
  IconPrinter,
  IconSend,
  IconSendOff,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, formatVnDate, vnDate } from '../../../contracts/calendar';
import type { TScheduleEntry } from '../../../contracts/schedule';
import { weekStartOf } from '../../../contracts/schedule';
import { hasErrorCode } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { scheduleUnitsQuery, scheduleWeekQuery, useScheduleMutations, weekPdfUrl } from './api';
import { ConfirmModal } from '../../components/confirm-modal';
import { type EntryTarget, EntryFormModal } from './entry-form-modal';
import { weekLabel } from './labels';
import { WeekCards } from './week-cards';
import { WeekTable } from './week-table';

type Pending = { kind: 'publish' | 'unpublish' | 'copy' } | { kind: 'delete'; entry: TScheduleEntry };

/** Function "Lịch đơn vị": a unit's weekly work schedule, drafted by the clerk and published by the leader. */
export default function SchedulePage() {
  const { t } = useTranslation(['schedule', 'functions', 'errors']);
  const phone = useIsPhone();
  const today = vnDate(new Date());
  const thisWeek = weekStartOf(today);
  const [weekStart, setWeekStart] = useState(thisWeek);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [target, setTarget] = useState<EntryTarget | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const units = useQuery(scheduleUnitsQuery(weekStart));
  const week = useQuery(scheduleWeekQuery(unitId, weekStart));
  const m = useScheduleMutations();
  const data = week.data;
  const shownUnitId = data?.unit?.id ?? unitId ?? units.data?.[0]?.id ?? null;
  const abilities = data?.abilities ?? { edit: false, publish: false, seeDrafts: false };
  const published = data?.status === 'published';

  const unitOptions = (units.data ?? []).map((u) => ({
    value: u.id,
    label: [
      u.name,
      u.own ? ` (${t('schedule:ownUnit')})` : '',
      !u.published && !u.canEdit ? ` – ${t('schedule:notPublishedShort')}` : '',
    ].join(''),
  }));

  const fail = (error: unknown) => {
    const details = (error as { details?: Record<string, unknown> }).details ?? {};
    let message = errorMessage(t, error);
    if (hasErrorCode(error, 'INVALID_STATE')) {
      if (details.reason === 'empty') message = t('schedule:errors.emptyWeek');
      else if (details.status === 'published') message = t('schedule:errors.alreadyPublished');
      else if (details.status === 'draft') message = t('schedule:errors.alreadyDraft');
    }
    notifications.show({ color: 'red', message });
  };
  const ok = (message: string) => {
    notifications.show({ color: 'green', message });
    setPending(null);
  };
  const ref = () => ({ unitId: shownUnitId as string, weekStart });
  const confirm = () => {
    if (!pending) return;
    const onError = (e: unknown) => {
      setPending(null);
      fail(e);
    };
    if (pending.kind === 'publish')
      m.publish.mutate(ref(), { onSuccess: () => ok(t('schedule:done.published')), onError });
    if (pending.kind === 'unpublish')
      m.unpublish.mutate(ref(), { onSuccess: () => ok(t('schedule:done.unpublished')), onError });
    if (pending.kind === 'copy')
      m.copyPrevious.mutate(ref(), {
        onSuccess: (r) =>
          ok(r.copied > 0 ? t('schedule:done.copied', { count: r.copied }) : t('schedule:done.copiedNone')),
        onError,
      });
    if (pending.kind === 'delete')
      m.remove.mutate(pending.entry.id, { onSuccess: () => ok(t('schedule:done.deleted')), onError });
  };
  const busy = m.publish.isPending || m.unpublish.isPending || m.copyPrevious.isPending || m.remove.isPending;

  const view = {
    weekStart,
    entries: data?.entries ?? [],
    today,
    editable: abilities.edit,
    onAdd: (day: string) => setTarget({ mode: 'new', day }),
    onEdit: (entry: TScheduleEntry) => setTarget({ mode: 'edit', entry }),
    onDelete: (entry: TScheduleEntry) => setPending({ kind: 'delete', entry }),
  };
  const empty = data && data.entries.length === 0;
  const publishedAt = data?.publishedAt ? new Date(data.publishedAt) : null;

  return (
    <div data-testid="page-unit-schedule">
      <PageHeader title={t('functions:unit-schedule')} description={phone ? undefined : t('schedule:description')} />
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('schedule:unit')}
            data={unitOptions}
            value={shownUnitId}
            onChange={(v) => v && setUnitId(v)}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('schedule:unitNotFound')}
            w={{ base: '100%', sm: 480 }}
            comboboxProps={{ withinPortal: true }}
            data-testid="unit-select"
          />
          <Group gap={6} wrap="nowrap" w={phone ? '100%' : undefined}>
            <Button
              variant="default"
              size={phone ? 'compact-sm' : 'sm'}
              h={phone ? 36 : undefined}
              leftSection={phone ? undefined : <IconChevronLeft size={16} />}
              onClick={() => setWeekStart(addDays(weekStart, -7))}
              data-testid="week-prev"
              flex={phone ? 1 : undefined}
              px={phone ? 6 : undefined}
            >
              {phone ? `‹ ${t('schedule:week.previous')}` : t('schedule:week.previous')}
            </Button>
            <Button
              variant={weekStart === thisWeek ? 'light' : 'default'}
              onClick={() => setWeekStart(thisWeek)}
              size={phone ? 'compact-sm' : 'sm'}
              h={phone ? 36 : undefined}
              data-testid="week-current"
              flex={phone ? 1 : undefined}
              px={phone ? 6 : undefined}
            >
              {t('schedule:week.current')}
            </Button>
            <Button
              variant="default"
              size={phone ? 'compact-sm' : 'sm'}
              h={phone ? 36 : undefined}
              rightSection={phone ? undefined : <IconChevronRight size={16} />}
              onClick={() => setWeekStart(addDays(weekStart, 7))}
              data-testid="week-next"
              flex={phone ? 1 : undefined}
              px={phone ? 6 : undefined}
            >
              {phone ? `${t('schedule:week.next')} ›` : t('schedule:week.next')}
            </Button>
          </Group>
        </Group>

        <Paper withBorder p="sm" radius="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={2}>
              <Group gap="xs" wrap="wrap">
                <Title order={3} fz={{ base: 17, sm: 20 }} data-testid="week-label">
                  {weekLabel(t, weekStart)}
                </Title>
                {data?.unit && (abilities.seeDrafts || published) && (
                  <Badge color={published ? 'green' : 'gray'} variant="light" data-testid="week-status">
                    {t(`schedule:status.${data.status}`)}
                  </Badge>
                )}
                {week.isFetching && <Loader size="xs" />}
              </Group>
              {data?.unit && (
                <Text size="sm" fw={500}>
                  {data.unit.name}
                </Text>
              )}
              {published && publishedAt && data?.publishedBy && (
                <Text size="xs" c="dimmed" data-testid="published-by">
                  {t('schedule:publishedBy', {
                    time: publishedAt.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }),
                    date: formatVnDate(vnDate(publishedAt)),
                    name: data.publishedBy.fullName,
                  })}
                </Text>
              )}
            </Stack>
            <Group gap="xs" wrap="wrap">
              {abilities.edit && (
                <Button
                  leftSection={<IconPlus size={16} />}
                  onClick={() => setTarget({ mode: 'new' })}
                  data-testid="schedule-add"
                >
                  {t('schedule:actions.add')}
                </Button>
              )}
              {abilities.edit && (
                <Button
                  variant="default"
                  leftSection={<IconCopy size={16} />}
                  onClick={() => setPending({ kind: 'copy' })}
                  data-testid="schedule-copy"
                >
                  {t('schedule:actions.copyPrevious')}
                </Button>
              )}
              {abilities.publish && !published && (
                <Button
                  color="green"
                  leftSection={<IconSend size={16} />}
                  onClick={() => setPending({ kind: 'publish' })}
                  disabled={empty}
                  data-testid="schedule-publish"
                >
                  {t('schedule:actions.publish')}
                </Button>
              )}
              {abilities.publish && published && (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconSendOff size={16} />}
                  onClick={() => setPending({ kind: 'unpublish' })}
                  data-testid="schedule-unpublish"
                >
                  {t('schedule:actions.unpublish')}
                </Button>
              )}
              {shownUnitId && data?.unit && (published || abilities.seeDrafts) && (
                <Button
                  component="a"
                  href={weekPdfUrl(shownUnitId, weekStart)}
                  target="_blank"
                  rel="noopener"
                  variant="default"
                  leftSection={<IconPrinter size={16} />}
                  data-testid="schedule-print"
                >
                  {t('schedule:actions.print')}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>

        {week.isError && (
          <Alert color="red" data-testid="schedule-error">
            {errorMessage(t, week.error)}
          </Alert>
        )}
        {week.isPending && <Loader mx="auto" my="xl" />}
        {data && !published && !abilities.seeDrafts && (
          <Alert color="gray" data-testid="schedule-not-published">
            {t('schedule:empty.notPublished')}
          </Alert>
        )}
        {data && empty && abilities.edit && (
          <Alert color="blue" variant="light" data-testid="schedule-empty">
            <Text size="sm" fw={500}>
              {t('schedule:empty.week')}
            </Text>
            <Text size="sm">{t('schedule:empty.editHint')}</Text>
          </Alert>
        )}
        {data && (published || abilities.seeDrafts) && (phone ? <WeekCards {...view} /> : <WeekTable {...view} />)}
      </Stack>

      {shownUnitId && (
        <EntryFormModal
          target={target}
          unitId={shownUnitId}
          weekStart={weekStart}
          published={published}
          onClose={() => setTarget(null)}
        />
      )}
      <ConfirmModal
        opened={pending !== null}
        loading={busy}
        onClose={() => setPending(null)}
        onConfirm={confirm}
        color={
          pending?.kind === 'delete' || pending?.kind === 'unpublish'
            ? 'red'
            : pending?.kind === 'publish'
              ? 'green'
              : 'blue'
        }
        title={pending ? t(`schedule:confirm.${pending.kind}Title`) : ''}
        body={
          pending?.kind === 'delete'
            ? t('schedule:confirm.deleteBody', { content: pending.entry.content })
            : pending?.kind === 'publish'
              ? t('schedule:confirm.publishBody', { unit: data?.unit?.name ?? '' })
              : pending
                ? t(`schedule:confirm.${pending.kind}Body`)
                : ''
        }
        confirmLabel={
          pending?.kind === 'delete'
            ? t('schedule:actions.delete')
            : pending?.kind === 'publish'
              ? t('schedule:actions.publish')
              : pending?.kind === 'unpublish'
                ? t('schedule:actions.unpublish')
                : t('schedule:actions.confirm')
        }
      />
    </div>
  );
}
