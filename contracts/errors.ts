import { z } from 'zod';

/** Stable error codes of the API. The web translates them with the `errors` i18n namespace. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'WRONG_CURRENT_PASSWORD',
  'WEAK_PASSWORD',
  'PASSWORD_REUSED',
  'CONFLICT',
  'DUPLICATE',
  'IN_USE',
  'INVALID_STATE',
  'IMPORT_INVALID',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_CONTENT_MISMATCH',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field that failed validation: `path` is dotted (`body.username`). */
export const ZFieldError = z.object({ path: z.string(), message: z.string() });

/** The one error body every failing request gets. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(ZFieldError).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;
