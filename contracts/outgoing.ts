import { z } from 'zod';
import { ZFileRef } from './files';
import { normalizeCodeNotation, ZPersonRef } from './incoming';
import { zOptionalText, zText } from './text';

/**
 * Contracts of "Quản lý, phát hành công văn đi" (Điều 3.1b, Điều 4.3; ND30 Điều 10–18): drafts
 * and their versions, the approval path designed per unit and type, issuing with the unit's
 * register number and code notation, sending to units inside the system and to outside organs
 * (email, edXML), receipt statuses (hồi báo), recall and replacement, boxes and search.
 */

export const OUTGOING_LIMITS = {
  subject: 500,
  summary: 5000,
  draftingCode: 20,
  signer: 120,
  recipientsText: 2000,
  notes: 2000,
  comment: 2000,
  reason: 500,
  organName: 300,
  email: 200,
  pageCount: 10_000,
  copies: 10_000,
  files: 20,
  recipients: 200,
  infoUsers: 100,
  flowSteps: 10,
  approvers: 20,
} as const;

/**
 * - draft: being written by its drafter;
 * - in_review: on the approval path (`currentStep`);
 * - returned: sent back to the drafter with comments (re-submitted from the first step);
 * - signed: the last step (the signer) approved; waiting for the clerk to issue it;
 * - issued: numbered, registered, files frozen; sent to its recipients;
 * - recalled: issued, then recalled by the sender;
 * - cancelled: abandoned before it was issued (kept).
 */
export const OUTGOING_STATUSES = [
  'draft',
  'in_review',
  'returned',
  'signed',
  'issued',
  'recalled',
  'cancelled',
] as const;
export type TOutgoingStatus = (typeof OUTGOING_STATUSES)[number];

/** Signing authority prefixes (ND30 Phụ lục I). */
export const SIGNER_PREFIXES = ['TM.', 'Q.', 'KT.', 'TL.', 'TUQ.'] as const;

/**
 * Receipt status of one recipient (hồi báo), with its QCVN 102:2016 code: pending (not sent
 * yet), arrived 01, refused 02, registered 03, assigned 04, in_progress 05, done 06,
 * recalled 13 (the sender recalled it; the recipient's clerk confirms: 15).
 */
export const DELIVERY_STATUSES = [
  'pending',
  'arrived',
  'refused',
  'registered',
  'assigned',
  'in_progress',
  'done',
  'recalled',
] as const;
export type TDeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_CODES: Record<Exclude<TDeliveryStatus, 'pending'>, string> = {
  arrived: '01',
  refused: '02',
  registered: '03',
  assigned: '04',
  in_progress: '05',
  done: '06',
  recalled: '13',
};
/** Order of progress: a delivery's status never goes back (except refused / recalled, which end it). */
export const DELIVERY_PROGRESS: Record<TDeliveryStatus, number> = {
  pending: 0,
  arrived: 1,
  registered: 2,
  assigned: 3,
  in_progress: 4,
  done: 5,
  refused: 6,
  recalled: 7,
};

/** Trail actions of an outgoing document. */
export const OUTGOING_ACTIONS = [
  'draft',
  'update',
  'version',
  'submit',
  'approve',
  'return',
  'sign',
  'cancel',
  'issue',
  'send',
  'recall',
  'replace',
] as const;
export type TOutgoingAction = (typeof OUTGOING_ACTIONS)[number];

/**
 * Work boxes: my drafts (draft + returned), waiting for my review, signed and waiting for the
 * clerk to issue, issued by the unit, sent to me for information (unread first — the badge
 * counts unread), and issued documents with recipients that have not registered them after N days.
 */
export const OUTGOING_BOXES = ['drafts', 'review', 'toIssue', 'issued', 'info', 'tracking'] as const;
export type TOutgoingBox = (typeof OUTGOING_BOXES)[number];

export const OUTGOING_SORTS = ['issuedAt', 'codeNumber', 'issuedDate', 'subject', 'updatedAt'] as const;
export type TOutgoingSort = (typeof OUTGOING_SORTS)[number];

const isoDate = z.iso.date();
const uuid = z.string().uuid();

/** Numbers below 10 are written zero-padded (ND30): 5 → "05". */
export function formatOutgoingNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Code notation of an outgoing document (ND30 Phụ lục I): type abbreviation + organ
 * abbreviation (+ drafting unit), joined by `-`: `QĐ-PGDĐT`; a Công văn has no type
 * abbreviation: `PGDĐT-TCCB`.
 */
