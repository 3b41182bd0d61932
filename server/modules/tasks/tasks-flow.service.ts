import { vnDate } from '../../../contracts/calendar';
import {
  type TTaskAssign,
  type TTaskChangeDue,
  type TTaskClose,
  type TTaskDecision,
  type TTaskDetail,
  type TTaskHandOn,
  type TTaskNote,
  type TTaskPropose,
  type TTaskReason,
  type TTaskReport,
  type TTaskUrge,
  ZTaskAssign,
  ZTaskChangeDue,
  ZTaskClose,
  ZTaskDecision,
  ZTaskHandOn,
  ZTaskNote,
  ZTaskPropose,
  ZTaskReason,
  ZTaskReport,
  ZTaskUrge,
} from '../../../contracts/tasks';
import { type Actor, type RequestContext, principalOf } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';
import {
  assignedLink,
  givenData,
  giveParts,
  isLive,
  isOpenPart,
  NOTIFY_TITLES,
  partLine,
  receivedLink,
} from './tasks-assign';
import { REPORT_FILES, type TasksDeps } from './tasks.deps';
import { authorizeStep, authorizeUse, mayDecide, partFor, type TaskStep } from './tasks.policy';
import { scheduleReminders } from './tasks.reminders';
import type { TaskAssignmentRow, TaskCore } from './tasks.repository';
import { dueWords, eventActor, type TasksService } from './tasks.service';

/** What a step function gets: the locked task, its parts, the time. */
interface StepCtx {
  actor: Actor;
  me: string;
  task: TaskCore;
  parts: TaskAssignmentRow[];
  now: Date;
}

/**
 * The steps on a task after it is created: accept, propose and decide, hand on, report progress,
 * urge, change the due date, give more parts, close and evaluate, cancel. Each step locks the
 * task row, checks the actor's ability, then writes the change, the trail, the audit entry, the
 * notifications and the badge refreshes in one transaction.
 */
export class TasksFlowService {
  constructor(
    private readonly d: TasksDeps,
    private readonly tasks: TasksService,
  ) {}

  private audit(ctx: RequestContext, taskId: string, action: string, after: unknown, before?: unknown) {
    return this.d.audit.record(ctx, { action: `task.${action}`, entityType: 'task', entityId: taskId, before, after });
  }

  /** Runs a step: loads and locks the task, checks `ability` (unless null), runs `fn`, answers the fresh detail. */
  private async step(
    ctx: RequestContext,
    id: string,
    ability: TaskStep | null,
    fn: (s: StepCtx) => Promise<void>,
  ): Promise<TTaskDetail> {
    const actor = authorizeUse(ctx.actor);
    await this.d.tx.transaction(async () => {
      const task = await this.tasks.visible(actor, id, true);
      const parts = await this.d.repo.assignments(id, true);
      if (ability) authorizeStep(actor, task, parts, ability);
      await fn({ actor, me: principalOf(actor), task, parts, now: this.d.clock.now() });
    });
    return this.tasks.detail(ctx, id);
  }

  private event(s: StepCtx, action: Parameters<TasksDeps['repo']['addEvent']>[0]['action'], more = {}) {
    return this.d.repo.addEvent({ taskId: s.task.id, at: s.now, ...eventActor(s.actor), action, ...more });
  }

  /** Tells people about a step (never the actor themselves). */
  private tell(s: StepCtx, userIds: string[], kind: keyof typeof NOTIFY_TITLES, body: string, assigner = false) {
    return this.d.notifier.notify(
      [...new Set(userIds)].filter((u) => u !== s.me),
      {
        kind: `tasks.${kind}`,
        title: NOTIFY_TITLES[kind],
        body,
        link: assigner ? assignedLink(s.task.id) : receivedLink(s.task.id),
      },
    );
  }

  private checkDue(due: string | null | undefined, now: Date, field = 'body.dueDate'): void {
    if (due && due < vnDate(now)) throw new AppError('VALIDATION_FAILED', { field, details: { reason: 'pastDue' } });
  }

  /** Giao thêm: the creator gives parts to more people or units. */
  assign(ctx: RequestContext, id: string, body: TTaskAssign) {
    const input = ZTaskAssign.parse(body);
    return this.step(ctx, id, 'assign', async (s) => {
      const given = await giveParts(this.d, s.actor, s.task, input.targets, s.parts, s.now);
      await this.event(s, 'assign', { comment: input.comment, data: givenData(given) });
      await this.audit(ctx, id, 'assign', input);
    });
  }

