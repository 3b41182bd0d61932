import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';

/** Form fields the server may name in an error (without the `body.` prefix). */
const FIELD_MESSAGES: Record<string, string> = {
  username: 'form.errors.usernameFormat',
  fullName: 'form.errors.fullNameRequired',
  unitId: 'form.errors.unitInvalid',
  jobTitleId: 'form.errors.jobTitleInvalid',
  email: 'form.errors.emailFormat',
  phone: 'form.errors.phoneFormat',
};

/**
 * Turns a server error into messages under the fields it names; returns the message for the
 * whole form when the error names no known field (forbidden, network, …), else null.
 */
export function applyServerError(
  t: TFunction,
  error: unknown,
  setFieldError: (field: string, message: string) => void,
  fields: readonly string[],
): string | null {
  if (!(error instanceof ApiError) || error.code === 'FORBIDDEN') return errorMessage(t, error);
  let placed = false;
  for (const f of error.fields) {
    const name = f.path.replace(/^body\./, '');
    const root = name.split('.')[0];
    if (!fields.includes(root)) continue;
    placed = true;
    if (error.code === 'DUPLICATE' && root === 'username')
      setFieldError(root, t('adminUsers:form.errors.usernameTaken'));
    else if (root === 'groups') setFieldError(root, t('adminUsers:form.errors.groupInvalid'));
    else setFieldError(root, t(`adminUsers:${FIELD_MESSAGES[root] ?? 'form.errors.invalid'}`));
  }
  return placed ? null : errorMessage(t, error);
}
