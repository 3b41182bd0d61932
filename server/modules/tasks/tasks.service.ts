import { formatVnDate, vnDate } from '../../../contracts/calendar';
import { formatArrivalNumber } from '../../../contracts/incoming';
import {
  type TTaskCreate,
  type TTaskDetail,
  type TTaskRelatedInput,
  type TTaskUpdate,
  ZTaskCreate,
  ZTaskUpdate,
} from '../../../contracts/tasks';
import { type Actor, type RequestContext, principalOf } from '../../platform/authz/actor';
import { uuidv7 } from '../../platform/db/ids';
import { dateOrNull as day, isoOrNull as iso } from '../../platform/db/values';
import { AppError } from '../../platform/errors';
import { visibleSql as incomingVisibleSql } from '../incoming/incoming.policy';
import { givenData, giveParts } from './tasks-assign';
import { REPORT_FILES, TASK_FILES, type TasksDeps } from './tasks.deps';
import { abilities, authorizeStep, authorizeUse, mayDecide, visibleSql } from './tasks.policy';
import type { TaskCore } from './tasks.repository';

/** Who acted, for the trail: the real person and, under a delegation, the person they acted for. */
export function eventActor(actor: Actor) {
  return { actorId: actor.userId, onBehalfOfId: actor.onBehalfOf?.userId ?? null };
}

/**
 * Use cases of creating, correcting and reading tasks (Việc giao, triển khai). The steps on a
 * task (accept, propose, hand on, report, urge, change the due date, close …) are in
 * tasks-flow.service.ts.
 */
export class TasksService {
  constructor(private readonly d: TasksDeps) {}

  /** A task the actor may see, or 404 (missing and hidden look the same). */
  async visible(actor: Actor, id: string, lock = false): Promise<TaskCore> {
    const task = await this.d.repo.core(id, lock);
    if (!task || !(await this.d.repo.isVisible(id, visibleSql(actor)))) throw new AppError('NOT_FOUND');
    return task;
  }

  /** Refuses related records the actor may not see (or that do not exist). */
  private async checkRelated(actor: Actor, related: TTaskRelatedInput[]): Promise<TTaskRelatedInput[]> {
    const unique = [...new Map(related.map((r) => [`${r.kind}:${r.id}`, r])).values()];
    const ids = unique.filter((r) => r.kind === 'incoming').map((r) => r.id);
    const seen = await this.d.repo.visibleIncoming(ids, incomingVisibleSql(actor));
    if (seen.length !== ids.length) throw new AppError('VALIDATION_FAILED', { field: 'body.related' });
    return unique;
  }

  private checkDue(dueDate: string | null | undefined, field = 'body.dueDate'): void {
    if (dueDate && dueDate < vnDate(this.d.clock.now()))
      throw new AppError('VALIDATION_FAILED', { field, details: { reason: 'pastDue' } });
  }