  /** Tiếp nhận: the person accepts their part; other leaders of the same unit are released. */
  accept(ctx: RequestContext, id: string, body: TTaskNote) {
    const input = ZTaskNote.parse(body);
    return this.step(ctx, id, 'accept', async (s) => {
      const part = partFor(s.actor, s.parts, 'accept') as TaskAssignmentRow;
      await this.d.repo.setAssignment(part.id, { state: 'in_progress', acceptedAt: s.now });
      const released = await this.d.repo.releaseUnitSiblings(part);
      await this.event(s, 'accept', { comment: input.comment, data: { role: part.role } });
      await this.audit(ctx, id, 'accept', { assignmentId: part.id, comment: input.comment, released });
      await this.tell(s, [part.assignedBy], 'accepted', `${part.fullName}: ${s.task.title}`, true);
      await this.d.realtime.badgesChanged([s.me, ...released]);
    });
  }

  /**
   * Đề xuất tự xử lý: the person proposes how they will handle their part (a plan, and the due
   * date they can keep); whoever gave them the part approves or refuses it.
   */
  propose(ctx: RequestContext, id: string, body: TTaskPropose) {
    const input = ZTaskPropose.parse(body);
    return this.step(ctx, id, 'propose', async (s) => {
      this.checkDue(input.dueDate, s.now);
      const part = partFor(s.actor, s.parts, 'propose') as TaskAssignmentRow;
      await this.d.repo.setAssignment(part.id, {
        state: 'proposed',
        proposal: { plan: input.plan, dueDate: input.dueDate ?? null, at: s.now },
      });
      const released = await this.d.repo.releaseUnitSiblings(part);
      await this.event(s, 'propose', { comment: input.plan, data: { dueDate: input.dueDate ?? null } });
      await this.audit(ctx, id, 'propose', { assignmentId: part.id, ...input });
      const deciders = [part.assignedBy, s.task.createdBy];
      const due = input.dueDate ? ` – đề xuất hạn ${dueWords(input.dueDate)}` : '';
      await this.tell(s, deciders, 'proposed', `${part.fullName}: ${s.task.title}${due}`, true);
      await this.d.realtime.badgesChanged([s.me, ...deciders, ...released]);
    });
  }

  /** The proposal of one part, checked for the decider. */
  private proposalOf(s: StepCtx, assignmentId: string): TaskAssignmentRow {
    const part = s.parts.find((a) => a.id === assignmentId);
    if (!part) throw new AppError('NOT_FOUND');
    if (!mayDecide(s.actor, s.task, part)) {
      const involved = s.task.createdBy === s.me || s.parts.some((a) => a.userId === s.me || a.assignedBy === s.me);
      throw new AppError(involved ? 'INVALID_STATE' : 'FORBIDDEN');
    }
    return part;
  }

  /**
   * Chấp thuận đề xuất: the part goes on as proposed. A proposed due date becomes the part's; a
   * lead's becomes the task's (the whole task follows its lead).
   */
  approve(ctx: RequestContext, id: string, assignmentId: string, body: TTaskDecision) {
    const input = ZTaskDecision.parse(body);
    return this.step(ctx, id, null, async (s) => {
      const part = this.proposalOf(s, assignmentId);
      const due = part.proposalDueDate;
      await this.d.repo.setAssignment(part.id, {
        state: 'in_progress',
        proposal: null,
        ...(part.acceptedAt ? {} : { acceptedAt: s.now }),
      });
      const data: Record<string, unknown> = { name: part.fullName, dueDate: due };
      if (due && part.role === 'lead' && due !== s.task.dueDate) {
        data.from = s.task.dueDate;
        await this.moveTaskDue(s, due);
      } else if (due) {
        await this.d.repo.setAssignment(part.id, { dueDate: due });
        await scheduleReminders(this.d, part.id, due);
      }
      await this.event(s, 'approve', { comment: input.comment, data });
      await this.audit(ctx, id, 'approve', { assignmentId, ...input, dueDate: due });
      await this.tell(s, [part.userId], 'approved', s.task.title);
      await this.d.realtime.badgesChanged([part.assignedBy, s.task.createdBy, part.userId]);
    });
  }

  /** Không chấp thuận: the part goes back to where it was (waiting, or accepted), with the reason. */
  reject(ctx: RequestContext, id: string, assignmentId: string, body: TTaskReason) {
    const input = ZTaskReason.parse(body);
    return this.step(ctx, id, null, async (s) => {
      const part = this.proposalOf(s, assignmentId);
      await this.d.repo.setAssignment(part.id, { state: part.acceptedAt ? 'in_progress' : 'pending', proposal: null });
      await this.event(s, 'reject', { comment: input.reason, data: { name: part.fullName } });
      await this.audit(ctx, id, 'reject', { assignmentId, ...input });
      await this.tell(s, [part.userId], 'rejected', `${s.task.title}: ${input.reason}`);
      await this.d.realtime.badgesChanged([part.assignedBy, s.task.createdBy, part.userId]);
    });
  }

