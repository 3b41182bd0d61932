import { Button, Collapse, Grid, Group, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../contracts/calendar';
import type { TInternalSearch } from '../../../contracts/internal';
import { useMe } from '../../app/auth';
import { useIsPhone } from '../../app/media';
import { DateInput } from '../../components/date-input';
import { PageHeader } from '../../components/page-header';
import { documentTypesQuery } from '../incoming/components/catalog-queries';
import { PersonPicker } from '../incoming/components/person-picker';
import { useDocParam } from '../links/use-doc-param';
import { internalListQuery } from './api';
import { InternalList } from './internal-list';
import { InternalDrawer } from './internal-view';

interface Filters {
  q: string;
  documentTypeId: string | null;
  from: string;
  to: string;
  number: number | string;
  creatorIds: string[];
  status: string | null;
}

const EMPTY: Filters = { q: '', documentTypeId: null, from: '', to: '', number: '', creatorIds: [], status: null };

function toQuery(f: Filters): TInternalSearch {
  return {
    box: 'all',
    q: f.q.trim() || undefined,
    documentTypeId: f.documentTypeId ?? undefined,
    from: f.from && isDateOrEmpty(f.from) ? f.from : undefined,
    to: f.to && isDateOrEmpty(f.to) ? f.to : undefined,
    number: typeof f.number === 'number' ? f.number : undefined,
    creatorId: f.creatorIds[0],
    status: (f.status as TInternalSearch['status']) ?? undefined,
  };
}

/**
 * Tìm văn bản nội bộ (Điều 3.1c): every internal document the user may see, by subject without
 * diacritics, type, date range, number, author and status; newest first.
 */
export default function InternalSearchPage() {
  const { t } = useTranslation(['internal', 'functions']);
  const me = useMe();
  const isPhone = useIsPhone();
  const types = useQuery(documentTypesQuery);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<TInternalSearch>(toQuery(EMPTY));
  const [page, setPage] = useState(1);
  const [more, setMore] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  const list = useQuery(internalListQuery({ ...applied, page, pageSize }));
  useDocParam('internal-search', setOpen);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setApplied(toQuery(draft));
    setPage(1);
  };
  const showMore = !isPhone || more;

  return (
    <div data-testid="page-internal-search">
      <PageHeader title={t('functions:internal-search')} description={t('search.description')} />
      <Paper withBorder radius="md" p={isPhone ? 'sm' : 'md'} mb="md" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('search.q')}
              placeholder={t('search.qPlaceholder')}
              value={draft.q}
              onChange={(e) => set('q', e.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              style={{ flex: 1 }}
              data-testid="internal-search-q"
            />
            {isPhone && (
              <Button
                variant={more ? 'light' : 'default'}
                px="xs"
                onClick={() => setMore((m) => !m)}
                aria-label={t('search.filters')}
                aria-expanded={more}
              >
                <IconAdjustmentsHorizontal size={18} aria-hidden />
              </Button>
            )}
          </Group>
          <Collapse expanded={showMore} transitionDuration={isPhone ? 150 : 0}>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Select
                  label={t('field.documentType')}
                  placeholder={t('search.anyType')}
                  data={(types.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  value={draft.documentTypeId}
                  onChange={(v) => set('documentTypeId', v)}
                  clearable
                  searchable
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>
                <DateInput label={t('search.from')} value={draft.from} onChange={(v) => set('from', v)} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>
                <DateInput label={t('search.to')} value={draft.to} onChange={(v) => set('to', v)} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>
                <NumberInput
                  label={t('search.number')}
                  value={draft.number}
                  onChange={(v) => set('number', v)}
                  min={1}
                  allowDecimal={false}
                  hideControls
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <Select
                  label={t('field.status')}
                  placeholder={t('search.anyStatus')}
                  data={(['active', 'cancelled'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
                  value={draft.status}
                  onChange={(v) => set('status', v)}
                  clearable
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <PersonPicker
                  label={t('field.creator')}
                  placeholder={t('search.creatorPlaceholder')}
                  kind="handlers"
                  value={draft.creatorIds}
                  onChange={(ids) => set('creatorIds', ids)}
                  maxValues={1}
                />
              </Grid.Col>
            </Grid>
          </Collapse>
          <Group gap="xs">
            <Button
              type="submit"
              leftSection={<IconSearch size={16} aria-hidden />}
              data-testid="internal-search-submit"
            >
              {t('search.submit')}
            </Button>
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => {
                setDraft(EMPTY);
                setApplied(toQuery(EMPTY));
                setPage(1);
              }}
            >
              {t('search.reset')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <InternalList
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={setOpen}
        loading={list.isPending || list.isPlaceholderData}
        emptyText={t('search.empty')}
        data-testid="internal-search-list"
      />
      <InternalDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
