import { isDateOrEmpty } from '../../../../contracts/calendar';
import type { TFileRef } from '../../../../contracts/files';
import {
  OUTGOING_LIMITS,
  type SIGNER_PREFIXES,
  type TOutgoingCreate,
  type TOutgoingDetail,
  type TOutgoingFormOptions,
  type TOutgoingUpdate,
  type TRecipientInput,
} from '../../../../contracts/outgoing';
import { normalizeText } from '../../../../contracts/text';

/** An outside organ on the draft: name, and the email it is sent to (optional). */
export interface OrganRecipient {
  /** Local key for the list (not sent). */
  key: string;
  name: string;
  email: string;
}

/** What the draft form "Soạn văn bản đi" holds while the user types. */
export interface DraftValues {
  documentTypeId: string | null;
  subject: string;
  summary: string;
  draftingCode: string;
  pageCount: number | string;
  copies: number | string;
  confidentialityCode: string | null;
  urgencyCode: string | null;
  fieldId: string | null;
  dueDate: string;
  signerPrefix: (typeof SIGNER_PREFIXES)[number] | null;
  signerId: string | null;
  unitIds: string[];
  organs: OrganRecipient[];
  recipientsText: string;
  fileCopyTo: string;
  notes: string;
  infoUserIds: string[];
  files: TFileRef[];
}

let organKey = 0;
/** A fresh row of the outside organs list. */
export function newOrgan(name = '', email = ''): OrganRecipient {
  organKey += 1;
  return { key: `organ-${organKey}`, name, email };
}

/** An empty draft, starting from the drafting code and signer the user used last. */
export function emptyDraft(last: TOutgoingFormOptions['last'] = null): DraftValues {
  return {
    documentTypeId: null,
    subject: '',
    summary: '',
    draftingCode: last?.draftingCode ?? '',
    pageCount: '',
    copies: '',
    confidentialityCode: null,
    urgencyCode: null,
    fieldId: null,
    dueDate: '',
    signerPrefix: null,
    signerId: last?.signerId ?? null,
    unitIds: [],
    organs: [],
    recipientsText: '',
    fileCopyTo: '',
    notes: '',
    infoUserIds: [],
    files: [],
  };
}

/** The form's values for a document being edited (its pending recipients become the lists). */
export function draftFromDetail(doc: TOutgoingDetail): DraftValues {
  return {
    documentTypeId: doc.documentTypeId,
    subject: doc.subject,
    summary: doc.summary ?? '',
    draftingCode: doc.draftingCode ?? '',
    pageCount: doc.pageCount ?? '',
    copies: doc.copies ?? '',
    confidentialityCode: doc.confidentialityCode,
    urgencyCode: doc.urgencyCode,
    fieldId: doc.field?.id ?? null,
    dueDate: doc.dueDate ?? '',
    signerPrefix: (doc.signerPrefix as DraftValues['signerPrefix']) ?? null,
    signerId: doc.signerId,
    unitIds: doc.deliveries.filter((d) => d.kind === 'unit' && d.unitId).map((d) => d.unitId as string),
    organs: doc.deliveries.filter((d) => d.kind === 'organ').map((d) => newOrgan(d.name, d.email ?? '')),
    recipientsText: doc.recipientsText ?? '',
    fileCopyTo: doc.fileCopyTo ?? '',
    notes: doc.notes ?? '',
    infoUserIds: doc.infoUsers.map((p) => p.id),
    files: doc.files,
  };
}

const orNull = (value: string) => {
  const v = normalizeText(value);
  return v === '' ? null : v;
};
const intOrNull = (value: number | string) => (typeof value === 'number' ? value : null);

/** Recipients as the server takes them: the units, then the outside organs with a name. */
export function recipientsOf(v: Pick<DraftValues, 'unitIds' | 'organs'>): TRecipientInput[] {
  return [
    ...v.unitIds.map((unitId) => ({ kind: 'unit' as const, unitId })),
    ...v.organs
      .filter((o) => normalizeText(o.name) !== '')
      .map((o) => ({ kind: 'organ' as const, name: normalizeText(o.name), email: o.email.trim() || null })),
  ];
}

function fieldsOf(v: DraftValues) {
  return {
    documentTypeId: v.documentTypeId ?? '',
    subject: normalizeText(v.subject),
    summary: orNull(v.summary),
    draftingCode: orNull(v.draftingCode),
    pageCount: intOrNull(v.pageCount),
    copies: intOrNull(v.copies),
    confidentialityCode: v.confidentialityCode,
    urgencyCode: v.urgencyCode,
    fieldId: v.fieldId,
    dueDate: v.dueDate || null,
    signerPrefix: v.signerPrefix,
    signerId: v.signerId,
    recipientsText: orNull(v.recipientsText),
    fileCopyTo: orNull(v.fileCopyTo),
    notes: orNull(v.notes),
    recipients: recipientsOf(v),
    infoUserIds: v.infoUserIds,
  };
}

