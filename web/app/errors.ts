import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api';

/** Translated, user-facing message of any error: `errors:<CODE>`, falling back to the server's message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return t(`errors:${error.code}`, { defaultValue: error.message || t('errors:UNKNOWN') });
  }
  if (error instanceof NetworkError) return t('errors:NETWORK');
  return t('errors:UNKNOWN');
}