  /**
   * Tạo việc: the task with its files and related documents, then its parts. Without working
   * targets (lead, co-handler) the creator keeps it for themselves; a sub-task needs the right
   * to work on its parent. All in one transaction with the trail and the audit entry.
   */
  async create(ctx: RequestContext, body: TTaskCreate): Promise<TTaskDetail> {
    const actor = authorizeUse(ctx.actor);
    const input = ZTaskCreate.parse(body);
    this.checkDue(input.dueDate);
    const me = principalOf(actor);
    const id = uuidv7();
    await this.d.tx.transaction(async () => {
      const now = this.d.clock.now();
      let parent: TaskCore | null = null;
      if (input.parentId) {
        parent = await this.visible(actor, input.parentId, true);
        authorizeStep(actor, parent, await this.d.repo.assignments(parent.id), 'subtask');
      }
      const related = await this.checkRelated(actor, input.related);
      // Under a delegation the actor's unit is already the delegator's.
      const unitId = actor.unitId;
      const task: TaskCore = {
        id,
        parentId: parent?.id ?? null,
        title: input.title,
        priority: input.priority,
        status: 'open',
        startDate: input.startDate ?? null,
        dueDate: input.dueDate ?? null,
        unitId,
        unitPath: await this.d.repo.unitPath(unitId),
        createdBy: me,
        related,
      };
      await this.d.repo.insert({ ...task, description: input.description ?? null });
      await this.d.files.attach(ctx, TASK_FILES, id, input.fileIds);
      await this.d.repo.addEvent({
        taskId: id,
        at: now,
        ...eventActor(actor),
        action: 'create',
        comment: input.comment,
      });
      const working = input.targets.some((t) => t.role !== 'follow');
      const targets = working ? input.targets : [{ userId: me, role: 'lead' as const }, ...input.targets];
      const given = await giveParts(this.d, actor, task, targets, [], now);
      if (given.some((g) => g.userId !== me))
        await this.d.repo.addEvent({
          taskId: id,
          at: now,
          ...eventActor(actor),
          action: 'assign',
          data: givenData(given),
        });
      if (parent)
        await this.d.repo.addEvent({
          taskId: parent.id,
          at: now,
          ...eventActor(actor),
          action: 'subtask',
          data: { taskId: id, title: task.title },
        });
      await this.d.audit.record(ctx, {
        action: 'task.create',
        entityType: 'task',
        entityId: id,
        after: { ...input, related, parts: given.map((g) => ({ userId: g.userId, role: g.role })) },
      });
    });
    return this.detail(ctx, id);
  }