export function outgoingNotation(typeAbbreviation: string | null, unitShortName: string, draftingCode: string | null) {
  const parts = [typeAbbreviation, unitShortName, draftingCode]
    .map((p) => normalizeCodeNotation(p ?? ''))
    .filter((p) => p !== '');
  return parts.join('-');
}

// ── Recipients ───────────────────────────────────────────────────────────────

/** A recipient: a unit inside the system, or an outside organ reached by email / edXML. */
export const ZRecipientInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitId: uuid }).strict(),
  z
    .object({
      kind: z.literal('organ'),
      name: zText(OUTGOING_LIMITS.organName).pipe(z.string().min(1)),
      email: z
        .string()
        .trim()
        .max(OUTGOING_LIMITS.email)
        .transform((v) => (v === '' ? null : v))
        .pipe(z.string().email().nullable())
        .nullable()
        .optional(),
    })
    .strict(),
]);
export type TRecipientInput = z.input<typeof ZRecipientInput>;

// ── Drafts ───────────────────────────────────────────────────────────────────

const draftFields = {
  documentTypeId: uuid,
  subject: zText(OUTGOING_LIMITS.subject).pipe(z.string().min(1)),
  summary: zOptionalText(OUTGOING_LIMITS.summary),
  draftingCode: z
    .string()
    .transform(normalizeCodeNotation)
    .pipe(z.string().max(OUTGOING_LIMITS.draftingCode))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  pageCount: z.number().int().min(1).max(OUTGOING_LIMITS.pageCount).nullable().optional(),
  copies: z.number().int().min(1).max(OUTGOING_LIMITS.copies).nullable().optional(),
  confidentialityCode: z.string().max(40).nullable().optional(),
  urgencyCode: z.string().max(40).nullable().optional(),
  fieldId: uuid.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  signerPrefix: z.enum(SIGNER_PREFIXES).nullable().optional(),
  /** The person who will sign (a leader of the unit); with no approval flow, the draft goes to them. */
  signerId: uuid.nullable().optional(),
  recipientsText: zOptionalText(OUTGOING_LIMITS.recipientsText),
  fileCopyTo: zOptionalText(OUTGOING_LIMITS.recipientsText),
  notes: zOptionalText(OUTGOING_LIMITS.notes),
  recipients: z.array(ZRecipientInput).max(OUTGOING_LIMITS.recipients).default([]),
  /** People inside the unit who receive the issued document for information. */
  infoUserIds: z.array(uuid).max(OUTGOING_LIMITS.infoUsers).default([]),
};

/** POST /api/outgoing: a new draft; `fileIds` become version 1. */
export const ZOutgoingCreate = z
  .object({
    ...draftFields,
    fileIds: z.array(uuid).max(OUTGOING_LIMITS.files).default([]),
    /** Drafted as the reply to this incoming document (linked; issuing it closes the drafter's part). */
    replyToIncomingId: uuid.nullable().optional(),
  })
  .strict();
export type TOutgoingCreate = z.input<typeof ZOutgoingCreate>;

/** PATCH /api/outgoing/:id: the drafter while draft/returned, the clerk before issuing. */
export const ZOutgoingUpdate = z
  .object({
    ...draftFields,
    recipients: z.array(ZRecipientInput).max(OUTGOING_LIMITS.recipients),
    infoUserIds: z.array(uuid).max(OUTGOING_LIMITS.infoUsers),
  })
  .partial()
  .strict();
export type TOutgoingUpdate = z.input<typeof ZOutgoingUpdate>;

/** POST /api/outgoing/:id/versions: a new version of the files (drafter, or the reviewer at their step). */
export const ZVersionCreate = z
  .object({
    fileIds: z.array(uuid).min(1).max(OUTGOING_LIMITS.files),
    note: zOptionalText(OUTGOING_LIMITS.comment),
  })
  .strict();
export type TVersionCreate = z.input<typeof ZVersionCreate>;

/** POST /api/outgoing/:id/submit: on the unit's flow for the type, or to the chosen signer when there is none. */
export const ZSubmit = z
  .object({
    signerId: uuid.nullable().optional(),
    comment: zOptionalText(OUTGOING_LIMITS.comment),
  })
  .strict();
export type TSubmit = z.input<typeof ZSubmit>;

