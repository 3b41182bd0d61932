import {
  Alert,
  Badge,
  Button,
  Collapse,
  Divider,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAdjustmentsHorizontal, IconAlertCircle, IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOutgoingSort } from '../../../../contracts/outgoing';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { useIsPhone } from '../../../app/media';
import { PageHeader } from '../../../components/page-header';
import { unitOptionsQueryOptions } from '../../directory/api';
import { initialPageSize, PAGE_SIZES, unitsUnder } from '../../incoming/search/search-state';
import { outgoingExportUrl, outgoingSearchQuery } from '../api';
import { OutgoingList, type TOutgoingColumn } from '../components/outgoing-list';
import { OutgoingDrawer } from '../detail/outgoing-view';
import { OutgoingFiltersPanel } from './search-filters';
import {
  buildOutgoingParams,
  countOutgoingFilters,
  DEFAULT_OUTGOING_SORT,
  EMPTY_OUTGOING_FILTERS,
  nextOutgoingSort,
  type OutgoingFilters,
  type OutgoingSortState,
  outgoingExportParams,
} from './search-state';

const SORT_CHOICES: OutgoingSortState[] = [
  DEFAULT_OUTGOING_SORT,
  { sort: 'issuedAt', dir: 'asc' },
  { sort: 'codeNumber', dir: 'desc' },
  { sort: 'codeNumber', dir: 'asc' },
  { sort: 'issuedDate', dir: 'desc' },
  { sort: 'issuedDate', dir: 'asc' },
  { sort: 'subject', dir: 'asc' },
  { sort: 'subject', dir: 'desc' },
  { sort: 'updatedAt', dir: 'desc' },
];
const sortKey = (s: OutgoingSortState) => `${s.sort}_${s.dir}`;

/** The typed fields wait for a pause in typing before they search. */
interface Typed {
  q: string;
  code: string;
  year: string;
  codeNumber: string;
}
const typedOf = (q: string, f: OutgoingFilters): Typed => ({ q, code: f.code, year: f.year, codeNumber: f.codeNumber });
const sameTyped = (a: Typed, b: Typed) =>
  a.q === b.q && a.code === b.code && a.year === b.year && a.codeNumber === b.codeNumber;

const COLUMNS: TOutgoingColumn[] = ['code', 'issuedDate', 'documentType', 'subject', 'signer', 'receipts', 'status'];

/**
 * Function "Tìm văn bản đi" (Điều 3.1b, 4.3): the subject searched without diacritics as the user
 * types, number and notation, every filter of the register, sortable columns, server paging, the
 * total and the XLSX export of what is found — on a phone too.
 */
