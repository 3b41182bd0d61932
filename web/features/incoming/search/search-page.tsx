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
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TIncomingSort } from '../../../../contracts/incoming';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { currentLocale } from '../../../app/i18n';
import { useIsPhone } from '../../../app/media';
import { useActiveFunctionId } from '../../../app/tabs/navigation';
import { PageHeader } from '../../../components/page-header';
import { unitOptionsQueryOptions } from '../../directory/api';
import { exportUrl, searchQuery } from '../api';
import { IncomingDocumentDrawer, IncomingList, type TIncomingColumn } from '../components/incoming-list';
import { SearchFiltersPanel } from './search-filters';
import {
  buildSearchParams,
  countActiveFilters,
  DEFAULT_SORT,
  EMPTY_FILTERS,
  exportParams,
  initialPageSize,
  nextSort,
  PAGE_SIZES,
  type SearchFilters,
  type SearchSort,
  statusFromUrl,
  unitsUnder,
} from './search-state';

const FUNCTION_ID = 'incoming-search';

/** Choices of the sort menu (phone, and a way back to the default on a desktop). */
const SORT_CHOICES: SearchSort[] = [
  DEFAULT_SORT,
  { sort: 'arrivalAt', dir: 'desc' },
  { sort: 'arrivalAt', dir: 'asc' },
  { sort: 'arrivalNumber', dir: 'desc' },
  { sort: 'arrivalNumber', dir: 'asc' },
  { sort: 'issuedDate', dir: 'desc' },
  { sort: 'issuedDate', dir: 'asc' },
  { sort: 'dueDate', dir: 'asc' },
  { sort: 'dueDate', dir: 'desc' },
  { sort: 'issuingOrgan', dir: 'asc' },
  { sort: 'issuingOrgan', dir: 'desc' },
  { sort: 'subject', dir: 'asc' },
  { sort: 'subject', dir: 'desc' },
];
const sortKey = (s: SearchSort) => (s.sort === 'priority' ? 'priority' : `${s.sort}_${s.dir}`);

/** The typed fields wait for a pause in typing before they search. */
interface Typed {
  q: string;
  code: string;
  year: string;
  arrivalNumber: string;
}
const typedOf = (q: string, f: SearchFilters): Typed => ({
  q,
  code: f.code,
  year: f.year,
  arrivalNumber: f.arrivalNumber,
});
const sameTyped = (a: Typed, b: Typed) =>
  a.q === b.q && a.code === b.code && a.year === b.year && a.arrivalNumber === b.arrivalNumber;

/**
 * Function "Tìm kiếm văn bản đến" (Điều 3.1a, 4.2): the subject searched without diacritics as
 * the user types, every filter of the register, sortable columns, server paging, the total and
 * the XLSX export of what is found. `?status=overdue` (daily summary links) sets the status.
 * The state lives here; the tab stays mounted while others open, so a search survives.
 */