/** POST approve: optional comment. */
export const ZApprove = z.object({ comment: zOptionalText(OUTGOING_LIMITS.comment) }).strict();
export type TApprove = z.input<typeof ZApprove>;

/** POST return / cancel / recall: a reason is required. */
export const ZOutgoingReason = z.object({ reason: zText(OUTGOING_LIMITS.reason).pipe(z.string().min(1)) }).strict();
export type TOutgoingReason = z.input<typeof ZOutgoingReason>;

/**
 * POST /api/outgoing/:id/issue (phát hành): the clerk numbers and registers a signed draft —
 * or registers directly a document signed on paper (a draft with signerName). `send` sends it
 * to its recipients at once.
 */
export const ZIssue = z
  .object({
    issuedDate: isoDate.optional(),
    signerName: zOptionalText(OUTGOING_LIMITS.signer),
    signerPosition: zOptionalText(OUTGOING_LIMITS.signer),
    pageCount: z.number().int().min(1).max(OUTGOING_LIMITS.pageCount).nullable().optional(),
    copies: z.number().int().min(1).max(OUTGOING_LIMITS.copies).nullable().optional(),
    /** The final files (a new last version) when the signed files differ from the draft's. */
    fileIds: z.array(uuid).max(OUTGOING_LIMITS.files).optional(),
    send: z.boolean().default(true),
  })
  .strict();
export type TIssue = z.input<typeof ZIssue>;

// ── Approval flows (thiết kế luồng công việc) ─────────────────────────────────

export const ZFlowApprover = z.object({ kind: z.enum(['user', 'jobTitle', 'group']), refId: uuid }).strict();
export const ZFlowStep = z
  .object({
    label: zText(100).pipe(z.string().min(1)),
    approvers: z.array(ZFlowApprover).min(1).max(OUTGOING_LIMITS.approvers),
    /** all: every approver must approve (co-signing, in parallel); any: one is enough. */
    mode: z.enum(['all', 'any']).default('any'),
  })
  .strict();
export type TFlowStepInput = z.input<typeof ZFlowStep>;
export const ZFlowInput = z
  .object({
    unitId: uuid,
    /** null: every type without a flow of its own. */
    documentTypeId: uuid.nullable(),
    name: zText(200).pipe(z.string().min(1)),
    steps: z.array(ZFlowStep).min(1).max(OUTGOING_LIMITS.flowSteps),
  })
  .strict();
export type TFlowInput = z.input<typeof ZFlowInput>;

export const ZFlow = z.object({
  id: uuid,
  unitId: uuid,
  unitName: z.string(),
  documentTypeId: uuid.nullable(),
  documentTypeName: z.string().nullable(),
  name: z.string(),
  active: z.boolean(),
  steps: z.array(
    z.object({
      label: z.string(),
      mode: z.enum(['all', 'any']),
      approvers: z.array(z.object({ kind: z.enum(['user', 'jobTitle', 'group']), refId: uuid, name: z.string() })),
    }),
  ),
  updatedAt: z.string(),
});
export type TFlow = z.infer<typeof ZFlow>;
export const ZFlowList = z.array(ZFlow);
export const ZFlowQuery = z.object({ unitId: uuid.optional() });

// ── Reading ──────────────────────────────────────────────────────────────────

export const ZOutgoingAbilities = z.object({
  update: z.boolean(),
  addVersion: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  cancel: z.boolean(),
  issue: z.boolean(),
  send: z.boolean(),
  recall: z.boolean(),
  replace: z.boolean(),
  /** Submitting needs a signer chosen (the unit has no flow for the type). */
  submitNeedsSigner: z.boolean(),
});
export type TOutgoingAbilities = z.infer<typeof ZOutgoingAbilities>;

const level = z.object({ code: z.string(), name: z.string(), rank: z.number().int() }).nullable();

/** A row of every outgoing list. */
export const ZOutgoingRow = z.object({
  id: uuid,
  status: z.enum(OUTGOING_STATUSES),
  documentType: z.string(),
  /** `15/QĐ-PGDĐT` once issued, else null. */
  code: z.string().nullable(),
  codeNumber: z.number().int().nullable(),
  year: z.number().int().nullable(),
  issuedDate: z.string().nullable(),
  subject: z.string(),
  confidentiality: level,
  urgency: level,
  unitName: z.string(),
  drafter: z.string(),
  signer: z.string().nullable(),
  updatedAt: z.string(),
  /** Name of the current approval step while in review. */
  stepLabel: z.string().nullable(),
  /** Deliveries: how many, and how many recipients registered it (or further). */
  recipientCount: z.number().int(),
  registeredCount: z.number().int(),
  /** Not yet opened by this user (sent to them for information). */
  unread: z.boolean(),
  fileCount: z.number().int(),
});
export type TOutgoingRow = z.infer<typeof ZOutgoingRow>;