/** The body of POST /api/outgoing (files become version 1). */
export function toCreateBody(v: DraftValues, replyToIncomingId: string | null): TOutgoingCreate {
  return { ...fieldsOf(v), fileIds: v.files.map((f) => f.id), replyToIncomingId };
}

/** The body of PATCH /api/outgoing/:id (files change through a new version, not here). */
export function toUpdateBody(v: DraftValues): TOutgoingUpdate {
  return fieldsOf(v);
}

/** Drafting code as the user types it: upper case, no spaces (TCCB). */
export function typedDraftingCode(value: string): string {
  return value.toLocaleUpperCase('vi').replace(/\s+/g, '');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Errors of the draft before sending; values are i18n keys under `draft.errors`. */
export function validateDraft(
  v: DraftValues,
  opts: { needSigner: boolean; needFiles?: boolean },
): Partial<Record<keyof DraftValues | `organs.${number}.${'name' | 'email'}`, string>> {
  const errors: Partial<Record<string, string>> = {};
  if (!v.documentTypeId) errors.documentTypeId = 'typeRequired';
  const subject = normalizeText(v.subject);
  if (!subject) errors.subject = 'subjectRequired';
  else if (subject.length > OUTGOING_LIMITS.subject) errors.subject = 'tooLong';
  if (normalizeText(v.summary).length > OUTGOING_LIMITS.summary) errors.summary = 'tooLong';
  if (v.draftingCode.length > OUTGOING_LIMITS.draftingCode) errors.draftingCode = 'tooLong';
  if (!isDateOrEmpty(v.dueDate)) errors.dueDate = 'dateInvalid';
  for (const key of ['pageCount', 'copies'] as const) {
    const n = v[key];
    if (n !== '' && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) errors[key] = 'positive';
  }
  v.organs.forEach((o, i) => {
    const email = o.email.trim();
    if (!normalizeText(o.name) && email) errors[`organs.${i}.name`] = 'organName';
    if (email && !EMAIL.test(email)) errors[`organs.${i}.email`] = 'email';
  });
  if (normalizeText(v.recipientsText).length > OUTGOING_LIMITS.recipientsText) errors.recipientsText = 'tooLong';
  if (normalizeText(v.notes).length > OUTGOING_LIMITS.notes) errors.notes = 'tooLong';
  if (opts.needSigner && !v.signerId) errors.signerId = 'signerRequired';
  if (opts.needFiles && v.files.length === 0) errors.files = 'filesRequired';
  return errors as ReturnType<typeof validateDraft>;
}

/** True when the unit has an approval flow for this type (or one for every type): no signer needs choosing. */
export function hasFlowFor(options: Pick<TOutgoingFormOptions, 'flowTypeIds'>, typeId: string | null): boolean {
  return options.flowTypeIds.includes(null) || (typeId !== null && options.flowTypeIds.includes(typeId));
}

/**
 * "Nơi nhận" as ND30 prints it at the foot of a document, from the chosen recipients:
 * "- Trường Tiểu học An Minh;\n- …;\n- Lưu: VT.". This is text of the document itself, which
 * is always Vietnamese (ND30 Phụ lục I), whatever language the screen shows.
 */
export function recipientsTextOf(names: string[], fileCopyTo: string): string {
  const lines = names.map((n) => `- ${n};`);
  const copy = normalizeText(fileCopyTo);
  lines.push(`- Lưu: ${copy || 'VT'}.`);
  return lines.join('\n');
}

/** The form field a server error names (`body.recipients.2.email` → organs, `body.subject` → subject). */
export function fieldOfServerPath(path: string): keyof DraftValues | null {
  const parts = path.replace(/^body\./, '').split('.');
  switch (parts[0]) {
    case 'fileIds':
      return 'files';
    case 'recipients':
      return 'unitIds';
    case 'documentTypeId':
    case 'subject':
    case 'summary':
    case 'draftingCode':
    case 'pageCount':
    case 'copies':
    case 'confidentialityCode':
    case 'urgencyCode':
    case 'fieldId':
    case 'dueDate':
    case 'signerPrefix':
    case 'signerId':
    case 'recipientsText':
    case 'fileCopyTo':
    case 'notes':
    case 'infoUserIds':
      return parts[0];
    default:
      return null;
  }
}
