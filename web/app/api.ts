import { DELEGATION_INVALID, ON_BEHALF_HEADER } from '../../contracts/account';
import type { TErrorBody } from '../../contracts/errors';
import { dropInvalidActingFor, getActingFor } from './acting-for';

/** A failed API call: HTTP status plus the stable error code and details of the server's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: { path: string; message: string }[];
  readonly details: Record<string, unknown>;

  constructor(status: number, body: Partial<TErrorBody['error']>) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? (status >= 500 ? 'INTERNAL' : 'UNKNOWN');
    this.fields = body.fields ?? [];
    this.details = body.details ?? {};
  }
}

/** Raised when the server could not be reached at all (offline, proxy down). */
export class NetworkError extends Error {
  readonly code = 'NETWORK';
}

/** Hooks the app installs so the API layer can redirect without importing the router. */
export interface ApiHandlers {
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
}

let handlers: ApiHandlers = { onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} };

/** Installs the redirect handlers for 401 and 403 PASSWORD_CHANGE_REQUIRED answers. */
export function configureApi(next: ApiHandlers): void {
  handlers = next;
}

/** Options of one API call. */
export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Do not treat a 401 as an ended session (sign-in, and the "who am I" probe). */
  allowUnauthenticated?: boolean;
}

function buildUrl(path: string, query?: ApiOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<TErrorBody>;
    return new ApiError(res.status, body.error ?? {});
  } catch {
    return new ApiError(res.status, {});
  }
}

/**
 * Calls the JSON API of the same origin with the session cookie. Resolves with the parsed body;
 * rejects with ApiError (server answered with an error) or NetworkError.
 */
export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, allowUnauthenticated = false } = options;
  const headers: Record<string, string> =
    body === undefined
      ? { Accept: 'application/json' }
      : { 'Content-Type': 'application/json', Accept: 'application/json' };
  // Working for a delegator (ủy quyền): every request says so; the server checks it each time.
  const actingFor = getActingFor();
  if (actingFor) headers[ON_BEHALF_HEADER] = actingFor.userId;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      signal,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new NetworkError('Network request failed', { cause });
  }
  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && !allowUnauthenticated) handlers.onUnauthenticated();
    if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired();
    // The delegation ended or was revoked while this tab worked under it.
    if (res.status === 403 && actingFor && error.details.reason === DELEGATION_INVALID) dropInvalidActingFor();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** True when the error is an ApiError with one of these codes. */
export function hasErrorCode(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && codes.includes(error.code);
}