  /** Giao lại: the person passes their part to someone else; whoever gave it to them is told. */
  handOn(ctx: RequestContext, id: string, body: TTaskHandOn) {
    const input = ZTaskHandOn.parse(body);
    return this.step(ctx, id, 'handOn', async (s) => {
      const part = partFor(s.actor, s.parts, 'handOn') as TaskAssignmentRow;
      const [person] = await this.d.repo.people([input.userId]);
      const busy = s.parts.some((a) => a.userId === input.userId && isOpenPart(a));
      if (!person || person.id === s.me || busy)
        throw new AppError('VALIDATION_FAILED', { field: 'body.userId', details: busy ? { reason: 'duplicate' } : {} });
      await this.d.repo.setAssignment(part.id, { state: 'handed_over', completedAt: s.now, proposal: null });
      const released = await this.d.repo.releaseUnitSiblings(part);
      const newId = await this.d.repo.addAssignment({
        taskId: id,
        userId: person.id,
        unitPath: person.unit_path,
        role: part.role,
        state: 'pending',
        viaUnitId: null,
        assignedBy: s.me,
        parentId: part.id,
        dueDate: part.dueDate,
        progress: part.progress,
        acceptedAt: null,
      });
      const due = part.dueDate ?? s.task.dueDate;
      if (due) await scheduleReminders(this.d, newId, due);
      await this.event(s, 'hand-on', {
        comment: input.comment,
        data: { from: part.fullName, to: person.full_name, role: part.role },
      });
      await this.audit(ctx, id, 'handOn', { assignmentId: part.id, newAssignmentId: newId, ...input });
      await this.tell(s, [person.id], 'assigned', partLine(s.task.title, part.role, due));
      await this.tell(
        s,
        [part.assignedBy, s.task.createdBy],
        'handedOn',
        `${part.fullName} đã giao lại cho ${person.full_name}: ${s.task.title}`,
        true,
      );
      await this.d.realtime.badgesChanged([s.me, person.id, ...released]);
    });
  }

  /**
   * Báo cáo tiến độ: percent, note and files. 100 % finishes the person's part; the task is done
   * when its lead is (or, without a lead, when every co-handler is). The task's progress is its
   * lead's (the co-handlers' average without one).
   */
  report(ctx: RequestContext, id: string, body: TTaskReport) {
    const input = ZTaskReport.parse(body);
    return this.step(ctx, id, 'report', async (s) => {
      const part = partFor(s.actor, s.parts, 'report') as TaskAssignmentRow;
      const finished = input.progress === 100;
      await this.d.repo.setAssignment(part.id, {
        progress: input.progress,
        ...(finished ? { state: 'done' as const, completedAt: s.now } : {}),
      });
      const eventId = await this.event(s, 'report', { comment: input.comment, data: { progress: input.progress } });
      await this.d.files.attach(ctx, REPORT_FILES, eventId, input.fileIds);
      const parts = s.parts.map((a) =>
        a.id === part.id ? { ...a, progress: input.progress, state: finished ? ('done' as const) : a.state } : a,
      );
      const working = parts.filter((a) => isLive(a) && (a.role === 'lead' || a.role === 'co'));
      const lead = working.find((a) => a.role === 'lead');
      const cos = working.filter((a) => a.role === 'co');
      const progress = lead
        ? lead.progress
        : Math.round(cos.reduce((sum, a) => sum + a.progress, 0) / Math.max(1, cos.length));
      const taskDone = lead ? lead.state === 'done' : cos.length > 0 && cos.every((a) => a.state === 'done');
      await this.d.repo.update(id, taskDone ? { progress: 100, status: 'done', completed_at: s.now } : { progress });
      await this.audit(ctx, id, 'report', { assignmentId: part.id, ...input, taskDone });
      const watchers = [part.assignedBy, s.task.createdBy];
      if (taskDone) await this.tell(s, watchers, 'done', s.task.title, true);
      else await this.tell(s, watchers, 'report', `${part.fullName}: ${input.progress}% – ${s.task.title}`, true);
    });
  }

