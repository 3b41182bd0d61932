import {
  INCOMING_STATUS_FILTERS,
  type TIncomingSearch,
  type TIncomingSort,
  type TIncomingStatusFilter,
} from '../../../../contracts/incoming';
import { foldDiacritics, textSortKey } from '../../../../contracts/text';

/**
 * The state of "Tìm kiếm văn bản đến" and the pure rules that turn it into the query of
 * GET /api/incoming (and of the XLSX export, which takes the same filters).
 */

/** A picked item whose name must stay visible while the type-ahead shows other results. */
export interface PickedOption {
  id: string;
  name: string;
}

/** The advanced filters ("Lọc nâng cao"), as the form holds them: empty string / null = not set. */
export interface SearchFilters {
  /** Arrival date range, ISO yyyy-mm-dd. */
  from: string;
  to: string;
  year: string;
  arrivalNumber: string;
  code: string;
  issuingOrgan: PickedOption | null;
  documentTypeId: string | null;
  fieldId: string | null;
  urgencyCode: string | null;
  confidentialityCode: string | null;
  status: TIncomingStatusFilter | null;
  handler: PickedOption | null;
  unitId: string | null;
}

export const EMPTY_FILTERS: SearchFilters = {
  from: '',
  to: '',
  year: '',
  arrivalNumber: '',
  code: '',
  issuingOrgan: null,
  documentTypeId: null,
  fieldId: null,
  urgencyCode: null,
  confidentialityCode: null,
  status: null,
  handler: null,
  unitId: null,
};

export type SortDir = 'asc' | 'desc';
export interface SearchSort {
  sort: TIncomingSort;
  dir: SortDir;
}

/** Open urgent documents first, then the newest arrival (the server's `priority`). */
export const DEFAULT_SORT: SearchSort = { sort: 'priority', dir: 'desc' };

/** Page sizes offered under the list. */
export const PAGE_SIZES = [20, 50, 100] as const;

/** The user's preferred page size when it is one of the offered ones, else 20. */
export function initialPageSize(preferred: number | undefined): number {
  return PAGE_SIZES.includes(preferred as (typeof PAGE_SIZES)[number]) ? (preferred as number) : PAGE_SIZES[0];
}

/** Direction a column sorts in when first clicked: dates and numbers newest first, names A→Z, deadlines soonest first. */
const FIRST_DIR: Record<TIncomingSort, SortDir> = {
  priority: 'desc',
  arrivalAt: 'desc',
  arrivalNumber: 'desc',
  issuedDate: 'desc',
  dueDate: 'asc',
  issuingOrgan: 'asc',
  subject: 'asc',
};

/** Clicking a column header: the same column flips its direction, another column starts in its natural direction. */
export function nextSort(current: SearchSort, column: TIncomingSort): SearchSort {
  if (column === 'priority') return DEFAULT_SORT;
  if (current.sort === column) return { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: column, dir: FIRST_DIR[column] };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when both dates are set and "from" is after "to" (the form marks "to" as wrong). */
export function dateRangeInvalid(f: Pick<SearchFilters, 'from' | 'to'>): boolean {
  return ISO_DATE.test(f.from) && ISO_DATE.test(f.to) && f.from > f.to;
}

function intIn(value: string, min: number, max: number): number | undefined {
  const text = value.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** A year the server accepts (2000–2100), or undefined while the user is still typing it. */
export function parseYear(value: string): number | undefined {
  return intIn(value, 2000, 2100);
}

/** An arrival number ("05" → 5), or undefined. */
export function parseArrivalNumber(value: string): number | undefined {
  return intIn(value, 1, 10_000_000);
}

/**
 * The query of GET /api/incoming for the typed text, the filters, the sort and the page. Empty
 * and unfinished values are left out (a half-typed year does not empty the list); an inverted
 * date range keeps only its start.
 */
export function buildSearchParams(input: {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  pageSize: number;
}): TIncomingSearch {
  const { filters: f } = input;
  const params: TIncomingSearch = {
    q: input.q.trim() || undefined,
    from: ISO_DATE.test(f.from) ? f.from : undefined,
    to: ISO_DATE.test(f.to) && !dateRangeInvalid(f) ? f.to : undefined,
    year: parseYear(f.year),
    arrivalNumber: parseArrivalNumber(f.arrivalNumber),
    code: f.code.trim() || undefined,
    issuingOrganId: f.issuingOrgan?.id,
    documentTypeId: f.documentTypeId ?? undefined,
    fieldId: f.fieldId ?? undefined,
    urgencyCode: f.urgencyCode ?? undefined,
    confidentialityCode: f.confidentialityCode ?? undefined,
    status: f.status ?? undefined,
    handlerId: f.handler?.id,
    unitId: f.unitId ?? undefined,
    sort: input.sort.sort,
    dir: input.sort.dir,
    page: input.page,
    pageSize: input.pageSize,
  };
  // Undefined keys would still show up in the query key; drop them so equal searches share a cache entry.
  for (const key of Object.keys(params) as (keyof TIncomingSearch)[]) if (params[key] === undefined) delete params[key];
  return params;
}

/** The export takes the filters and the sort but not the page. */
export function exportParams(params: TIncomingSearch): TIncomingSearch {
  const { page: _page, pageSize: _pageSize, ...rest } = params;
  return rest;
}

/** How many advanced filters are set (the count on the "Lọc nâng cao" button). */
export function countActiveFilters(f: SearchFilters): number {
  return [
    f.from,
    f.to,
    f.year.trim(),
    f.arrivalNumber.trim(),
    f.code.trim(),
    f.issuingOrgan,
    f.documentTypeId,
    f.fieldId,
    f.urgencyCode,
    f.confidentialityCode,
    f.status,
    f.handler,
    f.unitId,
  ].filter(Boolean).length;
}

/** `?status=overdue` of a link (daily summaries), if it names a status filter. */
export function statusFromUrl(value: unknown): TIncomingStatusFilter | null {
  return typeof value === 'string' && (INCOMING_STATUS_FILTERS as readonly string[]).includes(value)
    ? (value as TIncomingStatusFilter)
    : null;
}

/** A unit of GET /api/units/options. */
export interface UnitNode {
  id: string;
  name: string;
  parentId: string | null;
}

/**
 * The user's unit and every unit under it, parents before children: the units whose documents
 * the user may search when their role covers their subtree. One unit means no unit filter.
 */
export function unitsUnder(units: readonly UnitNode[], rootId: string): (UnitNode & { depth: number })[] {
  const children = new Map<string, UnitNode[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const root = units.find((u) => u.id === rootId);
  if (!root) return [];
  const out: (UnitNode & { depth: number })[] = [];
  const walk = (unit: UnitNode, depth: number) => {
    out.push({ ...unit, depth });
    const kids = [...(children.get(unit.id) ?? [])].sort((a, b) =>
      textSortKey(a.name) < textSortKey(b.name) ? -1 : 1,
    );
    for (const kid of kids) walk(kid, depth + 1);
  };
  walk(root, 0);
  return out;
}

/** Filter of a Select over a small fixed list that matches without diacritics ("cong van" finds "Công văn"). */
export function matchesFolded(label: string, search: string): boolean {
  const needle = foldDiacritics(search).toLowerCase().trim();
  return needle === '' || foldDiacritics(label).toLowerCase().includes(needle);
}
