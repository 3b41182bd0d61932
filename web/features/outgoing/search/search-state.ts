import type { TOutgoingSearch, TOutgoingSort, TOutgoingStatus } from '../../../../contracts/outgoing';
import type { PickedOption } from '../../incoming/search/search-state';

/**
 * The state of "Tìm văn bản đi" and the pure rules that turn it into the query of
 * GET /api/outgoing (and of the XLSX export, which takes the same filters).
 */

export interface OutgoingFilters {
  /** Issued date range, ISO yyyy-mm-dd. */
  from: string;
  to: string;
  year: string;
  codeNumber: string;
  code: string;
  documentTypeId: string | null;
  fieldId: string | null;
  urgencyCode: string | null;
  confidentialityCode: string | null;
  status: TOutgoingStatus | null;
  signer: PickedOption | null;
  unitId: string | null;
}

export const EMPTY_OUTGOING_FILTERS: OutgoingFilters = {
  from: '',
  to: '',
  year: '',
  codeNumber: '',
  code: '',
  documentTypeId: null,
  fieldId: null,
  urgencyCode: null,
  confidentialityCode: null,
  status: null,
  signer: null,
  unitId: null,
};

export interface OutgoingSortState {
  sort: TOutgoingSort;
  dir: 'asc' | 'desc';
}

/** Newest issued first (drafts, not issued yet, after). */
export const DEFAULT_OUTGOING_SORT: OutgoingSortState = { sort: 'issuedAt', dir: 'desc' };

const FIRST_DIR: Record<TOutgoingSort, 'asc' | 'desc'> = {
  issuedAt: 'desc',
  codeNumber: 'desc',
  issuedDate: 'desc',
  subject: 'asc',
  updatedAt: 'desc',
};

/** Clicking a column header: the same column flips, another starts in its natural direction. */
export function nextOutgoingSort(current: OutgoingSortState, column: TOutgoingSort): OutgoingSortState {
  if (current.sort === column) return { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: column, dir: FIRST_DIR[column] };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function outgoingRangeInvalid(f: Pick<OutgoingFilters, 'from' | 'to'>): boolean {
  return ISO_DATE.test(f.from) && ISO_DATE.test(f.to) && f.from > f.to;
}

function intIn(value: string, min: number, max: number): number | undefined {
  const text = value.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/**
 * The query of GET /api/outgoing: empty and unfinished values are left out (a half-typed year
 * does not empty the list); an inverted date range keeps only its start.
 */
export function buildOutgoingParams(input: {
  q: string;
  filters: OutgoingFilters;
  sort: OutgoingSortState;
  page: number;
  pageSize: number;
}): TOutgoingSearch {
  const f = input.filters;
  const params: TOutgoingSearch = {
    q: input.q.trim() || undefined,
    from: ISO_DATE.test(f.from) ? f.from : undefined,
    to: ISO_DATE.test(f.to) && !outgoingRangeInvalid(f) ? f.to : undefined,
    year: intIn(f.year, 2000, 2100),
    codeNumber: intIn(f.codeNumber, 1, 10_000_000),
    code: f.code.trim() || undefined,
    documentTypeId: f.documentTypeId ?? undefined,
    fieldId: f.fieldId ?? undefined,
    urgencyCode: f.urgencyCode ?? undefined,
    confidentialityCode: f.confidentialityCode ?? undefined,
    status: f.status ?? undefined,
    signerId: f.signer?.id,
    unitId: f.unitId ?? undefined,
    sort: input.sort.sort,
    dir: input.sort.dir,
    page: input.page,
    pageSize: input.pageSize,
  };
  for (const key of Object.keys(params) as (keyof TOutgoingSearch)[]) if (params[key] === undefined) delete params[key];
  return params;
}

/** The export takes the filters and the sort but not the page. */
export function outgoingExportParams(params: TOutgoingSearch): TOutgoingSearch {
  const { page: _page, pageSize: _pageSize, ...rest } = params;
  return rest;
}

/** How many advanced filters are set (the count on the "Lọc nâng cao" button). */
export function countOutgoingFilters(f: OutgoingFilters): number {
  return [
    f.from,
    f.to,
    f.year.trim(),
    f.codeNumber.trim(),
    f.code.trim(),
    f.documentTypeId,
    f.fieldId,
    f.urgencyCode,
    f.confidentialityCode,
    f.status,
    f.signer,
    f.unitId,
  ].filter(Boolean).length;
}
