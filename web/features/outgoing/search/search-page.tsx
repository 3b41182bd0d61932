import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOutgoingSort } from '../../../../contracts/outgoing';
import { useMe } from '../../../app/auth';
import { DocumentSearchLayout, useSettledTyping } from '../../../components/document-search';
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
const typedOf = (q: string, f: OutgoingFilters) => ({ q, code: f.code, year: f.year, codeNumber: f.codeNumber });

const COLUMNS: TOutgoingColumn[] = ['code', 'issuedDate', 'documentType', 'subject', 'signer', 'receipts', 'status'];

/**
 * Function "Tìm văn bản đi" (Điều 3.1b, 4.3): the subject searched without diacritics as the user
 * types, number and notation, every filter of the register, sortable columns, server paging, the
 * total and the XLSX export of what is found — on a phone too.
 */
export default function OutgoingSearchPage() {
  const { t } = useTranslation(['outgoing', 'functions']);
  const me = useMe();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<OutgoingFilters>(EMPTY_OUTGOING_FILTERS);
  const [sort, setSort] = useState<OutgoingSortState>(DEFAULT_OUTGOING_SORT);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(() => initialPageSize(me.preferences.pageSize));
  const [openId, setOpenId] = useState<string | null>(null);

  const { settled: typed, setSettled: setTyped, flush } = useSettledTyping(typedOf(text, filters), () => setPage(1));

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

  return (
    <DocumentSearchLayout
      kind="outgoing"
      title={t('functions:outgoing-search')}
      t={t}
      keyPrefix="search."
      text={text}
      onText={setText}
      onSubmit={flush}
      fetching={query.isFetching}
      activeFilters={activeCount}
      filters={
        <OutgoingFiltersPanel
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
      exportHref={outgoingExportUrl(outgoingExportParams(params))}
    >
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
    </DocumentSearchLayout>
  );
}
