import { isDateOrEmpty } from '../../../../contracts/calendar';
import type { TFileRef } from '../../../../contracts/files';
import {
  formatArrivalNumber,
  INCOMING_LIMITS,
  type TIncomingCreate,
  type TIncomingFormOptions,
} from '../../../../contracts/incoming';
import { normalizeText } from '../../../../contracts/text';

/** What the entry form "Nhập văn bản đến" holds while the clerk types. */
export interface RegisterValues {
  /** Name typed or picked; `organId` is set only while it is exactly a catalog organ's name. */
  organName: string;
  organId: string | null;
  documentTypeId: string | null;
  codeNumber: string;
  codeNotation: string;
  issuedDate: string;
  signer: string;
  subject: string;
  pageCount: number | string;
  confidentialityCode: string | null;
  urgencyCode: string | null;
  fieldId: string | null;
  dueDate: string;
  recipientIds: string[];
  notes: string;
  files: TFileRef[];
}

/** An empty form, with the organ and type to start from (the last used, or kept by "Lưu và nhập tiếp"). */
export function emptyRegisterValues(
  keep: Partial<Pick<RegisterValues, 'organName' | 'organId' | 'documentTypeId'>> = {},
): RegisterValues {
  return {
    organName: keep.organName ?? '',
    organId: keep.organId ?? null,
    documentTypeId: keep.documentTypeId ?? null,
    codeNumber: '',
    codeNotation: '',
    issuedDate: '',
    signer: '',
    subject: '',
    pageCount: '',
    confidentialityCode: null,
    urgencyCode: null,
    fieldId: null,
    dueDate: '',
    recipientIds: [],
    notes: '',
    files: [],
  };
}

/** The organ and type the form starts with: those the clerk used last. */
export function prefillFromLast(last: TIncomingFormOptions['last']): RegisterValues {
  return emptyRegisterValues({
    organName: last?.issuingOrganName ?? '',
    organId: last?.issuingOrganId ?? null,
    documentTypeId: last?.documentTypeId ?? null,
  });
}

/** Ký hiệu as the clerk types it: upper case (QĐ-PGDĐT), nothing else changed under the cursor. */
export function typedNotation(value: string): string {
  return value.toLocaleUpperCase('vi');
}

const orNull = (value: string) => {
  const v = normalizeText(value);
  return v === '' ? null : v;
};

/** The body of POST /api/incoming: a catalog organ by id, or a new organ by name. */
export function toCreateBody(v: RegisterValues): TIncomingCreate {
  const organName = orNull(v.organName);
  return {
    ...(v.organId ? { issuingOrganId: v.organId } : { issuingOrganName: organName }),
    documentTypeId: v.documentTypeId ?? '',
    codeNumber: orNull(v.codeNumber),
    codeNotation: orNull(v.codeNotation),
    issuedDate: v.issuedDate || null,
    signer: orNull(v.signer),
    subject: normalizeText(v.subject),
    pageCount: typeof v.pageCount === 'number' ? v.pageCount : null,
    confidentialityCode: v.confidentialityCode,
    urgencyCode: v.urgencyCode,
    fieldId: v.fieldId,
    dueDate: v.dueDate || null,
    notes: orNull(v.notes),
    fileIds: v.files.map((f) => f.id),
    recipientIds: v.recipientIds,
  };
}

/** The form field a server error names (`body.issuingOrganName` → organName, `body.recipientIds.2` → recipientIds). */
export function fieldOfServerPath(path: string): keyof RegisterValues | null {
  const root = path.replace(/^body\./, '').split('.')[0];
  switch (root) {
    case 'issuingOrganId':
    case 'issuingOrganName':
      return 'organName';
    case 'fileIds':
      return 'files';
    case 'documentTypeId':
    case 'codeNumber':
    case 'codeNotation':
    case 'issuedDate':
    case 'signer':
    case 'subject':
    case 'pageCount':
    case 'confidentialityCode':
    case 'urgencyCode':
    case 'fieldId':
    case 'dueDate':
    case 'recipientIds':
    case 'notes':
      return root;
    default:
      return null;
  }
}

/** What must be checked before sending; the same limits as the server. Values are i18n keys under `register.errors`. */
export function validateRegister(v: RegisterValues, today: string): Partial<Record<keyof RegisterValues, string>> {
  const errors: Partial<Record<keyof RegisterValues, string>> = {};
  if (!normalizeText(v.organName)) errors.organName = 'organRequired';
  else if (normalizeText(v.organName).length > INCOMING_LIMITS.organName) errors.organName = 'tooLong';
  if (!v.documentTypeId) errors.documentTypeId = 'typeRequired';
  if (!normalizeText(v.subject)) errors.subject = 'subjectRequired';
  else if (normalizeText(v.subject).length > INCOMING_LIMITS.subject) errors.subject = 'tooLong';
  if (v.codeNumber.trim().length > INCOMING_LIMITS.codeNumber) errors.codeNumber = 'tooLong';
  if (v.codeNotation.trim().length > INCOMING_LIMITS.codeNotation) errors.codeNotation = 'tooLong';
  if (v.signer.trim().length > INCOMING_LIMITS.signer) errors.signer = 'tooLong';
  if (v.notes.trim().length > INCOMING_LIMITS.notes) errors.notes = 'tooLong';
  if (!isDateOrEmpty(v.issuedDate)) errors.issuedDate = 'dateInvalid';
  else if (v.issuedDate && v.issuedDate > today) errors.issuedDate = 'issuedInFuture';
  if (!isDateOrEmpty(v.dueDate)) errors.dueDate = 'dateInvalid';
  if (v.pageCount !== '' && (typeof v.pageCount !== 'number' || !Number.isInteger(v.pageCount) || v.pageCount < 1))
    errors.pageCount = 'pageCount';
  return errors;
}

/** The arrival number the next document will probably get ("06"), in the secret register for Mật and above. */
export function previewArrivalNumber(options: TIncomingFormOptions, secret: boolean): string {
  return formatArrivalNumber(secret ? options.nextSecretNumber : options.nextNumber);
}
