import { z } from 'zod';
import { ZFileRef } from './files';
import { normalizeText, zOptionalText, zText } from './text';

/**
 * Contracts of "Quản lý công văn đến" (Điều 3.1a, Điều 4.2; ND30 Điều 20–24): registering an
 * incoming document, classifying and forwarding it, the leader's direction, handling, opinions,
 * the trail, search and export. Shared by server and web.
 */

/** Field limits (ND30 Phụ lục VI; edXML Code: CodeNumber ≤ 11, CodeNotation ≤ 30, Subject ≤ 500). */
export const INCOMING_LIMITS = {
  codeNumber: 11,
  codeNotation: 30,
  subject: 500,
  signer: 120,
  organName: 300,
  notes: 2000,
  comment: 2000,
  reason: 500,
  result: 2000,
  pageCount: 10_000,
  files: 20,
  recipients: 50,
  handlers: 50,
} as const;

/**
 * Where a document is in its flow:
 * - new: registered, not yet presented or forwarded (the clerk's "Phân loại, chuyển tiếp" list);
 * - presented: waiting for a leader's direction;
 * - in_progress: directed, handlers at work (overdue is derived from due dates);
 * - done: the lead handler finished (or it was directed for information only);
 * - returned: sent back to its sender as wrongly addressed;
 * - cancelled: registered by mistake; keeps its arrival number.
 */
export const INCOMING_STATUSES = ['new', 'presented', 'in_progress', 'done', 'returned', 'cancelled'] as const;
export type TIncomingStatus = (typeof INCOMING_STATUSES)[number];

/** Status filter of the search, with `overdue` (in progress past its due date). */
export const INCOMING_STATUS_FILTERS = [
  'waiting',
  'in_progress',
  'overdue',
  'done',
  'new',
  'returned',
  'cancelled',
] as const;
export type TIncomingStatusFilter = (typeof INCOMING_STATUS_FILTERS)[number];

/** Roles on a document: a leader asked to direct it, the lead (chủ trì), co-handlers (phối hợp), for information (để biết). */
export const ASSIGNMENT_ROLES = ['director', 'lead', 'co', 'info'] as const;
export type TAssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
/** Roles a direction or re-assignment may give. */
export const HANDLER_ROLES = ['lead', 'co', 'info'] as const;
export type THandlerRole = (typeof HANDLER_ROLES)[number];

/**
 * State of one person's part:
 * - pending: given, not yet started (for a director: waiting for their direction);
 * - in_progress: the handler reported progress or gave an opinion;
 * - delegated: a unit head passed it on inside their unit (done when those people finish);
 * - done: finished (for a director: directed);
 * - forwarded: a leader passed the direction to another leader;
 * - withdrawn: taken back (document returned or cancelled).
 */
export const ASSIGNMENT_STATES = ['pending', 'in_progress', 'delegated', 'done', 'forwarded', 'withdrawn'] as const;
export type TAssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** Steps of the trail (who did what, when, on whose behalf). */
export const TRAIL_ACTIONS = [
  'register',
  'update',
  'present',
  'forward',
  'return',
  'direct',
  'forward-leader',
  'reassign',
  'opinion',
  'ask-opinion',
  'progress',
  'complete',
  'cancel',
] as const;
export type TTrailAction = (typeof TRAIL_ACTIONS)[number];

/** Work boxes: the lists a person works from (`unread`: given to me, not yet opened — the top-bar badge). */
export const INCOMING_BOXES = ['classify', 'direct', 'handle', 'info', 'opinions', 'unread', 'handled'] as const;
export type TIncomingBox = (typeof INCOMING_BOXES)[number];

/** Sortable columns of the search list. `priority` = open urgent documents first, then newest arrival. */
export const INCOMING_SORTS = [
  'priority',
  'arrivalAt',
  'arrivalNumber',
  'issuedDate',
  'dueDate',
  'issuingOrgan',
  'subject',
] as const;
export type TIncomingSort = (typeof INCOMING_SORTS)[number];

const isoDate = z.iso.date();
const uuid = z.string().uuid();

