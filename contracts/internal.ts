import { z } from 'zod';
import { ZFileRef } from './files';
import { zOptionalText, zText } from './text';

/**
 * Contracts of "Văn bản nội bộ" (Điều 3.1c): tờ trình, đề nghị, đề án, thông báo … inside one
 * unit — entry with recipients of the unit, numbering per type when the unit wants it, the
 * received and created lists, search and view. Shared by server and web.
 */

export const INTERNAL_LIMITS = {
  subject: 500,
  content: 20_000,
  signer: 120,
  reason: 500,
  recipients: 200,
  files: 20,
} as const;

/** active, or cancelled with a reason (a cancelled document keeps its number). */
export const INTERNAL_STATUSES = ['active', 'cancelled'] as const;
export type TInternalStatus = (typeof INTERNAL_STATUSES)[number];

/** Lists: sent to me (Đã nhận), created by me (Đã tạo), everything I may see (search). */
export const INTERNAL_BOXES = ['received', 'created', 'all'] as const;
export type TInternalBox = (typeof INTERNAL_BOXES)[number];

const uuid = z.string().uuid();
const isoDate = z.iso.date();

/** Numbers below 10 are written zero-padded (ND30): 3 → "03". */
export function formatInternalNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Code notation of a numbered internal document: type abbreviation and the unit's short name
 * joined by `-` (`TTr-THAM`); a type without abbreviation (Công văn) has the unit only.
 */
export function internalNotation(abbreviation: string | null, unitShortName: string): string {
  return [abbreviation, unitShortName]
    .filter((p): p is string => Boolean(p))
    .map((p) => p.replace(/\s+/g, ''))
    .join('-');
}

/** "03/TTr-THAM", or null for a document the unit does not number. */
export function formatInternalCode(number: number | null, notation: string | null): string | null {
  if (number === null) return null;
  return notation ? `${formatInternalNumber(number)}/${notation}` : formatInternalNumber(number);
}

/** POST /api/internal: a new internal document. Files are uploaded first (POST /api/files). */
export const ZInternalCreate = z
  .object({
    documentTypeId: uuid,
    subject: zText(INTERNAL_LIMITS.subject).pipe(z.string().min(1)),
    content: zOptionalText(INTERNAL_LIMITS.content),
    /** Date of the document; today when left out. A numbered one must be dated this year. */
    issuedDate: isoDate.nullable().optional(),
    signer: zOptionalText(INTERNAL_LIMITS.signer),
    /** People of the actor's unit who receive it (the author is left out). */
    recipientIds: z.array(uuid).max(INTERNAL_LIMITS.recipients).default([]),
    fileIds: z.array(uuid).max(INTERNAL_LIMITS.files).default([]),
  })
  .strict();
export type TInternalCreate = z.input<typeof ZInternalCreate>;

export const ZInternalIdParams = z.object({ id: uuid });
export const ZInternalFileParams = z.object({ id: uuid, fileId: uuid });

/** Cancel with a reason (the document and its number stay). */
export const ZInternalCancel = z.object({ reason: zText(INTERNAL_LIMITS.reason).pipe(z.string().min(1)) }).strict();
export type TInternalCancel = z.input<typeof ZInternalCancel>;

/** A document type the unit numbers, with the number its next document gets this year. */
export const ZNumberedType = z.object({
  documentTypeId: uuid,
  name: z.string(),
  abbreviation: z.string().nullable(),
  /** Code notation its documents get (TTr-THAM). */
  notation: z.string(),
  /** The last number given this year (0 = none yet) and the next one (a preview). */
  lastNumber: z.number().int(),
  nextNumber: z.number().int(),
});
export type TNumberedType = z.infer<typeof ZNumberedType>;

/** GET /api/internal/numbering: the unit's numbered types. */
export const ZNumbering = z.object({
  unitName: z.string(),
  year: z.number().int(),
  items: z.array(ZNumberedType),
  /** The actor may add and remove numbered types (internal.numbering). */
  canManage: z.boolean(),
});
export type TNumbering = z.infer<typeof ZNumbering>;

/** POST /api/internal/numbering: number this type from now on. */
export const ZNumberingAdd = z.object({ documentTypeId: uuid }).strict();
export const ZNumberingParams = z.object({ documentTypeId: uuid });

/** GET /api/internal/form: what the entry form needs. */
export const ZInternalFormOptions = z.object({
  unitId: uuid,
  unitName: z.string(),
  unitShortName: z.string(),
  year: z.number().int(),
  today: z.string(),
  numbered: z.array(ZNumberedType),
});
export type TInternalFormOptions = z.infer<typeof ZInternalFormOptions>;

/** A row of the lists. */
export const ZInternalRow = z.object({
  id: uuid,
  documentTypeId: uuid,
  documentType: z.string(),
  /** "03/TTr-THAM" when the unit numbers the type, else null. */
  code: z.string().nullable(),
  number: z.number().int().nullable(),
  year: z.number().int(),
  issuedDate: z.string(),
  subject: z.string(),
  signer: z.string().nullable(),
  status: z.enum(INTERNAL_STATUSES),
  creatorId: uuid,
  creatorName: z.string(),
  unitName: z.string(),
  createdAt: z.string(),
  /** Sent to this user and not yet opened. */
  unread: z.boolean(),
  fileCount: z.number().int(),
  recipientCount: z.number().int(),
});
export type TInternalRow = z.infer<typeof ZInternalRow>;

export const ZInternalRecipient = z.object({
  id: uuid,
  fullName: z.string(),
  jobTitle: z.string().nullable(),
  seenAt: z.string().nullable(),
});

/** What this user may do with the document; the web shows buttons from it. */
export const ZInternalAbilities = z.object({ cancel: z.boolean() });

export const ZInternalDetail = ZInternalRow.extend({
  unitId: uuid,
  codeNotation: z.string().nullable(),
  content: z.string().nullable(),
  cancelReason: z.string().nullable(),
  files: z.array(ZFileRef),
  recipients: z.array(ZInternalRecipient),
  abilities: ZInternalAbilities,
});
export type TInternalDetail = z.infer<typeof ZInternalDetail>;

/** GET /api/internal: a list (box) with search filters, newest first. */
export const ZInternalSearch = z.object({
  box: z.enum(INTERNAL_BOXES).default('all'),
  q: z.string().trim().max(200).optional(),
  documentTypeId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The number (03 or 3); with a year filter it finds one document. */
  number: z.coerce.number().int().min(1).max(10_000_000).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  creatorId: uuid.optional(),
  status: z.enum(INTERNAL_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TInternalSearch = z.input<typeof ZInternalSearch>;
export type TInternalSearchParsed = z.output<typeof ZInternalSearch>;

export const ZInternalPage = z.object({
  items: z.array(ZInternalRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TInternalPage = z.infer<typeof ZInternalPage>;