export default function IncomingSearchPage() {
  const { t } = useTranslation(['incomingSearch', 'incoming', 'functions']);
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();

  const [text, setText] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(EMPTY_FILTERS);
  const [typed, setTyped] = useState<Typed>(() => typedOf('', EMPTY_FILTERS));
  const [sort, setSort] = useState<SearchSort>(DEFAULT_SORT);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(() => initialPageSize(me.preferences.pageSize));
  // Open on a desktop, folded on a phone where the results matter more than the form.
  const [showFilters, setShowFilters] = useState(!isPhone);
  const [openId, setOpenId] = useState<string | null>(null);

  // Typing searches after 300 ms of quiet; Enter searches at once (flush).
  const live = typedOf(text, filters);
  const { code, year, arrivalNumber } = filters;
  useEffect(() => {
    const next = { q: text, code, year, arrivalNumber };
    if (sameTyped(next, typed)) return;
    const timer = setTimeout(() => {
      setTyped(next);
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, code, year, arrivalNumber, typed]);
  const flush = () => {
    if (sameTyped(live, typed)) return;
    setTyped(live);
    setPage(1);
  };

  // A link such as /app/incoming-search?status=overdue starts a fresh search with that status;
  // the parameter is then dropped so later visits to the tab keep what the user set.
  const isActive = useActiveFunctionId() === FUNCTION_ID;
  const urlStatus = useRouterState({ select: (s) => (s.location.search as { status?: unknown }).status });
  useEffect(() => {
    if (!isActive || urlStatus === undefined) return;
    const status = statusFromUrl(urlStatus);
    if (status) {
      const next = { ...EMPTY_FILTERS, status };
      setText('');
      setFilters(next);
      setTyped(typedOf('', next));
      setSort(DEFAULT_SORT);
      setPage(1);
    }
    void navigate({ to: '/app/$functionId', params: { functionId: FUNCTION_ID }, search: {}, replace: true });
  }, [isActive, urlStatus, navigate]);

  const units = useQuery(unitOptionsQueryOptions);
  const myUnits = useMemo(() => unitsUnder(units.data ?? [], me.unit.id), [units.data, me.unit.id]);

  const params = buildSearchParams({
    q: typed.q,
    filters: { ...filters, code: typed.code, year: typed.year, arrivalNumber: typed.arrivalNumber },
    sort,
    page,
    pageSize,
  });
  const query = useQuery(searchQuery(params));
  const data = query.data;

  const activeCount = countActiveFilters(filters);
  const canReset = activeCount > 0 || text.trim() !== '';
  const change = (patch: Partial<SearchFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const reset = () => {
    setText('');
    setFilters(EMPTY_FILTERS);
    setTyped(typedOf('', EMPTY_FILTERS));
    setPage(1);
  };
  const chooseSort = (next: SearchSort) => {
    setSort(next);
    setPage(1);
  };

  const number = new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN');
  // More columns do not fit beside the menu at 1440 px without squeezing the subject; the
  // document date, the lead handler and the unit show in the drawer, and the sort menu still
  // orders by the document date.
  const columns: TIncomingColumn[] = [
    'arrivalNumber',
    'arrivalAt',
    'issuingOrgan',
    'code',
    'subject',
    'dueDate',
    'status',
  ];

  const panel = (
    <SearchFiltersPanel
      value={filters}
      onChange={change}
      onReset={reset}
      onSubmit={flush}
      units={myUnits}
      canReset={canReset}
    />
  );

  const total = (
    <Text fw={600} size="sm" aria-live="polite" data-testid="incoming-search-total">
      {!data
        ? t('searching')
        : data.totalCapped
          ? t('foundCapped', { n: number.format(data.total) })
          : t('found', { count: data.total, n: number.format(data.total) })}
    </Text>
  );
  const sortSelect = (
    <Select
      aria-label={t('sortLabel')}
      allowDeselect={false}
      data={SORT_CHOICES.map((s) => ({ value: sortKey(s), label: t(`sort.${sortKey(s)}`) }))}
      value={sortKey(sort)}
      onChange={(v) => {
        const picked = SORT_CHOICES.find((s) => sortKey(s) === v);
        if (picked) chooseSort(picked);
      }}
      size="xs"
      w={isPhone ? undefined : 230}
      style={isPhone ? { flex: 1, minWidth: 0 } : undefined}
      comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-end' }}
      data-testid="incoming-search-sort"
    />
  );
  const pageSizeSelect = (
    <Select
      aria-label={t('pageSize')}
      allowDeselect={false}
      data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('perPage', { n }) }))}
      value={String(pageSize)}
      onChange={(v) => {
        setPageSize(Number(v) || PAGE_SIZES[0]);
        setPage(1);
      }}
      size="xs"
      w={116}
      style={{ flexShrink: 0 }}
      comboboxProps={{ withinPortal: true }}
      data-testid="incoming-page-size"
    />
  );
  const exportButton = (
    <Button
      component="a"
      href={exportUrl(exportParams(params))}
      download
      size="xs"
      variant="light"
      color="green"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      title={t('exportHint')}
      disabled={!data || data.total === 0}
      style={{ flexShrink: 0 }}
      data-testid="incoming-export"
    >
      {t('export')}
    </Button>
  );

  return (
    <div data-testid="page-incoming-search">
      <PageHeader title={t('functions:incoming-search')} description={isPhone ? undefined : t('description')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('q')}
            placeholder={t('qPlaceholder')}
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
            data-testid="incoming-search-q"
          />
          <Button
            variant={showFilters ? 'light' : 'default'}
            onClick={() => setShowFilters((v) => !v)}
            aria-expanded={showFilters}
            aria-controls="incoming-search-filters"
            aria-label={isPhone ? (showFilters ? t('advancedHide') : t('advanced')) : undefined}
            title={showFilters ? t('advancedHide') : t('advanced')}
            px={isPhone ? 'sm' : undefined}
            leftSection={isPhone ? undefined : <IconAdjustmentsHorizontal size={18} aria-hidden />}
            style={{ flexShrink: 0 }}
            data-testid="incoming-filter-toggle"
          >
            {isPhone ? (
              <IconAdjustmentsHorizontal size={18} aria-hidden />
            ) : showFilters ? (
              t('advancedHide')
            ) : (
              t('advanced')
            )}
            {activeCount > 0 && (
              <Badge size="sm" circle ml={6}>
                {activeCount}
              </Badge>
            )}
          </Button>
        </Group>
        <Collapse expanded={showFilters} id="incoming-search-filters">
          <Divider my="sm" label={t('advanced')} labelPosition="left" />
          {panel}
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

      <IncomingList
        rows={data?.items ?? []}
        total={data?.total ?? 0}
        totalCapped={data?.totalCapped}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={setOpenId}
        loading={query.isFetching}
        emptyText={canReset ? t('emptyFiltered') : t('empty')}
        sort={sort}
        onSort={(column: TIncomingSort) => chooseSort(nextSort(sort, column))}
        columns={columns}
        hideTotal
        data-testid="incoming-search-results"
      />
      <IncomingDocumentDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
