import { z } from 'zod';
import { ZFileRef } from './files';
import { zOptionalText, zText } from './text';

/**
 * Contracts of "Quản lý công việc" (Điều 3.2a–b, 3.7k, 4.4): tasks created and given to people
 * and units (Việc giao, triển khai) and received, accepted, proposed or handed on (Việc nhận,
 * đề xuất). Shared by server and web.
 */

export const TASK_LIMITS = {
  title: 500,
  description: 5000,
  comment: 2000,
  files: 20,
  assignees: 50,
  related: 20,
} as const;

/** Days before the due date when a task counts as "due soon" (sắp đến hạn). */
export const DUE_SOON_DAYS = 2;

/** Thấp, bình thường, cao, khẩn. */
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TTaskPriority = (typeof TASK_PRIORITIES)[number];

/**
 * Where a task is:
 * - open: being worked on (or waiting for its assignees to accept);
 * - done: the handlers finished, waiting for the assigner to close and evaluate it;
 * - closed: closed and evaluated by the assigner;
 * - cancelled: withdrawn by the assigner, with a reason.
 */
export const TASK_STATUSES = ['open', 'done', 'closed', 'cancelled'] as const;
export type TTaskStatus = (typeof TASK_STATUSES)[number];

/**
 * The stage a list shows: an open task is `waiting` until someone working on it has taken it up
 * (accepted it, or had a proposal approved), `in_progress` after; then done, closed, cancelled.
 */
export const TASK_STAGES = ['waiting', 'in_progress', 'done', 'closed', 'cancelled'] as const;
export type TTaskStage = (typeof TASK_STAGES)[number];

/**
 * Lateness: an open task past its due date, or finished after it, is `overdue`; an open task due
 * within DUE_SOON_DAYS is `dueSoon`; anything else is `onTime`.
 */
export const TASK_LATENESS = ['overdue', 'dueSoon', 'onTime'] as const;
export type TTaskLateness = (typeof TASK_LATENESS)[number];

/** Chủ trì (at most one), phối hợp, theo dõi. */
export const TASK_ROLES = ['lead', 'co', 'follow'] as const;
export type TTaskRole = (typeof TASK_ROLES)[number];

/**
 * One person's part:
 * - pending: given, waiting for the person to accept it (the "Xem công việc" badge counts it);
 * - in_progress: accepted (followers start here);
 * - proposed: the person proposed to handle it their way (plan, due date), waiting for the assigner;
 * - done: finished (100 % reported), or the task was closed;
 * - handed_over: passed on to someone else (giao lại);
 * - withdrawn: taken back (the task was cancelled, or another leader of the unit took it up).
 */
export const TASK_ASSIGNMENT_STATES = [
  'pending',
  'in_progress',
  'proposed',
  'done',
  'handed_over',
  'withdrawn',
] as const;
export type TTaskAssignmentState = (typeof TASK_ASSIGNMENT_STATES)[number];

/** Steps of a task's trail. */
export const TASK_EVENT_ACTIONS = [
  'create',
  'update',
  'assign',
  'accept',
  'propose',
  'approve',
  'reject',
  'hand-on',
  'report',
  'urge',
  'change-due',
  'subtask',
  'close',
  'cancel',
] as const;
export type TTaskEventAction = (typeof TASK_EVENT_ACTIONS)[number];

/** Kinds of records a task may refer to. */
export const TASK_RELATED_KINDS = ['incoming'] as const;
export type TTaskRelatedKind = (typeof TASK_RELATED_KINDS)[number];

/** Boxes of "Việc nhận": waiting for acceptance, in progress, followed, finished. */
export const TASK_RECEIVED_BOXES = ['waiting', 'in_progress', 'follow', 'done'] as const;
export type TTaskReceivedBox = (typeof TASK_RECEIVED_BOXES)[number];

const requiredText = (max: number) => zText(max).pipe(z.string().min(1));
const isoDate = z.iso.date();
const uuid = z.string().uuid();

export const ZTaskRelated = z.object({ kind: z.enum(TASK_RELATED_KINDS), id: uuid }).strict();
export type TTaskRelatedInput = z.infer<typeof ZTaskRelated>;

/** A person or a unit (its leaders) given a part with a role. */
export const ZTaskTarget = z
  .object({
    userId: uuid.optional(),
    unitId: uuid.optional(),
    role: z.enum(TASK_ROLES),
  })
  .strict()
  .refine((t) => Boolean(t.userId) !== Boolean(t.unitId), { message: 'userIdOrUnitId' });
export type TTaskTarget = z.infer<typeof ZTaskTarget>;

/**
 * POST /api/tasks: a new task. Without targets the creator keeps it (they lead it, already
 * accepted). With targets (tasks.assign) each person, or each leader of each unit, receives it.
 * `parentId` makes it a sub-task of a task the creator works on.
 */
