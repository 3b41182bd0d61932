import type { TFunction } from 'i18next';
import { hasErrorCode } from '../../app/api';
import { errorMessage } from '../../app/errors';

/** Message of a failed group change; the "last administrator" refusal gets its own wording. */
export function groupErrorMessage(t: TFunction, error: unknown): string {
  if (hasErrorCode(error, 'INVALID_STATE') && error.details.reason === 'lastAdministrator') {
    return t('adminAccess:groups.lastAdministrator');
  }
  return errorMessage(t, error);
}
