import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TCatalogEntry,
  TDocumentType,
  TIssuingOrgan,
  TLevelCatalog,
  TSimilarOrgan,
} from '../../../contracts/catalogs';
import { apiFetch } from '../../app/api';

/** The five lists of "Danh mục chuẩn văn bản", one per tab. */
export type CatalogKind = 'document-types' | 'issuing-organs' | TLevelCatalog;
export const CATALOG_KINDS: CatalogKind[] = ['document-types', 'issuing-organs', 'confidentiality', 'urgency', 'field'];

/** A row of any of the lists. */
export type CatalogRow = TDocumentType | TIssuingOrgan | TCatalogEntry;

export interface ListParams {
  q: string;
  status: 'active' | 'inactive' | 'all';
  sort: string;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface CatalogPage<T extends CatalogRow = CatalogRow> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  canManage: boolean;
}

const isEntries = (kind: CatalogKind): kind is TLevelCatalog =>
  kind === 'confidentiality' || kind === 'urgency' || kind === 'field';

/** Admin path of a list: /api/admin/catalogs/document-types | issuing-organs | entries. */
function basePath(kind: CatalogKind): string {
  return `/api/admin/catalogs/${isEntries(kind) ? 'entries' : kind}`;
}

/** One page of an admin list (search without diacritics, status, sort, page). */
export function catalogPageQueryOptions(kind: CatalogKind, params: ListParams) {
  return queryOptions({
    queryKey: ['catalogs', 'admin', kind, params],
    queryFn: ({ signal }) =>
      apiFetch<CatalogPage>(basePath(kind), {
        query: { ...params, q: params.q || undefined, catalog: isEntries(kind) ? kind : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Organs whose name is close to the one being typed ("Có thể trùng với"). */
export function similarOrgansQueryOptions(name: string) {
  return queryOptions({
    queryKey: ['catalogs', 'organs', 'similar', name],
    queryFn: ({ signal }) =>
      apiFetch<TSimilarOrgan[]>('/api/catalogs/issuing-organs/similar', { query: { name }, signal }),
    enabled: name.trim().length >= 3,
    staleTime: 30_000,
  });
}

/** Create (no id) or edit (id) a row; the lists and the reads of document forms refresh. */
export function useSaveCatalogRow(kind: CatalogKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      apiFetch<CatalogRow>(id ? `${basePath(kind)}/${id}` : basePath(kind), {
        method: id ? 'PATCH' : 'POST',
        body: !id && isEntries(kind) ? { ...body, catalog: kind } : body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalogs'] }),
  });
}

/** "Ngừng sử dụng" / "Sử dụng lại". */
export function useSetCatalogRowActive(kind: CatalogKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiFetch<CatalogRow>(`${basePath(kind)}/${id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalogs'] }),
  });
}