  /** Đôn đốc: a reminder with a message to the open assignees (or the ones chosen), kept in the trail. */
  urge(ctx: RequestContext, id: string, body: TTaskUrge) {
    const input = ZTaskUrge.parse(body);
    return this.step(ctx, id, 'urge', async (s) => {
      const open = s.parts.filter((a) => isOpenPart(a) && a.role !== 'follow' && a.userId !== s.me);
      const chosen = input.assignmentIds.length ? open.filter((a) => input.assignmentIds.includes(a.id)) : open;
      if (chosen.length !== (input.assignmentIds.length || open.length) || chosen.length === 0)
        throw new AppError('VALIDATION_FAILED', { field: 'body.assignmentIds' });
      await this.event(s, 'urge', { comment: input.message, data: { names: chosen.map((a) => a.fullName) } });
      await this.audit(ctx, id, 'urge', { ...input, userIds: chosen.map((a) => a.userId) });
      await this.tell(
        s,
        chosen.map((a) => a.userId),
        'urge',
        `${s.task.title}: ${input.message}`,
      );
    });
  }

  /** Moves the task's due date: every open part follows it again, with fresh reminders. */
  private async moveTaskDue(s: StepCtx, due: string | null): Promise<void> {
    await this.d.repo.update(s.task.id, { due_date: due });
    await this.d.repo.clearPartDueDates(s.task.id);
    if (!due) return;
    for (const a of s.parts.filter((x) => isOpenPart(x) && x.role !== 'follow'))
      await scheduleReminders(this.d, a.id, due);
  }

  /** Gia hạn / đổi hạn: the creator sets a new due date (or none) with the reason; the people working on it are told. */
  changeDue(ctx: RequestContext, id: string, body: TTaskChangeDue) {
    const input = ZTaskChangeDue.parse(body);
    return this.step(ctx, id, 'changeDue', async (s) => {
      this.checkDue(input.dueDate, s.now);
      if (input.dueDate && s.task.startDate && input.dueDate < s.task.startDate)
        throw new AppError('VALIDATION_FAILED', { field: 'body.dueDate', details: { reason: 'beforeStart' } });
      if (input.dueDate === s.task.dueDate)
        throw new AppError('VALIDATION_FAILED', { field: 'body.dueDate', details: { reason: 'unchanged' } });
      await this.moveTaskDue(s, input.dueDate);
      await this.event(s, 'change-due', { comment: input.reason, data: { from: s.task.dueDate, to: input.dueDate } });
      await this.audit(ctx, id, 'changeDue', input, { dueDate: s.task.dueDate });
      await this.tell(
        s,
        s.parts.filter((a) => isOpenPart(a)).map((a) => a.userId),
        'dueChanged',
        `${s.task.title}: ${dueWords(s.task.dueDate)} → ${dueWords(input.dueDate)} (${input.reason})`,
      );
    });
  }

  /** People whose "Xem công việc" counter a closing or cancelling changes. */
  private waitingPeople(s: StepCtx): string[] {
    return s.parts.flatMap((a) =>
      a.state === 'pending' ? [a.userId] : a.state === 'proposed' ? [a.assignedBy, s.task.createdBy] : [],
    );
  }

  /** Đóng và đánh giá: the creator closes the task with a rating and a comment. */
  close(ctx: RequestContext, id: string, body: TTaskClose) {
    const input = ZTaskClose.parse(body);
    return this.step(ctx, id, 'close', async (s) => {
      await this.d.repo.update(id, {
        status: 'closed',
        closed_at: s.now,
        closed_by: s.me,
        rating: input.rating ?? null,
        evaluation: input.comment ?? null,
        ...(s.task.status === 'open' ? { completed_at: s.now } : {}),
      });
      await this.event(s, 'close', { comment: input.comment, data: { rating: input.rating ?? null } });
      await this.audit(ctx, id, 'close', input, { status: s.task.status });
      const stars = input.rating ? ` – ${input.rating}/5` : '';
      await this.tell(
        s,
        s.parts.filter(isLive).map((a) => a.userId),
        'closed',
        `${s.task.title}${stars}`,
      );
      await this.d.realtime.badgesChanged(this.waitingPeople(s));
    });
  }

  /** Hủy: the creator withdraws an open task with the reason. */
  cancel(ctx: RequestContext, id: string, body: TTaskReason) {
    const input = ZTaskReason.parse(body);
    return this.step(ctx, id, 'cancel', async (s) => {
      await this.d.repo.update(id, { status: 'cancelled', cancel_reason: input.reason });
      await this.event(s, 'cancel', { comment: input.reason });
      await this.audit(ctx, id, 'cancel', input, { status: s.task.status });
      await this.tell(
        s,
        s.parts.filter(isLive).map((a) => a.userId),
        'cancelled',
        `${s.task.title}: ${input.reason}`,
      );
      await this.d.realtime.badgesChanged(this.waitingPeople(s));
    });
  }
}