export const ZTaskCreate = z
  .object({
    title: requiredText(TASK_LIMITS.title),
    description: zOptionalText(TASK_LIMITS.description),
    priority: z.enum(TASK_PRIORITIES).default('normal'),
    startDate: isoDate.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    fileIds: z.array(uuid).max(TASK_LIMITS.files).default([]),
    related: z.array(ZTaskRelated).max(TASK_LIMITS.related).default([]),
    targets: z.array(ZTaskTarget).max(TASK_LIMITS.assignees).default([]),
    parentId: uuid.nullable().optional(),
    comment: zOptionalText(TASK_LIMITS.comment),
  })
  .strict()
  .refine((b) => !b.startDate || !b.dueDate || b.startDate <= b.dueDate, { path: ['dueDate'], message: 'beforeStart' });
export type TTaskCreate = z.input<typeof ZTaskCreate>;
export type TTaskCreateParsed = z.output<typeof ZTaskCreate>;

/** PATCH /api/tasks/:id: the creator corrects the task while it is open; files are added. */
export const ZTaskUpdate = z
  .object({
    title: requiredText(TASK_LIMITS.title).optional(),
    description: zOptionalText(TASK_LIMITS.description),
    priority: z.enum(TASK_PRIORITIES).optional(),
    startDate: isoDate.nullable().optional(),
    related: z.array(ZTaskRelated).max(TASK_LIMITS.related).optional(),
    fileIds: z.array(uuid).max(TASK_LIMITS.files).default([]),
  })
  .strict();
export type TTaskUpdate = z.input<typeof ZTaskUpdate>;
export type TTaskUpdateParsed = z.output<typeof ZTaskUpdate>;

export const ZTaskIdParams = z.object({ id: uuid });
export const ZTaskFileParams = z.object({ id: uuid, fileId: uuid });
export const ZTaskAssignmentParams = z.object({ id: uuid, assignmentId: uuid });

/** Give the task to more people or units (the creator, tasks.assign). */
export const ZTaskAssign = z
  .object({
    targets: z.array(ZTaskTarget).min(1).max(TASK_LIMITS.assignees),
    comment: zOptionalText(TASK_LIMITS.comment),
  })
  .strict();
export type TTaskAssign = z.input<typeof ZTaskAssign>;

/** An optional note to a step (accept). */
export const ZTaskNote = z.object({ comment: zOptionalText(TASK_LIMITS.comment) }).strict();
export type TTaskNote = z.input<typeof ZTaskNote>;

/** Đề xuất tự xử lý: how the assignee proposes to handle it, with the due date they can keep. */
export const ZTaskPropose = z
  .object({
    plan: requiredText(TASK_LIMITS.comment),
    dueDate: isoDate.nullable().optional(),
  })
  .strict();
export type TTaskPropose = z.input<typeof ZTaskPropose>;

/** The assigner refuses a proposal, with the reason; also the reason of a cancellation. */
export const ZTaskReason = z.object({ reason: requiredText(TASK_LIMITS.comment) }).strict();
export type TTaskReason = z.input<typeof ZTaskReason>;

/** The assigner approves a proposal, with an optional note. */
export const ZTaskDecision = z.object({ comment: zOptionalText(TASK_LIMITS.comment) }).strict();
export type TTaskDecision = z.input<typeof ZTaskDecision>;

/** Giao lại: the assignee hands their part on to another person. */
export const ZTaskHandOn = z
  .object({
    userId: uuid,
    comment: zOptionalText(TASK_LIMITS.comment),
  })
  .strict();
export type TTaskHandOn = z.input<typeof ZTaskHandOn>;

/** Báo cáo tiến độ: percent done, a note and files; 100 % finishes the person's part. */
export const ZTaskReport = z
  .object({
    progress: z.number().int().min(0).max(100),
    comment: zOptionalText(TASK_LIMITS.comment),
    fileIds: z.array(uuid).max(TASK_LIMITS.files).default([]),
  })
  .strict();
export type TTaskReport = z.input<typeof ZTaskReport>;

/** Đôn đốc: a reminder to the open assignees (or the ones chosen), with a message. */
export const ZTaskUrge = z
  .object({
    message: requiredText(TASK_LIMITS.comment),
    assignmentIds: z.array(uuid).max(TASK_LIMITS.assignees).default([]),
  })
  .strict();
export type TTaskUrge = z.input<typeof ZTaskUrge>;

/** Gia hạn / đổi hạn: a new due date with the reason. */
export const ZTaskChangeDue = z
  .object({
    dueDate: isoDate.nullable(),
    reason: requiredText(TASK_LIMITS.comment),
  })
  .strict();
export type TTaskChangeDue = z.input<typeof ZTaskChangeDue>;

/** Đóng và đánh giá: 1–5 stars and a comment. */
export const ZTaskClose = z
  .object({
    rating: z.number().int().min(1).max(5).nullable().optional(),
    comment: zOptionalText(TASK_LIMITS.comment),
  })
  .strict();
export type TTaskClose = z.input<typeof ZTaskClose>;

// ── Reading ───────────────────────────────────────────────────────────────────

export const ZTaskPerson = z.object({
  id: uuid,
  fullName: z.string(),
  jobTitle: z.string().nullable(),
  unitName: z.string(),
});
export type TTaskPerson = z.infer<typeof ZTaskPerson>;