export const ZDeliveryEvent = z.object({
  status: z.enum(DELIVERY_STATUSES),
  code: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type TDeliveryEvent = z.infer<typeof ZDeliveryEvent>;

export const ZDelivery = z.object({
  id: uuid,
  kind: z.enum(['unit', 'organ']),
  unitId: uuid.nullable(),
  name: z.string(),
  email: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  statusAt: z.string().nullable(),
  statusNote: z.string().nullable(),
  sentAt: z.string().nullable(),
  recallState: z.enum(['requested', 'accepted']).nullable(),
  events: z.array(ZDeliveryEvent),
});
export type TDelivery = z.infer<typeof ZDelivery>;

export const ZVersion = z.object({
  number: z.number().int(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  files: z.array(ZFileRef),
});
export type TVersion = z.infer<typeof ZVersion>;

/** One reviewer's part in the current (or last) round. */
export const ZReview = z.object({
  stepIndex: z.number().int(),
  stepLabel: z.string(),
  person: ZPersonRef,
  state: z.enum(['pending', 'approved', 'returned', 'skipped']),
  comment: z.string().nullable(),
  actedAt: z.string().nullable(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZOutgoingTrailStep = z.object({
  id: uuid,
  at: z.string(),
  action: z.enum(OUTGOING_ACTIONS),
  actor: z.string(),
  onBehalfOf: z.string().nullable(),
  comment: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type TOutgoingTrailStep = z.infer<typeof ZOutgoingTrailStep>;

const docRef = z.object({ id: uuid, code: z.string().nullable(), subject: z.string() }).nullable();

export const ZOutgoingDetail = ZOutgoingRow.extend({
  unitId: uuid,
  documentTypeId: uuid,
  summary: z.string().nullable(),
  draftingCode: z.string().nullable(),
  codeNotation: z.string().nullable(),
  registerName: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  copies: z.number().int().nullable(),
  confidentialityCode: z.string().nullable(),
  urgencyCode: z.string().nullable(),
  field: z.object({ id: uuid, name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  signerPrefix: z.string().nullable(),
  signerId: uuid.nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  recipientsText: z.string().nullable(),
  fileCopyTo: z.string().nullable(),
  notes: z.string().nullable(),
  drafterId: uuid,
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  recalledAt: z.string().nullable(),
  recallReason: z.string().nullable(),
  /** Index and count of the approval steps of the current round. */
  currentStep: z.number().int(),
  steps: z.array(z.object({ label: z.string(), mode: z.enum(['all', 'any']) })),
  versions: z.array(ZVersion),
  /** Files of the last version (the frozen final files once issued). */
  files: z.array(ZFileRef),
  reviews: z.array(ZReview),
  trail: z.array(ZOutgoingTrailStep),
  deliveries: z.array(ZDelivery),
  infoUsers: z.array(ZPersonRef.extend({ seenAt: z.string().nullable() })),
  replaces: docRef,
  replacedBy: docRef,
  replyToIncoming: docRef,
  abilities: ZOutgoingAbilities,
});
export type TOutgoingDetail = z.infer<typeof ZOutgoingDetail>;

export const ZOutgoingIdParams = z.object({ id: uuid });
export const ZOutgoingFileParams = z.object({ id: uuid, fileId: uuid });

/** GET /api/outgoing/form: what the draft and issue forms need. */
export const ZOutgoingFormOptions = z.object({
  unitId: uuid,
  unitName: z.string(),
  unitShortName: z.string(),
  year: z.number().int(),
  nextNumber: z.number().int(),
  nextSecretNumber: z.number().int(),
  /** Document types with an approval flow in this unit (null: a default flow for every type). */
  flowTypeIds: z.array(uuid.nullable()),
  /** The drafting code and signer this user used last. */
  last: z.object({ draftingCode: z.string().nullable(), signerId: uuid.nullable() }).nullable(),
  maxFileMb: z.number().int(),
  allowedTypes: z.array(z.string()),
});
export type TOutgoingFormOptions = z.infer<typeof ZOutgoingFormOptions>;

/** GET /api/outgoing/box/:box */
export const ZOutgoingBoxParams = z.object({ box: z.enum(OUTGOING_BOXES) });
export const ZOutgoingBoxQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
  /** tracking box: recipients that have not registered after this many days. */
  days: z.coerce.number().int().min(0).max(365).default(3),
});
export const ZOutgoingBoxCounts = z.object(
  Object.fromEntries(OUTGOING_BOXES.map((b) => [b, z.number().int()])) as Record<TOutgoingBox, z.ZodNumber>,
);
export type TOutgoingBoxCounts = z.infer<typeof ZOutgoingBoxCounts>;

/** GET /api/outgoing: Tìm văn bản đi (issued documents, and the drafts the user may see). */
export const ZOutgoingSearch = z.object({
  q: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  codeNumber: z.coerce.number().int().min(1).max(10_000_000).optional(),
  code: z.string().trim().max(60).optional(),
  documentTypeId: uuid.optional(),
  fieldId: uuid.optional(),
  urgencyCode: z.string().max(40).optional(),
  confidentialityCode: z.string().max(40).optional(),
  status: z.enum(OUTGOING_STATUSES).optional(),
  signerId: uuid.optional(),
  unitId: uuid.optional(),
  sort: z.enum(OUTGOING_SORTS).default('issuedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TOutgoingSearch = z.input<typeof ZOutgoingSearch>;
export type TOutgoingSearchParsed = z.output<typeof ZOutgoingSearch>;

export const ZOutgoingPage = z.object({
  items: z.array(ZOutgoingRow),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TOutgoingPage = z.infer<typeof ZOutgoingPage>;

// ── Exchange: the recipient unit's side ────────────────────────────────────────

/** A document another unit sent to this unit, waiting for the clerk (Văn bản điện tử đến). */
export const ZInboxItem = z.object({
  deliveryId: uuid,
  outgoingId: uuid,
  senderUnit: z.string(),
  code: z.string(),
  issuedDate: z.string().nullable(),
  documentType: z.string(),
  documentTypeId: uuid,
  subject: z.string(),
  signer: z.string().nullable(),
  urgency: level,
  confidentiality: level,
  sentAt: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  /** replace: it replaces an earlier document. */
  business: z.enum(['new', 'replace']),
  /** The sender recalled it: the clerk confirms. */
  recallState: z.enum(['requested', 'accepted']).nullable(),
  recallReason: z.string().nullable(),
  /** The incoming document registered from it, once registered. */
  incomingId: uuid.nullable(),
  fileCount: z.number().int(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;
export const ZInboxList = z.array(ZInboxItem);

/** Everything needed to prefill "Nhập văn bản đến" from a delivery. */
export const ZInboxDetail = ZInboxItem.extend({
  pageCount: z.number().int().nullable(),
  codeNumber: z.string(),
  codeNotation: z.string().nullable(),
  dueDate: z.string().nullable(),
  confidentialityCode: z.string().nullable(),
  urgencyCode: z.string().nullable(),
  fieldId: uuid.nullable(),
  files: z.array(ZFileRef),
});
export type TInboxDetail = z.infer<typeof ZInboxDetail>;
export const ZDeliveryParams = z.object({ deliveryId: uuid });
export const ZDeliveryFileParams = z.object({ deliveryId: uuid, fileId: uuid });

/**
 * POST /api/exchange/edxml (multipart, field `file`): an edXML package from an outside organ,
 * read for the incoming entry form; its attachments are stored as the clerk's uploads.
 */
export const ZEdxmlImport = z.object({
  issuingOrganName: z.string(),
  organId: z.string(),
  codeNumber: z.string(),
  codeNotation: z.string(),
  issuedDate: z.string().nullable(),
  documentTypeName: z.string(),
  /** The catalog type with that name, if any. */
  documentTypeId: uuid.nullable(),
  subject: z.string(),
  signer: z.string(),
  dueDate: z.string().nullable(),
  /** The urgency catalog code of the package's priority (null: normal). */
  urgencyCode: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  /** 0 new, 1 recall, 2 update, 3 replace (QCVN 102 BussinessDocType). */
  business: z.number().int(),
  files: z.array(ZFileRef),
});
export type TEdxmlImport = z.infer<typeof ZEdxmlImport>;