/** Code notation as ND30 writes it: upper case, parts joined by `-`, no spaces (QĐ-PGDĐT, KH-SGDĐT). */
export function normalizeCodeNotation(value: string): string {
  return normalizeText(value)
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Key of "số, ký hiệu" used to find duplicates and to search by code: `602/QĐ-PGDĐT` upper case, no spaces. */
export function codeKey(codeNumber: string | null | undefined, codeNotation: string | null | undefined): string | null {
  const n = (codeNumber ?? '').trim().replace(/^0+(?=\d)/, '');
  const k = normalizeCodeNotation(codeNotation ?? '');
  if (!n && !k) return null;
  return `${n}/${k}`.toUpperCase();
}

/** Arrival numbers below 10 are written zero-padded (ND30): 5 → "05". */
export function formatArrivalNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "602/QĐ-PGDĐT" from the two parts (either may be missing). */
export function formatCode(codeNumber: string | null, codeNotation: string | null): string {
  if (codeNumber && codeNotation) return `${codeNumber}/${codeNotation}`;
  return codeNumber ?? codeNotation ?? '';
}

// ── Register (Nhập văn bản đến) ───────────────────────────────────────────────

const documentFields = {
  /** An organ of the catalog, or a new name (added to the catalog on save). One of the two. */
  issuingOrganId: uuid.nullable().optional(),
  issuingOrganName: zOptionalText(INCOMING_LIMITS.organName),
  documentTypeId: uuid,
  codeNumber: zOptionalText(INCOMING_LIMITS.codeNumber),
  codeNotation: z
    .string()
    .transform(normalizeCodeNotation)
    .pipe(z.string().max(INCOMING_LIMITS.codeNotation))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  issuedDate: isoDate.nullable().optional(),
  signer: zOptionalText(INCOMING_LIMITS.signer),
  subject: zText(INCOMING_LIMITS.subject).pipe(z.string().min(1)),
  pageCount: z.number().int().min(1).max(INCOMING_LIMITS.pageCount).nullable().optional(),
  /** Catalog codes (catalog_entries.code); null = Thường. */
  confidentialityCode: z.string().max(40).nullable().optional(),
  urgencyCode: z.string().max(40).nullable().optional(),
  fieldId: uuid.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  notes: zOptionalText(INCOMING_LIMITS.notes),
};

/** POST /api/incoming: a new incoming document. Files are uploaded first (POST /api/files). */
export const ZIncomingCreate = z
  .object({
    ...documentFields,
    /** Arrival time; defaults to now. A clerk may back-date within the current year. */
    arrivalAt: z.iso.datetime({ offset: true }).optional(),
    fileIds: z.array(uuid).max(INCOMING_LIMITS.files).default([]),
    /**
     * Recipients inside the unit (đơn vị hoặc người nhận). Leaders (incoming.direct) are asked
     * to direct it; anyone else receives it for handling as the clerk forwards it. Empty: the
     * clerk classifies it later.
     */
    recipientIds: z.array(uuid).max(INCOMING_LIMITS.recipients).default([]),
    /**
     * Registering a document another unit sent through the system (GET /api/exchange/inbox):
     * its files are attached and the sender sees it registered.
     */
    deliveryId: uuid.nullable().optional(),
  })
  .strict();
export type TIncomingCreate = z.input<typeof ZIncomingCreate>;

/** PATCH /api/incoming/:id: corrects the metadata (the clerk, while not done). Numbers never change. */
export const ZIncomingUpdate = z.object(documentFields).partial().strict();
export type TIncomingUpdate = z.input<typeof ZIncomingUpdate>;

/** GET /api/incoming/duplicates: documents already registered with the same code and organ. */
export const ZDuplicateQuery = z.object({
  codeNumber: z.string().max(INCOMING_LIMITS.codeNumber).optional(),
  codeNotation: z.string().max(INCOMING_LIMITS.codeNotation).optional(),
  issuingOrganId: uuid.optional(),
  issuingOrganName: z.string().max(INCOMING_LIMITS.organName).optional(),
  excludeId: uuid.optional(),
});
export const ZDuplicate = z.object({
  id: uuid,
  arrivalNumber: z.number().int(),
  year: z.number().int(),
  arrivalAt: z.string(),
  subject: z.string(),
  unitName: z.string(),
});
export type TDuplicate = z.infer<typeof ZDuplicate>;
export const ZDuplicateList = z.array(ZDuplicate);

/** GET /api/incoming/form: what the entry form needs in one call. */
export const ZIncomingFormOptions = z.object({
  unitId: uuid,
  unitName: z.string(),
  year: z.number().int(),
  /** Number the next document will get in the normal and in the secret register (a preview; the real one is given on save). */
  nextNumber: z.number().int(),
  nextSecretNumber: z.number().int(),
  /** The issuing organ and type this clerk used last, to prefill the form. */
  last: z
    .object({
      issuingOrganId: uuid.nullable(),
      issuingOrganName: z.string().nullable(),
      documentTypeId: uuid.nullable(),
    })
    .nullable(),
  maxFileMb: z.number().int(),
  allowedTypes: z.array(z.string()),
});
export type TIncomingFormOptions = z.infer<typeof ZIncomingFormOptions>;

// ── Flow actions ──────────────────────────────────────────────────────────────

export const ZIncomingIdParams = z.object({ id: uuid });
export const ZIncomingFileParams = z.object({ id: uuid, fileId: uuid });

/** Present to one or more leaders (they direct it). */
export const ZPresent = z
  .object({
    leaderIds: z.array(uuid).min(1).max(INCOMING_LIMITS.recipients),
    comment: zOptionalText(INCOMING_LIMITS.comment),
  })
  .strict();
export type TPresent = z.input<typeof ZPresent>;

/** Forward to people and/or units (a unit: its leaders and clerks receive it). */
export const ZForward = z
  .object({
    userIds: z.array(uuid).max(INCOMING_LIMITS.recipients).default([]),
    unitIds: z.array(uuid).max(INCOMING_LIMITS.recipients).default([]),
    /** lead: the first person handles it; info: for information. */
    role: z.enum(['lead', 'info']).default('lead'),
    dueDate: isoDate.nullable().optional(),
    comment: zOptionalText(INCOMING_LIMITS.comment),
  })
  .strict()
  .refine((b) => b.userIds.length + b.unitIds.length > 0, { path: ['userIds'], message: 'required' });
export type TForward = z.input<typeof ZForward>;

/** Return a wrongly addressed document to its sender, or cancel a wrongly registered one. */
export const ZReason = z.object({ reason: zText(INCOMING_LIMITS.reason).pipe(z.string().min(1)) }).strict();
export type TReason = z.input<typeof ZReason>;

export const ZHandlerInput = z.object({
  userId: uuid,
  role: z.enum(HANDLER_ROLES),
  dueDate: isoDate.nullable().optional(),
});
export type THandlerInput = z.input<typeof ZHandlerInput>;

/** The leader's direction (ý kiến chỉ đạo) with handlers and their roles and due dates. */
export const ZDirect = z
  .object({
    direction: zText(INCOMING_LIMITS.comment).pipe(z.string().min(1)),
    /** Due date of the document as a whole; handlers without their own take it. */
    dueDate: isoDate.nullable().optional(),
    handlers: z.array(ZHandlerInput).min(1).max(INCOMING_LIMITS.handlers),
  })
  .strict();
export type TDirect = z.input<typeof ZDirect>;

/** Pass the direction to another leader instead. */
export const ZForwardLeader = z.object({ leaderId: uuid, comment: zOptionalText(INCOMING_LIMITS.comment) }).strict();
export type TForwardLeader = z.input<typeof ZForwardLeader>;

/** A unit head passes their part on to people of their unit. */
export const ZReassign = z
  .object({
    handlers: z.array(ZHandlerInput).min(1).max(INCOMING_LIMITS.handlers),
    comment: zOptionalText(INCOMING_LIMITS.comment),
  })
  .strict();
export type TReassign = z.input<typeof ZReassign>;

/** An opinion (ý kiến), possibly answering a request, with attachments. */
export const ZOpinionCreate = z
  .object({
    body: zText(INCOMING_LIMITS.comment).pipe(z.string().min(1)),
    fileIds: z.array(uuid).max(INCOMING_LIMITS.files).default([]),
    requestId: uuid.nullable().optional(),
  })
  .strict();
export type TOpinionCreate = z.input<typeof ZOpinionCreate>;

/** Phiếu xin ý kiến: ask people for their opinion. */
export const ZOpinionRequest = z
  .object({
    userIds: z.array(uuid).min(1).max(INCOMING_LIMITS.recipients),
    question: zText(INCOMING_LIMITS.comment).pipe(z.string().min(1)),
  })
  .strict();
export type TOpinionRequest = z.input<typeof ZOpinionRequest>;

export const ZProgress = z
  .object({
    progress: z.number().int().min(0).max(100),
    comment: zOptionalText(INCOMING_LIMITS.comment),
  })
  .strict();
export type TProgress = z.input<typeof ZProgress>;

export const ZComplete = z
  .object({
    result: zText(INCOMING_LIMITS.result).pipe(z.string().min(1)),
    /** Số, ký hiệu of the reply document, if there is one. */
    replyCode: zOptionalText(60),
  })
  .strict();
export type TComplete = z.input<typeof ZComplete>;

// ── Reading ───────────────────────────────────────────────────────────────────

export const ZPersonRef = z.object({
  id: uuid,
  fullName: z.string(),
  jobTitle: z.string().nullable(),
  unitName: z.string(),
});
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZAssignment = z.object({
  id: uuid,
  person: ZPersonRef,
  role: z.enum(ASSIGNMENT_ROLES),
  state: z.enum(ASSIGNMENT_STATES),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  progress: z.number().int(),
  result: z.string().nullable(),
  assignedBy: z.string().nullable(),
  parentId: uuid.nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  seenAt: z.string().nullable(),
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZTrailStep = z.object({
  id: uuid,
  at: z.string(),
  action: z.enum(TRAIL_ACTIONS),
  actor: z.string(),
  /** Set when the actor worked under a delegation: the person they acted for. */
  onBehalfOf: z.string().nullable(),
  comment: z.string().nullable(),
  /** Names of the people or units the step was about, with roles and dates where they apply. */
  targets: z.array(z.object({ name: z.string(), role: z.string().nullable(), dueDate: z.string().nullable() })),
});
export type TTrailStep = z.infer<typeof ZTrailStep>;

export const ZOpinion = z.object({
  id: uuid,
  author: z.string(),
  onBehalfOf: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  files: z.array(ZFileRef),
  /** The question it answers. */
  question: z.string().nullable(),
});
export type TOpinion = z.infer<typeof ZOpinion>;

export const ZOpinionAsk = z.object({
  id: uuid,
  askedBy: z.string(),
  person: ZPersonRef,
  question: z.string(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type TOpinionAsk = z.infer<typeof ZOpinionAsk>;

/** What this user may do with the document now; the web shows buttons from it. */
export const ZIncomingAbilities = z.object({
  update: z.boolean(),
  present: z.boolean(),
  forward: z.boolean(),
  return: z.boolean(),
  cancel: z.boolean(),
  direct: z.boolean(),
  forwardLeader: z.boolean(),
  reassign: z.boolean(),
  opinion: z.boolean(),
  askOpinion: z.boolean(),
  progress: z.boolean(),
  complete: z.boolean(),
  /** The open opinion request to this user, if any (answer it with requestId). */
  answerRequestId: uuid.nullable(),
});
export type TIncomingAbilities = z.infer<typeof ZIncomingAbilities>;

/** A row of every list (work boxes and search). */
export const ZIncomingRow = z.object({
  id: uuid,
  arrivalNumber: z.number().int(),
  year: z.number().int(),
  arrivalAt: z.string(),
  issuingOrgan: z.string(),
  code: z.string(),
  issuedDate: z.string().nullable(),
  documentType: z.string(),
  subject: z.string(),
  confidentiality: z.object({ code: z.string(), name: z.string(), rank: z.number().int() }).nullable(),
  urgency: z.object({ code: z.string(), name: z.string(), rank: z.number().int() }).nullable(),
  status: z.enum(INCOMING_STATUSES),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  unitName: z.string(),
  /** Lead handler's name once directed. */
  lead: z.string().nullable(),
  /** For the work boxes: this user's role, state and due date on it. */
  myRole: z.enum(ASSIGNMENT_ROLES).nullable(),
  myDueDate: z.string().nullable(),
  /** Not yet opened by this user. */
  unread: z.boolean(),
  fileCount: z.number().int(),
});
export type TIncomingRow = z.infer<typeof ZIncomingRow>;

export const ZIncomingDetail = ZIncomingRow.extend({
  unitId: uuid,
  registerName: z.string(),
  issuingOrganId: uuid.nullable(),
  documentTypeId: uuid,
  codeNumber: z.string().nullable(),
  codeNotation: z.string().nullable(),
  signer: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  field: z.object({ id: uuid, name: z.string() }).nullable(),
  notes: z.string().nullable(),
  direction: z.string().nullable(),
  directedBy: z.string().nullable(),
  directedAt: z.string().nullable(),
  registeredBy: z.string(),
  completedAt: z.string().nullable(),
  result: z.string().nullable(),
  replyCode: z.string().nullable(),
  cancelReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  files: z.array(ZFileRef),
  assignments: z.array(ZAssignment),
  trail: z.array(ZTrailStep),
  opinions: z.array(ZOpinion),
  opinionAsks: z.array(ZOpinionAsk),
  abilities: ZIncomingAbilities,
});
export type TIncomingDetail = z.infer<typeof ZIncomingDetail>;

/** Answer of POST /api/incoming: the document and any already registered with the same code and organ. */
export const ZIncomingCreated = z.object({ document: ZIncomingDetail, duplicates: ZDuplicateList });
export type TIncomingCreated = z.infer<typeof ZIncomingCreated>;

/** GET /api/incoming/box/:box */
export const ZBoxParams = z.object({ box: z.enum(INCOMING_BOXES) });
export const ZBoxQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export const ZBoxCounts = z.object(
  Object.fromEntries(INCOMING_BOXES.map((b) => [b, z.number().int()])) as Record<TIncomingBox, z.ZodNumber>,
);
export type TBoxCounts = z.infer<typeof ZBoxCounts>;

/** GET /api/incoming: search (Tìm kiếm văn bản đến). */
export const ZIncomingSearch = z.object({
  q: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  arrivalNumber: z.coerce.number().int().min(1).max(10_000_000).optional(),
  code: z.string().trim().max(60).optional(),
  issuingOrganId: uuid.optional(),
  documentTypeId: uuid.optional(),
  fieldId: uuid.optional(),
  urgencyCode: z.string().max(40).optional(),
  confidentialityCode: z.string().max(40).optional(),
  status: z.enum(INCOMING_STATUS_FILTERS).optional(),
  handlerId: uuid.optional(),
  unitId: uuid.optional(),
  sort: z.enum(INCOMING_SORTS).default('priority'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TIncomingSearch = z.input<typeof ZIncomingSearch>;
export type TIncomingSearchParsed = z.output<typeof ZIncomingSearch>;

/** Searches count up to this many matches; more shows as "10.000+". */
export const SEARCH_COUNT_CAP = 10_000;

export const ZIncomingPage = z.object({
  items: z.array(ZIncomingRow),
  total: z.number().int(),
  /** True when there are more than `total` (= SEARCH_COUNT_CAP) matches. */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TIncomingPage = z.infer<typeof ZIncomingPage>;

/** GET /api/incoming/people: people to present to, forward to, ask or assign. */
export const ZPeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** leaders: holders of incoming.direct; handlers: anyone active. */
  kind: z.enum(['leaders', 'handlers']).default('handlers'),
  /** Limit to this unit (default: the actor's whole organisation they may address). */
  unitId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const ZPersonOption = ZPersonRef.extend({ unitId: uuid, leader: z.boolean() });
export type TPersonOption = z.infer<typeof ZPersonOption>;
export const ZPersonOptions = z.array(ZPersonOption);
