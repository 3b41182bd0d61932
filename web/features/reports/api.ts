import { keepPreviousData, queryOptions, useMutation } from '@tanstack/react-query';
import { ON_BEHALF_HEADER } from '../../../contracts/account';
import type {
  TRegisterExportCreate,
  TRegisterKind,
  TRegisterPlan,
  TReportExport,
  TReportFormat,
  TReportUnit,
  TSummaryReport,
  TUsageReport,
} from '../../../contracts/reports';
import { getActingFor } from '../../app/acting-for';
import { ApiError, apiFetch, NetworkError } from '../../app/api';

const ROOT = ['reports'] as const;

/** A register asked for: unit, normal or secret, period. */
export interface RegisterParams {
  unitId: string;
  secret: boolean;
  from: string;
  to: string;
}

/** A report asked for: unit (with or without its subtree) and a period or a month. */
export interface SummaryParams {
  unitId: string;
  subtree: boolean;
  from: string;
  to: string;
}
export interface UsageParams {
  unitId: string;
  subtree: boolean;
  month: string;
}

const flag = (v: boolean) => (v ? '1' : '0');

/** GET /api/reports/units: the units the person may print registers of or report on. */
export const reportUnitsQuery = (purpose: 'registers' | 'summary') =>
  queryOptions({
    queryKey: [...ROOT, 'units', purpose],
    queryFn: ({ signal }) => apiFetch<TReportUnit[]>('/api/reports/units', { signal, query: { purpose } }),
    staleTime: 5 * 60_000,
  });

/** GET /api/reports/registers/:kind/plan: how many rows, made now or in the background. */
export const registerPlanQuery = (kind: TRegisterKind, p: RegisterParams | null) =>
  queryOptions({
    queryKey: [...ROOT, 'plan', kind, p],
    queryFn: ({ signal }) =>
      apiFetch<TRegisterPlan>(`/api/reports/registers/${kind}/plan`, {
        signal,
        query: { unitId: p?.unitId, secret: flag(p?.secret ?? false), from: p?.from, to: p?.to },
      }),
    enabled: p !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

/** GET /api/reports/exports/:id, polled while the job is waiting or running. */
export const reportExportQuery = (id: string | null) =>
  queryOptions({
    queryKey: [...ROOT, 'export', id],
    queryFn: ({ signal }) => apiFetch<TReportExport>(`/api/reports/exports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 3000),
    retry: false,
  });

/** POST /api/reports/registers/:kind/exports: make a large register in the background. */
export function useRequestExport(kind: TRegisterKind) {
  return useMutation({
    mutationFn: (body: TRegisterExportCreate) =>
      apiFetch<{ id: string; rows: number }>(`/api/reports/registers/${kind}/exports`, { method: 'POST', body }),
  });
}

/** GET /api/reports/summary. */
export const summaryQuery = (p: SummaryParams | null) =>
  queryOptions({
    queryKey: [...ROOT, 'summary', p],
    queryFn: ({ signal }) =>
      apiFetch<TSummaryReport>('/api/reports/summary', {
        signal,
        query: { unitId: p?.unitId, subtree: flag(p?.subtree ?? false), from: p?.from, to: p?.to },
      }),
    enabled: p !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

/** GET /api/reports/usage. */
export const usageQuery = (p: UsageParams | null) =>
  queryOptions({
    queryKey: [...ROOT, 'usage', p],
    queryFn: ({ signal }) =>
      apiFetch<TUsageReport>('/api/reports/usage', {
        signal,
        query: { unitId: p?.unitId, subtree: flag(p?.subtree ?? false), month: p?.month },
      }),
    enabled: p !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

/** Addresses of the files, with the query of the request. */
export function registerFileUrl(kind: TRegisterKind, p: RegisterParams, format: TReportFormat): string {
  const q = new URLSearchParams({ unitId: p.unitId, secret: flag(p.secret), from: p.from, to: p.to, format });
  return `/api/reports/registers/${kind}/file?${q}`;
}
export function summaryFileUrl(p: SummaryParams, format: TReportFormat): string {
  const q = new URLSearchParams({ unitId: p.unitId, subtree: flag(p.subtree), from: p.from, to: p.to, format });
  return `/api/reports/summary/file?${q}`;
}
export function usageFileUrl(p: UsageParams, format: TReportFormat): string {
  const q = new URLSearchParams({ unitId: p.unitId, subtree: flag(p.subtree), month: p.month, format });
  return `/api/reports/usage/file?${q}`;
}
export const exportFileUrl = (id: string) => `/api/reports/exports/${id}/file`;

/** The file name of a download from its Content-Disposition (the UTF-8 form first). */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) return decodeURIComponent(utf8[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

/**
 * Fetches a file while reporting how much of it has arrived (0–1, once the server has made it
 * and said how long it is), then hands it to the browser as a download. Resolves with its name.
 */
export async function downloadFile(
  url: string,
  opts: { signal?: AbortSignal; onStarted?: () => void; onProgress?: (fraction: number) => void } = {},
): Promise<string> {
  const headers: Record<string, string> = {};
  const actingFor = getActingFor();
  if (actingFor) headers[ON_BEHALF_HEADER] = actingFor.userId;
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers, signal: opts.signal });
  } catch (cause) {
    if (opts.signal?.aborted) throw cause;
    throw new NetworkError('Network request failed', { cause });
  }
  if (!res.ok) {
    let body: { error?: ConstructorParameters<typeof ApiError>[1] } = {};
    try {
      body = await res.json();
    } catch {
      // Not JSON: the status says enough.
    }
    throw new ApiError(res.status, body.error ?? {});
  }
  opts.onStarted?.();
  const total = Number(res.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total > 0) opts.onProgress?.(Math.min(1, received / total));
    }
  }
  const blob = new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  const name = fileNameOf(res, 'bao-cao');
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