  /** Sửa: the creator corrects the title, description, priority, start date and related documents, and adds files. */
  async update(ctx: RequestContext, id: string, body: TTaskUpdate): Promise<TTaskDetail> {
    const actor = authorizeUse(ctx.actor);
    const patch = ZTaskUpdate.parse(body);
    await this.d.tx.transaction(async () => {
      const task = await this.visible(actor, id, true);
      authorizeStep(actor, task, await this.d.repo.assignments(id), 'update');
      const before = await this.d.repo.editable(id);
      const set: Record<string, unknown> = {};
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.priority !== undefined) set.priority = patch.priority;
      if (patch.startDate !== undefined) {
        if (patch.startDate && task.dueDate && patch.startDate > task.dueDate)
          throw new AppError('VALIDATION_FAILED', { field: 'body.startDate' });
        set.start_date = patch.startDate;
      }
      if (patch.related !== undefined) set.related = JSON.stringify(await this.checkRelated(actor, patch.related));
      if (Object.keys(set).length === 0 && patch.fileIds.length === 0) return;
      if (Object.keys(set).length) await this.d.repo.update(id, set);
      await this.d.files.attach(ctx, TASK_FILES, id, patch.fileIds);
      await this.d.repo.addEvent({ taskId: id, at: this.d.clock.now(), ...eventActor(actor), action: 'update' });
      await this.d.audit.record(ctx, { action: 'task.update', entityType: 'task', entityId: id, before, after: patch });
    });
    return this.detail(ctx, id);
  }

  /** Labels of the related records: "Số đến 05/2026 – subject" for documents the viewer may see. */
  private async relatedItems(actor: Actor, related: { kind: string; id: string }[]) {
    const incoming = related.filter((r) => r.kind === 'incoming').map((r) => r.id);
    const rows = await this.d.lists.incomingLabels(incoming, incomingVisibleSql(actor));
    return related.map((r) => {
      const doc = rows.find((x) => x.id === r.id);
      return {
        kind: r.kind as 'incoming',
        id: r.id,
        label: doc ? `Số đến ${formatArrivalNumber(Number(doc.arrival_number))}/${doc.year} – ${doc.subject}` : null,
      };
    });
  }

  /** Everything about one task, with what this user may do. */
  async detail(ctx: RequestContext, id: string): Promise<TTaskDetail> {
    const actor = authorizeUse(ctx.actor);
    const task = await this.visible(actor, id);
    const me = principalOf(actor);
    const today = vnDate(this.d.clock.now());
    const visible = visibleSql(actor);
    const [row, extra, parts, detailParts, events, subtasks] = await Promise.all([
      this.d.lists.row(id, me, today),
      this.d.lists.detailExtra(id),
      this.d.repo.assignments(id),
      this.d.lists.assignmentsDetail(id, today),
      this.d.lists.events(id),
      this.d.lists.subtasks(id, visible, me, today),
    ]);
    if (!row || !extra) throw new AppError('NOT_FOUND');
    const reportIds = events.filter((e) => e.action === 'report').map((e) => e.id as string);
    const [taskFiles, reportFiles, related] = await Promise.all([
      this.d.files.listFor(TASK_FILES, [id]),
      this.d.files.listFor(REPORT_FILES, reportIds),
      this.relatedItems(actor, task.related),
    ]);
    return {
      ...row,
      description: (extra.description as string | null) ?? null,
      unitName: extra.unit_name as string,
      creator: {
        id: extra.creator_id as string,
        fullName: extra.creator_name as string,
        jobTitle: (extra.creator_title as string | null) ?? null,
        unitName: extra.creator_unit as string,
      },
      parent: extra.parent_id ? { id: extra.parent_id as string, title: extra.parent_title as string } : null,
      evaluation: (extra.evaluation as string | null) ?? null,
      closedBy: (extra.closed_by as string | null) ?? null,
      cancelReason: (extra.cancel_reason as string | null) ?? null,
      related,
      files: taskFiles.get(id) ?? [],
      assignments: detailParts.map((a) => {
        const part = parts.find((p) => p.id === a.id);
        return {
          id: a.id as string,
          person: {
            id: a.user_id as string,
            fullName: a.full_name as string,
            jobTitle: (a.job_title as string | null) ?? null,
            unitName: a.unit_name as string,
          },
          role: a.role as TTaskDetail['assignments'][number]['role'],
          state: a.state as TTaskDetail['assignments'][number]['state'],
          viaUnit: (a.via_unit as string | null) ?? null,
          assignedBy: a.assigned_by as string,
          dueDate: day(a.due_date),
          overdue: Boolean(a.overdue),
          progress: Number(a.progress),
          acceptedAt: iso(a.accepted_at),
          completedAt: iso(a.completed_at),
          proposal: a.proposal_plan
            ? { plan: a.proposal_plan as string, dueDate: day(a.proposal_due_date), at: iso(a.proposal_at) as string }
            : null,
          canDecide: part ? mayDecide(actor, task, part) : false,
        };
      }),
      events: events.map((e) => ({
        id: e.id as string,
        at: iso(e.at) as string,
        action: e.action as TTaskDetail['events'][number]['action'],
        actor: e.actor as string,
        onBehalfOf: (e.on_behalf_of as string | null) ?? null,
        comment: (e.comment as string | null) ?? null,
        data: (e.data as Record<string, unknown>) ?? {},
        files: reportFiles.get(e.id as string) ?? [],
      })),
      subtasks,
      abilities: abilities(actor, task, parts),
    };
  }

  /** A file of the task or of one of its reports, for someone who may see the task; 404 otherwise. */
  async checkFile(ctx: RequestContext, id: string, fileId: string, isAttachedTo: TasksFileCheck): Promise<void> {
    const actor = authorizeUse(ctx.actor);
    await this.visible(actor, id);
    if (await isAttachedTo(TASK_FILES, [id], fileId)) return;
    const reports = await this.d.repo.reportIds(id);
    if (reports.length && (await isAttachedTo(REPORT_FILES, reports, fileId))) return;
    throw new AppError('NOT_FOUND');
  }
}

/** The file platform's attachment check. */
export type TasksFileCheck = (ownerType: string, ownerIds: string[], fileId: string) => Promise<boolean>;

/** "25/11/2026" or "không thời hạn" for the trail and notifications. */
export function dueWords(due: string | null): string {
  return due ? formatVnDate(due) : 'không thời hạn';
}
