import { describe, expect, it } from 'vitest';
import {
  buildSearchParams,
  countActiveFilters,
  DEFAULT_SORT,
  dateRangeInvalid,
  EMPTY_FILTERS,
  exportParams,
  initialPageSize,
  matchesFolded,
  nextSort,
  statusFromUrl,
  unitsUnder,
} from './search-state';

const base = { q: '', filters: EMPTY_FILTERS, sort: DEFAULT_SORT, page: 1, pageSize: 20 };

describe('buildSearchParams', () => {
  it('sends only the sort and page when nothing is set', () => {
    expect(buildSearchParams(base)).toEqual({ sort: 'priority', dir: 'desc', page: 1, pageSize: 20 });
  });

  it('maps every filter onto the API query, trimmed', () => {
    const params = buildSearchParams({
      ...base,
      q: '  ke hoach tuyen sinh ',
      filters: {
        from: '2026-01-01',
        to: '2026-03-31',
        year: '2026',
        arrivalNumber: '05',
        code: ' 602/QĐ-PGDĐT ',
        issuingOrgan: { id: 'o1', name: 'Sở GD&ĐT' },
        documentTypeId: 't1',
        fieldId: 'f1',
        urgencyCode: 'hoa-toc',
        confidentialityCode: 'mat',
        status: 'overdue',
        handler: { id: 'u1', name: 'Lê Hoàng Nam' },
        unitId: 'unit1',
      },
      sort: { sort: 'arrivalAt', dir: 'asc' },
      page: 3,
      pageSize: 50,
    });
    expect(params).toEqual({
      q: 'ke hoach tuyen sinh',
      from: '2026-01-01',
      to: '2026-03-31',
      year: 2026,
      arrivalNumber: 5,
      code: '602/QĐ-PGDĐT',
      issuingOrganId: 'o1',
      documentTypeId: 't1',
      fieldId: 'f1',
      urgencyCode: 'hoa-toc',
      confidentialityCode: 'mat',
      status: 'overdue',
      handlerId: 'u1',
      unitId: 'unit1',
      sort: 'arrivalAt',
      dir: 'asc',
      page: 3,
      pageSize: 50,
    });
  });

  it('leaves out a half-typed year, a bad arrival number and blank text', () => {
    const params = buildSearchParams({
      ...base,
      q: '   ',
      filters: { ...EMPTY_FILTERS, year: '202', arrivalNumber: 'abc', code: '  ' },
    });
    expect(params).not.toHaveProperty('q');
    expect(params).not.toHaveProperty('year');
    expect(params).not.toHaveProperty('arrivalNumber');
    expect(params).not.toHaveProperty('code');
  });

  it('keeps only the start of an inverted date range', () => {
    const filters = { ...EMPTY_FILTERS, from: '2026-05-10', to: '2026-05-01' };
    expect(dateRangeInvalid(filters)).toBe(true);
    const params = buildSearchParams({ ...base, filters });
    expect(params.from).toBe('2026-05-10');
    expect(params).not.toHaveProperty('to');
    expect(dateRangeInvalid({ from: '2026-05-01', to: '2026-05-01' })).toBe(false);
    expect(dateRangeInvalid({ from: '', to: '2026-05-01' })).toBe(false);
  });

  it('gives equal searches equal query keys (no undefined keys)', () => {
    expect(Object.keys(buildSearchParams(base))).toEqual(['sort', 'dir', 'page', 'pageSize']);
  });
});

describe('exportParams', () => {
  it('drops the page but keeps filters and sort', () => {
    const params = buildSearchParams({ ...base, q: 'x', page: 4, pageSize: 100 });
    expect(exportParams(params)).toEqual({ q: 'x', sort: 'priority', dir: 'desc' });
  });
});

describe('nextSort', () => {
  it('starts dates newest first and names A→Z, then flips', () => {
    expect(nextSort(DEFAULT_SORT, 'arrivalAt')).toEqual({ sort: 'arrivalAt', dir: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'subject')).toEqual({ sort: 'subject', dir: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'dueDate')).toEqual({ sort: 'dueDate', dir: 'asc' });
    expect(nextSort({ sort: 'subject', dir: 'asc' }, 'subject')).toEqual({ sort: 'subject', dir: 'desc' });
    expect(nextSort({ sort: 'subject', dir: 'desc' }, 'priority')).toEqual(DEFAULT_SORT);
  });
});

describe('countActiveFilters', () => {
  it('counts set filters, ignoring blanks', () => {
    expect(countActiveFilters(EMPTY_FILTERS)).toBe(0);
    expect(countActiveFilters({ ...EMPTY_FILTERS, year: ' ', status: 'overdue', from: '2026-01-01' })).toBe(2);
  });
});

describe('statusFromUrl', () => {
  it('accepts only known status filters', () => {
    expect(statusFromUrl('overdue')).toBe('overdue');
    expect(statusFromUrl('waiting')).toBe('waiting');
    expect(statusFromUrl('presented')).toBeNull();
    expect(statusFromUrl(undefined)).toBeNull();
    expect(statusFromUrl(['overdue'])).toBeNull();
  });
});

describe('initialPageSize', () => {
  it('uses the preference when offered, else 20', () => {
    expect(initialPageSize(50)).toBe(50);
    expect(initialPageSize(30)).toBe(20);
    expect(initialPageSize(undefined)).toBe(20);
  });
});

describe('unitsUnder', () => {
  const units = [
    { id: 'root', name: 'Phòng GD&ĐT', parentId: null },
    { id: 'thcs', name: 'Trường THCS An Minh', parentId: 'root' },
    { id: 'mn', name: 'Trường Mầm non Hoa Sen', parentId: 'root' },
    { id: 'class', name: 'Tổ Toán', parentId: 'thcs' },
    { id: 'other', name: 'Đơn vị khác', parentId: null },
  ];
  it('lists the unit and its subtree, parents first, siblings in Vietnamese order', () => {
    expect(unitsUnder(units, 'root').map((u) => [u.id, u.depth])).toEqual([
      ['root', 0],
      ['mn', 1],
      ['thcs', 1],
      ['class', 2],
    ]);
  });
  it('gives a leaf unit alone, and nothing for an unknown unit', () => {
    expect(unitsUnder(units, 'mn').map((u) => u.id)).toEqual(['mn']);
    expect(unitsUnder(units, 'nope')).toEqual([]);
  });
});

describe('matchesFolded', () => {
  it('matches without diacritics', () => {
    expect(matchesFolded('Công văn', 'cong van')).toBe(true);
    expect(matchesFolded('Đề án', 'de an')).toBe(true);
    expect(matchesFolded('Quyết định', 'thong')).toBe(false);
    expect(matchesFolded('Quyết định', ' ')).toBe(true);
  });
});
