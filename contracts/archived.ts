import { z } from 'zod';
import { ZFileRef } from './files';
import { normalizeCodeNotation } from './incoming';
import { zOptionalText, zText } from './text';

/**
 * Contracts of "Văn bản lưu" (Điều 3.1d, Điều 4.1): documents that are neither incoming nor
 * outgoing but support the unit's work (laws, circulars, forms …) — entry with metadata and
 * files, search, "Hay dùng" (pinned and most opened). Shared by server and web.
 */

export const ARCHIVED_LIMITS = {
  codeNumber: 11,
  codeNotation: 30,
  subject: 500,
  signer: 120,
  organName: 300,
  notes: 2000,
  files: 20,
} as const;

/** "Hay dùng": how many of the most opened documents are listed besides the pinned ones. */
export const FREQUENT_LIMIT = 10;

const uuid = z.string().uuid();
const isoDate = z.iso.date();

const fields = {
  documentTypeId: uuid.nullable().optional(),
  codeNumber: zOptionalText(ARCHIVED_LIMITS.codeNumber),
  codeNotation: z
    .string()
    .transform(normalizeCodeNotation)
    .pipe(z.string().max(ARCHIVED_LIMITS.codeNotation))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  issuedDate: isoDate.nullable().optional(),
  issuingOrganName: zOptionalText(ARCHIVED_LIMITS.organName),
  signer: zOptionalText(ARCHIVED_LIMITS.signer),
  subject: zText(ARCHIVED_LIMITS.subject).pipe(z.string().min(1)),
  /** A field (lĩnh vực) of the catalog. */
  fieldId: uuid.nullable().optional(),
  notes: zOptionalText(ARCHIVED_LIMITS.notes),
  /** Units below this one see it too (a district's circulars for its schools). */
  shareWithSubunits: z.boolean().optional(),
};

/** POST /api/archived: a new archived document. Files are uploaded first (POST /api/files). */
export const ZArchivedCreate = z
  .object({ ...fields, fileIds: z.array(uuid).max(ARCHIVED_LIMITS.files).default([]) })
  .strict();
export type TArchivedCreate = z.input<typeof ZArchivedCreate>;

/** PATCH /api/archived/:id: corrects the metadata, adds uploads and removes attachments. */
export const ZArchivedUpdate = z
  .object({
    ...fields,
    subject: fields.subject.optional(),
    addFileIds: z.array(uuid).max(ARCHIVED_LIMITS.files).default([]),
    removeFileIds: z.array(uuid).max(ARCHIVED_LIMITS.files).default([]),
  })
  .strict();
export type TArchivedUpdate = z.input<typeof ZArchivedUpdate>;

export const ZArchivedIdParams = z.object({ id: uuid });
export const ZArchivedFileParams = z.object({ id: uuid, fileId: uuid });
export const ZPin = z.object({ pinned: z.boolean() }).strict();

export const ZArchivedRow = z.object({
  id: uuid,
  documentType: z.string().nullable(),
  /** "15/2026/TT-BGDĐT" from number and notation, or null. */
  code: z.string().nullable(),
  issuedDate: z.string().nullable(),
  issuingOrganName: z.string().nullable(),
  subject: z.string(),
  field: z.string().nullable(),
  unitName: z.string(),
  /** Entered by a unit above the user's and shared with its sub-units. */
  fromParent: z.boolean(),
  shareWithSubunits: z.boolean(),
  pinned: z.boolean(),
  openCount: z.number().int(),
  fileCount: z.number().int(),
  createdAt: z.string(),
});
export type TArchivedRow = z.infer<typeof ZArchivedRow>;

export const ZArchivedDetail = ZArchivedRow.extend({
  unitId: uuid,
  documentTypeId: uuid.nullable(),
  codeNumber: z.string().nullable(),
  codeNotation: z.string().nullable(),
  signer: z.string().nullable(),
  fieldId: uuid.nullable(),
  notes: z.string().nullable(),
  createdBy: z.string(),
  files: z.array(ZFileRef),
  /** edit and remove: archived.manage over the document's unit. */
  abilities: z.object({ edit: z.boolean(), remove: z.boolean() }),
});
export type TArchivedDetail = z.infer<typeof ZArchivedDetail>;

/** GET /api/archived: search (Tìm kiếm văn bản lưu), newest first. */
export const ZArchivedSearch = z.object({
  q: z.string().trim().max(200).optional(),
  documentTypeId: uuid.optional(),
  fieldId: uuid.optional(),
  /** Issued between these dates. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Number and/or notation, any part ("15/2026", "TT-BGDĐT"). */
  code: z.string().trim().max(60).optional(),
  /** Issuing organ, any part of its name without diacritics. */
  organ: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TArchivedSearch = z.input<typeof ZArchivedSearch>;
export type TArchivedSearchParsed = z.output<typeof ZArchivedSearch>;

export const ZArchivedPage = z.object({
  items: z.array(ZArchivedRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TArchivedPage = z.infer<typeof ZArchivedPage>;

/** GET /api/archived/frequent: "Hay dùng" — pinned by me, then the ones I open most. */
export const ZFrequent = z.object({ pinned: z.array(ZArchivedRow), mostOpened: z.array(ZArchivedRow) });
export type TFrequent = z.infer<typeof ZFrequent>;