/** A row of every task list. `my*` describe the viewer's own part, if any. */
export const ZTaskRow = z.object({
  id: uuid,
  parentId: uuid.nullable(),
  title: z.string(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  stage: z.enum(TASK_STAGES),
  lateness: z.enum(TASK_LATENESS),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  progress: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  /** Names of the current lead and of everyone working on it. */
  lead: z.string().nullable(),
  assignees: z.array(z.string()),
  myRole: z.enum(TASK_ROLES).nullable(),
  myState: z.enum(TASK_ASSIGNMENT_STATES).nullable(),
  myDueDate: z.string().nullable(),
  /** Proposals waiting for the viewer's decision. */
  proposals: z.number().int(),
  subtaskCount: z.number().int(),
  fileCount: z.number().int(),
});
export type TTaskRow = z.infer<typeof ZTaskRow>;

export const ZTaskPage = z.object({
  items: z.array(ZTaskRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TTaskPage = z.infer<typeof ZTaskPage>;

export const ZTaskAssignment = z.object({
  id: uuid,
  person: ZTaskPerson,
  role: z.enum(TASK_ROLES),
  state: z.enum(TASK_ASSIGNMENT_STATES),
  viaUnit: z.string().nullable(),
  assignedBy: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  progress: z.number().int(),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  proposal: z.object({ plan: z.string(), dueDate: z.string().nullable(), at: z.string() }).nullable(),
  /** The viewer may approve or refuse this proposal. */
  canDecide: z.boolean(),
});
export type TTaskAssignment = z.infer<typeof ZTaskAssignment>;

export const ZTaskEvent = z.object({
  id: uuid,
  at: z.string(),
  action: z.enum(TASK_EVENT_ACTIONS),
  actor: z.string(),
  onBehalfOf: z.string().nullable(),
  comment: z.string().nullable(),
  /** Facts of the step: progress, from/to dates, names, rating. */
  data: z.record(z.string(), z.unknown()),
  files: z.array(ZFileRef),
});
export type TTaskEvent = z.infer<typeof ZTaskEvent>;

/** A related record as the viewer may see it; `label` is null when they may not see it. */
export const ZTaskRelatedItem = z.object({
  kind: z.enum(TASK_RELATED_KINDS),
  id: uuid,
  label: z.string().nullable(),
});
export type TTaskRelatedItem = z.infer<typeof ZTaskRelatedItem>;

/** What this user may do with the task now; the web shows buttons from it. */
export const ZTaskAbilities = z.object({
  update: z.boolean(),
  assign: z.boolean(),
  accept: z.boolean(),
  propose: z.boolean(),
  handOn: z.boolean(),
  report: z.boolean(),
  urge: z.boolean(),
  changeDue: z.boolean(),
  subtask: z.boolean(),
  close: z.boolean(),
  cancel: z.boolean(),
});
export type TTaskAbilities = z.infer<typeof ZTaskAbilities>;

export const ZTaskDetail = ZTaskRow.extend({
  description: z.string().nullable(),
  unitName: z.string(),
  creator: ZTaskPerson,
  parent: z.object({ id: uuid, title: z.string() }).nullable(),
  evaluation: z.string().nullable(),
  closedBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  related: z.array(ZTaskRelatedItem),
  files: z.array(ZFileRef),
  assignments: z.array(ZTaskAssignment),
  events: z.array(ZTaskEvent),
  subtasks: z.array(ZTaskRow),
  abilities: ZTaskAbilities,
});
export type TTaskDetail = z.infer<typeof ZTaskDetail>;

const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
};

/** GET /api/tasks/received/:box */
export const ZReceivedParams = z.object({ box: z.enum(TASK_RECEIVED_BOXES) });
export const ZTaskPageQuery = z.object(page);
export const ZReceivedCounts = z.object(
  Object.fromEntries(TASK_RECEIVED_BOXES.map((b) => [b, z.number().int()])) as Record<TTaskReceivedBox, z.ZodNumber>,
);
export type TReceivedCounts = z.infer<typeof ZReceivedCounts>;

/** GET /api/tasks/assigned: tasks the user created, filtered by stage, lateness and text. */
export const ZAssignedQuery = z.object({
  stage: z.enum(TASK_STAGES).optional(),
  lateness: z.enum(TASK_LATENESS).optional(),
  q: z.string().trim().max(200).optional(),
  /** Only tasks with a proposal waiting for the user's decision. */
  proposals: z.enum(['1', '0']).optional(),
  ...page,
});
export type TAssignedQuery = z.input<typeof ZAssignedQuery>;

/** GET /api/tasks/board: how many of the user's assigned tasks are in each stage and lateness. */
export const ZTaskBoard = z.object({
  stages: z.object(
    Object.fromEntries(TASK_STAGES.map((s) => [s, z.number().int()])) as Record<TTaskStage, z.ZodNumber>,
  ),
  /** Of the open tasks (waiting and in progress). */
  lateness: z.object(
    Object.fromEntries(TASK_LATENESS.map((s) => [s, z.number().int()])) as Record<TTaskLateness, z.ZodNumber>,
  ),
  proposals: z.number().int(),
});
export type TTaskBoard = z.infer<typeof ZTaskBoard>;