export default function OutgoingSearchPage() {
  const { t } = useTranslation(['outgoing', 'functions']);
  const me = useMe();
  const isPhone = useIsPhone();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<OutgoingFilters>(EMPTY_OUTGOING_FILTERS);
  const [typed, setTyped] = useState<Typed>(() => typedOf('', EMPTY_OUTGOING_FILTERS));
  const [sort, setSort] = useState<OutgoingSortState>(DEFAULT_OUTGOING_SORT);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(() => initialPageSize(me.preferences.pageSize));
  const [showFilters, setShowFilters] = useState(!isPhone);
  const [openId, setOpenId] = useState<string | null>(null);

  const live = typedOf(text, filters);
  const { code, year, codeNumber } = filters;
  useEffect(() => {
    const next = { q: text, code, year, codeNumber };
    if (sameTyped(next, typed)) return;
    const timer = setTimeout(() => {
      setTyped(next);
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, code, year, codeNumber, typed]);
  const flush = () => {
    if (sameTyped(live, typed)) return;
    setTyped(live);
    setPage(1);
  };

  const units = useQuery(unitOptionsQueryOptions);
  const myUnits = useMemo(() => unitsUnder(units.data ?? [], me.unit.id), [units.data, me.unit.id]);

  const params = buildOutgoingParams({
    q: typed.q,
    filters: { ...filters, code: typed.code, year: typed.year, codeNumber: typed.codeNumber },
    sort,
    page,
    pageSize,
  });
  const query = useQuery(outgoingSearchQuery(params));
  const data = query.data;
  const activeCount = countOutgoingFilters(filters);
  const canReset = activeCount > 0 || text.trim() !== '';
  const change = (patch: Partial<OutgoingFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const reset = () => {
    setText('');
    setFilters(EMPTY_OUTGOING_FILTERS);
    setTyped(typedOf('', EMPTY_OUTGOING_FILTERS));
    setPage(1);
  };
  const chooseSort = (next: OutgoingSortState) => {
    setSort(next);
    setPage(1);
  };
  const number = new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN');

  const total = (
    <Text fw={600} size="sm" aria-live="polite" data-testid="outgoing-search-total">
      {!data
        ? t('search.searching')
        : data.totalCapped
          ? t('search.foundCapped', { n: number.format(data.total) })
          : t('search.found', { count: data.total, n: number.format(data.total) })}
    </Text>
  );
  const sortSelect = (
    <Select
      aria-label={t('search.sortLabel')}
      allowDeselect={false}
      data={SORT_CHOICES.map((s) => ({ value: sortKey(s), label: t(`search.sort.${sortKey(s)}`) }))}
      value={sortKey(sort)}
      onChange={(v) => {
        const picked = SORT_CHOICES.find((s) => sortKey(s) === v);
        if (picked) chooseSort(picked);
      }}
      size="xs"
      w={isPhone ? undefined : 230}
      style={isPhone ? { flex: 1, minWidth: 0 } : undefined}
      comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-end' }}
      data-testid="outgoing-search-sort"
    />
  );
  const pageSizeSelect = (
    <Select
      aria-label={t('search.pageSize')}
      allowDeselect={false}
      data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('search.perPage', { n }) }))}
      value={String(pageSize)}
      onChange={(v) => {
        setPageSize(Number(v) || PAGE_SIZES[0]);
        setPage(1);
      }}
      size="xs"
      w={116}
      style={{ flexShrink: 0 }}
      comboboxProps={{ withinPortal: true }}
      data-testid="outgoing-page-size"
    />
  );
  const exportButton = (
    <Button
      component="a"
      href={outgoingExportUrl(outgoingExportParams(params))}
      download
      size="xs"
      variant="light"
      color="green"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      title={t('search.exportHint')}
      disabled={!data || data.total === 0}
      style={{ flexShrink: 0 }}
      data-testid="outgoing-export"
    >
      {t('search.export')}
    </Button>
  );

  return (
    <div data-testid="page-outgoing-search">
      <PageHeader title={t('functions:outgoing-search')} description={isPhone ? undefined : t('search.description')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('search.q')}
            placeholder={t('search.qPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={query.isFetching ? <Loader size={14} /> : null}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                flush();
              }
            }}
            type="search"
            enterKeyHint="search"
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="outgoing-search-q"
          />
          <Button
            variant={showFilters ? 'light' : 'default'}
            onClick={() => setShowFilters((v) => !v)}
            aria-expanded={showFilters}
            aria-controls="outgoing-search-filters"
            aria-label={isPhone ? (showFilters ? t('search.advancedHide') : t('search.advanced')) : undefined}
            title={showFilters ? t('search.advancedHide') : t('search.advanced')}
            px={isPhone ? 'sm' : undefined}
            leftSection={isPhone ? undefined : <IconAdjustmentsHorizontal size={18} aria-hidden />}
            style={{ flexShrink: 0 }}
            data-testid="outgoing-filter-toggle"
          >
            {isPhone ? (
              <IconAdjustmentsHorizontal size={18} aria-hidden />
            ) : showFilters ? (
              t('search.advancedHide')
            ) : (
              t('search.advanced')
            )}
            {activeCount > 0 && (
              <Badge size="sm" circle ml={6}>
                {activeCount}
              </Badge>
            )}
          </Button>
        </Group>
        <Collapse expanded={showFilters} id="outgoing-search-filters">
          <Divider my="sm" label={t('search.advanced')} labelPosition="left" />
          <OutgoingFiltersPanel
            value={filters}
            onChange={change}
            onReset={reset}
            onSubmit={flush}
            units={myUnits}
            canReset={canReset}
          />
        </Collapse>
      </Paper>

      {isPhone ? (
        <Stack gap={6} mb="xs">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            {total}
            {exportButton}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {sortSelect}
            {pageSizeSelect}
          </Group>
        </Stack>
      ) : (
        <Group justify="space-between" align="center" gap="xs" mb="xs" wrap="wrap">
          {total}
          <Group gap="xs" wrap="nowrap">
            {sortSelect}
            {pageSizeSelect}
            {exportButton}
          </Group>
        </Group>
      )}

      {query.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t, query.error)}
        </Alert>
      )}

      <OutgoingList
        rows={data?.items ?? []}
        total={data?.total ?? 0}
        totalCapped={data?.totalCapped}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={setOpenId}
        loading={query.isFetching}
        emptyText={canReset ? t('search.emptyFiltered') : t('search.empty')}
        sort={sort}
        onSort={(column: TOutgoingSort) => chooseSort(nextOutgoingSort(sort, column))}
        columns={COLUMNS}
        hideTotal
        data-testid="outgoing-search-results"
      />
      <OutgoingDrawer id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </div>
  );
}
