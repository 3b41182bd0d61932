import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';

/**
 * The form field a server error belongs to, with its message: a duplicate names the entry that
 * already exists; a refused value gets the field's own rule. Null for other errors.
 */
export function serverFieldError(t: TFunction, error: unknown): { field: string; message: string } | null {
  if (!(error instanceof ApiError)) return null;
  const field = error.fields[0]?.path.replace(/^body\./, '');
  if (!field) return null;
  if (error.code === 'DUPLICATE') {
    const existing = error.details.existing as { name?: string } | undefined;
    return { field, message: t('catalogs:form.duplicate', { name: existing?.name ?? '' }) };
  }
  return { field, message: t(`catalogs:form.invalid.${field}`, { defaultValue: t('errors:VALIDATION_FAILED') }) };
}

/**
 * What a catalog form does with a refused save: the message under the field it concerns, or a
 * red notification when it concerns no field of the form.
 */
export function showSaveError(
  t: TFunction,
  error: unknown,
  values: object,
  setFieldError: (field: string, message: string) => void,
): void {
  const fieldError = serverFieldError(t, error);
  if (fieldError && fieldError.field in values) setFieldError(fieldError.field, fieldError.message);
  else notifications.show({ color: 'red', message: errorMessage(t, error) });
}
