import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TIncomingSort } from '../../../../contracts/incoming';
import { useMe } from '../../../app/auth';
import { useActiveFunctionId } from '../../../app/tabs/navigation';
import { DocumentSearchLayout, useSettledTyping } from '../../../components/document-search';
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
const typedOf = (q: string, f: SearchFilters) => ({ q, code: f.code, year: f.year, arrivalNumber: f.arrivalNumber });

/**
 * Function "Tìm kiếm văn bản đến" (Điều 3.1a, 4.2): the subject searched without diacritics as
 * the user types, every filter of the register, sortable columns, server paging, the total and
 * the XLSX export of what is found. `?status=overdue` (daily summary links) sets the status.
 * The state lives here; the tab stays mounted while others open, so a search survives.
 */
export default function IncomingSearchPage() {
  const { t } = useTranslation(['incomingSearch', 'incoming', 'functions']);
  const me = useMe();
  const navigate = useNavigate();

  const [text, setText] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(EMPTY_FILTERS);
  const [sort, setSort] = useState<SearchSort>(DEFAULT_SORT);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(() => initialPageSize(me.preferences.pageSize));
  const [openId, setOpenId] = useState<string | null>(null);

  // Typing searches after 300 ms of quiet; Enter searches at once (flush).
  const { settled: typed, setSettled: setTyped, flush } = useSettledTyping(typedOf(text, filters), () => setPage(1));

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
  }, [isActive, urlStatus, navigate, setTyped]);

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

  return (
    <DocumentSearchLayout
      kind="incoming"
      title={t('functions:incoming-search')}
      t={t}
      keyPrefix=""
      text={text}
      onText={setText}
      onSubmit={flush}
      fetching={query.isFetching}
      activeFilters={activeCount}
      filters={
        <SearchFiltersPanel
          value={filters}
          onChange={change}
          onReset={reset}
          onSubmit={flush}
          units={myUnits}
          canReset={canReset}
        />
      }
      found={data}
      error={query.isError ? query.error : null}
      sortKeys={SORT_CHOICES.map(sortKey)}
      sortKey={sortKey(sort)}
      onSortKey={(v) => {
        const picked = SORT_CHOICES.find((s) => sortKey(s) === v);
        if (picked) chooseSort(picked);
      }}
      pageSizes={PAGE_SIZES}
      pageSize={pageSize}
      onPageSize={(n) => {
        setPageSize(n);
        setPage(1);
      }}
      exportHref={exportUrl(exportParams(params))}
    >
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
    </DocumentSearchLayout>
  );
}
