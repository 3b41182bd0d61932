import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TCatalogEntry, TDocumentType, TIssuingOrganOption, TLevelCatalog } from '../../../../contracts/catalogs';
import type { ZUnitOption } from '../../../../contracts/directory';
import { apiFetch } from '../../../app/api';

/**
 * Catalog reads the incoming pages need (/api/catalogs/…, /api/units/options): the entry form,
 * the search filters and the detail forms. They change rarely, so they stay fresh for minutes;
 * keys start with 'catalogs' so an edit in "Danh mục chuẩn văn bản" refreshes them too.
 */

/** Document types in use (Loại văn bản). */
export const documentTypesQuery = queryOptions({
  queryKey: ['catalogs', 'read', 'document-types'],
  queryFn: ({ signal }) => apiFetch<TDocumentType[]>('/api/catalogs/document-types', { signal }),
  staleTime: 5 * 60_000,
});

/** Levels in use, by rank: confidentiality (Độ mật), urgency (Độ khẩn) or field (Lĩnh vực). */
export function levelsQuery(catalog: TLevelCatalog) {
  return queryOptions({
    queryKey: ['catalogs', 'read', 'levels', catalog],
    queryFn: ({ signal }) => apiFetch<TCatalogEntry[]>('/api/catalogs/levels', { signal, query: { catalog } }),
    staleTime: 5 * 60_000,
  });
}

/**
 * Issuing organs matching what is typed (no diacritics needed, abbreviations such as UBND
 * understood); the first `limit` of them.
 */
export function organSearchQuery(q: string, limit = 10) {
  return queryOptions({
    queryKey: ['catalogs', 'read', 'issuing-organs', q, limit],
    queryFn: ({ signal }) =>
      apiFetch<TIssuingOrganOption[]>('/api/catalogs/issuing-organs', {
        signal,
        query: { q: q || undefined, limit },
      }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** A unit as the pickers list it. */
export type TUnitOption = z.infer<typeof ZUnitOption>;

/** Units a document can be forwarded to (same cache as the directory's filter). */
export const unitOptionsQuery = queryOptions({
  queryKey: ['units', 'options'],
  queryFn: ({ signal }) => apiFetch<TUnitOption[]>('/api/units/options', { signal }),
  staleTime: 10 * 60_000,
});
