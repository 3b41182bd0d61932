import { vnDate } from '../../../contracts/calendar';
import {
  type TComplete,
  type TDirect,
  type TForward,
  type TForwardLeader,
  type THandlerRole,
  type TIncomingDetail,
  type TOpinionCreate,
  type TOpinionRequest,
  type TPresent,
  type TProgress,
  type TReassign,
  ZComplete,
  ZDirect,
  ZForward,
  ZForwardLeader,
  ZOpinionCreate,
  ZOpinionRequest,
  ZPresent,
  ZProgress,
  ZReassign,
} from '../../../contracts/incoming';
import { type Actor, type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors';
import {
  activePeople,
  assignHandlers,
  documentLine,
  documentLink,
  NOTIFY_TITLES,
  presentTo,
  ROLE_WORDS,
} from './incoming-distribute';
import { type IncomingDeps, OPINION_FILES } from './incoming.deps';
import { authorizeStep, type IncomingStep, type MyPart, openDirector, openHandling } from './incoming.policy';
import type { AssignmentRow, IncomingCore, TrailTarget } from './incoming.repository';
import { type IncomingService, stepActor } from './incoming.service';

/** The trail's targets of handlers: name, role and (except for information) due date. */
function handlerTargets(handlers: { fullName: string; role: THandlerRole; dueDate: string | null }[]): TrailTarget[] {
  return handlers.map((h) => ({ name: h.fullName, role: h.role, dueDate: h.role === 'info' ? null : h.dueDate }));
}

/**
 * The flow of an incoming document after registration (ND30 Điều 20–24): classify and forward,
 * the leader's direction, re-assignment inside a unit, opinions, progress and completion. Each
 * step locks the document row, checks the actor's ability, writes the change, the trail, the audit
 * entry and the notifications in one transaction.
 */
export class IncomingFlowService {
  constructor(
    private readonly d: IncomingDeps,
    private readonly incoming: IncomingService,
  ) {}

  /** The audit entry of a step on a document. */
  private audit(ctx: RequestContext, docId: string, action: string, after: unknown, before?: unknown) {
    return this.d.audit.record(ctx, {
      action: `incoming.${action}`,
      entityType: 'incoming_document',
      entityId: docId,
      before,
      after,
    });
  }

  /** Runs a step: loads and locks the document, checks `ability`, runs `fn`, answers the fresh detail. */
  private async step(
    ctx: RequestContext,
    id: string,
    ability: IncomingStep,
    fn: (actor: Actor, doc: IncomingCore, mine: MyPart, now: Date) => Promise<void>,
  ): Promise<TIncomingDetail> {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      const { doc, hasAccess } = await this.incoming.visible(actor, id, true);
      const me = principalOf(actor);
      const all = await this.d.repo.assignments(id, true);
      const mine: MyPart = {
        assignments: all.filter((a) => a.userId === me),
        openRequestId: await this.d.repo.openRequest(id, me),
        hasAccess,
      };
      authorizeStep(actor, doc, mine, ability);
      await fn(actor, doc, mine, this.d.clock.now());
      await this.d.receipts?.syncFromIncoming(id, actor.fullName);
    });
    return this.incoming.detail(ctx, id);
  }

  /** Phân loại: the clerk presents the document to one or more leaders. */
  present(ctx: RequestContext, id: string, body: TPresent) {
    const input = ZPresent.parse(body);
    return this.step(ctx, id, 'present', async (actor, doc, _mine, now) => {
      const leaders = await activePeople(this.d, input.leaderIds, 'body.leaderIds');
      await presentTo(this.d, ctx, actor, doc, leaders, input.comment ?? null, now);
    });
  }

  /**
   * Chuyển tiếp: the clerk forwards to people (one to handle as lead, or several for information)
   * and/or units (their leaders are asked to direct it inside their unit).
   */
  forward(ctx: RequestContext, id: string, body: TForward) {
    const input = ZForward.parse(body);
    if (input.role === 'lead' && input.userIds.length > 1)
      throw new AppError('VALIDATION_FAILED', { field: 'body.userIds', details: { reason: 'oneLead' } });
    return this.step(ctx, id, 'forward', async (actor, doc, _mine, now) => {
      const people = await activePeople(this.d, input.userIds, 'body.userIds');
      const units = await this.d.repo.unitNames(input.unitIds);
      if (units.length !== new Set(input.unitIds).size)
        throw new AppError('VALIDATION_FAILED', { field: 'body.unitIds' });
      const unitLeaders = await this.d.repo.holdersIn(input.unitIds, 'incoming.direct');
      const leaderless = units.find((u) => !unitLeaders.some((l) => l.unit_id === u.id));
      if (leaderless)
        throw new AppError('VALIDATION_FAILED', {
          field: 'body.unitIds',
          details: { reason: 'noLeader', unit: leaderless.name },
        });
      if (unitLeaders.length) {
        await presentTo(
          this.d,
          ctx,
          actor,
          doc,
          unitLeaders.map((l) => ({ id: l.id, full_name: l.full_name, holds: true })),
          input.comment ?? null,
          now,
        );
      }
      if (people.length) {
        const handlers = people.map((p) => ({
          userId: p.id,
          role: input.role as THandlerRole,
          dueDate: input.dueDate ?? doc.dueDate,
          fullName: p.full_name,
        }));
        await assignHandlers(this.d, actor, doc, handlers, null);
        if (input.role === 'lead') {
          await this.d.repo.update(doc.id, {
            status: 'in_progress',
            lead_user_id: people[0].id,
            due_date: input.dueDate ?? doc.dueDate,
          });
        }
        await this.d.repo.addStep({
          documentId: doc.id,
          at: now,
          ...stepActor(actor),
          action: 'forward',
          comment: input.comment ?? null,
          targets: handlerTargets(handlers),
        });
      }
      await this.audit(ctx, doc.id, 'forward', input);
    });
  }

  /** Trả lại: a wrongly addressed document goes back to its sender with the reason. */
  returnToSender(ctx: RequestContext, id: string, reason: string) {
    return this.step(ctx, id, 'return', async (actor, doc, _mine, now) => {
      const affected = await this.d.repo.withdrawOpen(doc.id);
      await this.d.repo.update(doc.id, { status: 'returned', return_reason: reason, pin_rank: 0 });
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'return',
        comment: reason,
      });
      await this.audit(ctx, doc.id, 'return', { status: 'returned', reason }, { status: doc.status });
      await this.d.realtime.badgesChanged(affected);
    });
  }

  /**
   * Phê duyệt: the leader's direction with handlers, roles and due dates. One lead at most (and
   * one is needed when there are co-handlers); with only people "for information" the document
   * is done at once. Other leaders still waiting on it are released.
   */
  direct(ctx: RequestContext, id: string, body: TDirect) {
    const input = ZDirect.parse(body);
    const ids = input.handlers.map((h) => h.userId);
    if (new Set(ids).size !== ids.length)
      throw new AppError('VALIDATION_FAILED', { field: 'body.handlers', details: { reason: 'duplicate' } });
    const leads = input.handlers.filter((h) => h.role === 'lead');
    if (leads.length > 1)
      throw new AppError('VALIDATION_FAILED', { field: 'body.handlers', details: { reason: 'oneLead' } });
    if (leads.length === 0 && input.handlers.some((h) => h.role === 'co'))
      throw new AppError('VALIDATION_FAILED', { field: 'body.handlers', details: { reason: 'leadRequired' } });
    return this.step(ctx, id, 'direct', async (actor, doc, mine, now) => {
      const people = await activePeople(this.d, ids, 'body.handlers');
      const today = vnDate(now);
      for (const h of input.handlers)
        if (h.dueDate && h.dueDate < today)
          throw new AppError('VALIDATION_FAILED', { field: 'body.handlers', details: { reason: 'pastDue' } });
      if (input.dueDate && input.dueDate < today) throw new AppError('VALIDATION_FAILED', { field: 'body.dueDate' });
      const docDue = input.dueDate ?? input.handlers.find((h) => h.role === 'lead')?.dueDate ?? doc.dueDate;
      const handlers = input.handlers.map((h) => ({
        userId: h.userId,
        role: h.role,
        dueDate: h.dueDate ?? docDue,
        fullName: people.find((p) => p.id === h.userId)?.full_name ?? '',
      }));
      const director = openDirector(mine);
      if (director) await this.d.repo.setAssignment(director.id, { state: 'done', completedAt: now });
      const released = leads.length ? await this.releaseOtherDirectors(doc.id, director?.id ?? null, now) : [];
      await assignHandlers(this.d, actor, doc, handlers, null);
      const lead = handlers.find((h) => h.role === 'lead');
      await this.d.repo.update(doc.id, {
        direction: input.direction,
        directed_by: principalOf(actor),
        directed_at: now,
        due_date: docDue,
        status: lead ? 'in_progress' : 'done',
        ...(lead ? { lead_user_id: lead.userId } : { completed_at: now, pin_rank: 0 }),
      });
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'direct',
        comment: input.direction,
        targets: handlerTargets(handlers),
      });
      await this.audit(ctx, doc.id, 'direct', input, { status: doc.status });
      await this.d.realtime.badgesChanged([principalOf(actor), ...released]);
    });
  }

  private async releaseOtherDirectors(documentId: string, exceptId: string | null, now: Date): Promise<string[]> {
    const all = await this.d.repo.assignments(documentId);
    const others = all.filter((a) => a.role === 'director' && a.state === 'pending' && a.id !== exceptId);
    for (const a of others) await this.d.repo.setAssignment(a.id, { state: 'done', completedAt: now });
    return others.map((a) => a.userId);
  }

  /** The leader passes the direction to another leader. */
  forwardLeader(ctx: RequestContext, id: string, body: TForwardLeader) {
    const input = ZForwardLeader.parse(body);
    return this.step(ctx, id, 'forwardLeader', async (actor, doc, mine, now) => {
      const [leader] = await activePeople(this.d, [input.leaderId], 'body.leaderId');
      if (!leader.holds || leader.id === principalOf(actor))
        throw new AppError('VALIDATION_FAILED', { field: 'body.leaderId' });
      const director = openDirector(mine) as AssignmentRow;
      await this.d.repo.setAssignment(director.id, { state: 'forwarded', completedAt: now });
      await presentTo(this.d, ctx, actor, doc, [leader], input.comment ?? null, now);
      await this.d.realtime.badgesChanged([principalOf(actor)]);
    });
  }

  /**
   * A unit head passes their part on to people of their own unit (with roles and due dates);
   * their part is then done when those people finish.
   */
  reassign(ctx: RequestContext, id: string, body: TReassign) {
    const input = ZReassign.parse(body);
    const ids = input.handlers.map((h) => h.userId);
    if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', { field: 'body.handlers' });
    return this.step(ctx, id, 'reassign', async (actor, doc, mine, now) => {
      const part = openHandling(mine) as AssignmentRow;
      const people = await activePeople(this.d, ids, 'body.handlers');
      const outside = people.find((p) => !p.unit_path.startsWith(actor.unitPath) || p.id === principalOf(actor));
      if (outside) throw new AppError('VALIDATION_FAILED', { field: 'body.handlers', details: { id: outside.id } });
      const working = input.handlers.filter((h) => h.role !== 'info');
      if (working.length === 0)
        throw new AppError('VALIDATION_FAILED', { field: 'body.handlers', details: { reason: 'leadRequired' } });
      const handlers = input.handlers.map((h) => ({
        userId: h.userId,
        // A co-handler's people co-handle too; a lead's people keep the roles given.
        role: (part.role === 'co' && h.role === 'lead' ? 'co' : h.role) as THandlerRole,
        dueDate: h.dueDate ?? part.dueDate,
        fullName: people.find((p) => p.id === h.userId)?.full_name ?? '',
      }));
      await assignHandlers(this.d, actor, doc, handlers, part.id);
      await this.d.repo.setAssignment(part.id, { state: 'delegated' });
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'reassign',
        comment: input.comment ?? null,
        targets: handlerTargets(handlers),
      });
      await this.audit(ctx, doc.id, 'reassign', input);
    });
  }

  /** Ý kiến: an opinion, with files, possibly answering a request. */
  opinion(ctx: RequestContext, id: string, body: TOpinionCreate) {
    const input = ZOpinionCreate.parse(body);
    return this.step(ctx, id, 'opinion', async (actor, doc, mine, now) => {
      let requestId: string | null = null;
      if (input.requestId) {
        requestId = await this.d.repo.openRequest(doc.id, principalOf(actor), input.requestId);
        if (!requestId) throw new AppError('VALIDATION_FAILED', { field: 'body.requestId' });
      } else requestId = mine.openRequestId;
      const opinionId = uuidv7();
      await this.d.repo.addOpinion({
        id: opinionId,
        documentId: doc.id,
        authorId: actor.userId,
        onBehalfOfId: actor.onBehalfOf?.userId ?? null,
        body: input.body,
        requestId,
        at: now,
      });
      await this.d.files.attach(ctx, OPINION_FILES, opinionId, input.fileIds);
      if (requestId) await this.d.repo.answerRequest(requestId, now);
      const part = openHandling(mine);
      if (part?.state === 'pending') await this.d.repo.setAssignment(part.id, { state: 'in_progress' });
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'opinion',
        comment: input.body,
      });
      await this.audit(ctx, doc.id, 'opinion', { opinionId, body: input.body, fileIds: input.fileIds, requestId });
      if (requestId) await this.d.realtime.badgesChanged([principalOf(actor)]);
    });
  }

  /** Phiếu xin ý kiến: asks people for their opinion (their "Ý kiến" badge counts it). */
  askOpinion(ctx: RequestContext, id: string, body: TOpinionRequest) {
    const input = ZOpinionRequest.parse(body);
    return this.step(ctx, id, 'askOpinion', async (actor, doc, _mine, now) => {
      const people = await activePeople(this.d, input.userIds, 'body.userIds');
      if (people.some((p) => p.id === principalOf(actor)))
        throw new AppError('VALIDATION_FAILED', { field: 'body.userIds' });
      const ids = people.map((p) => p.id);
      await this.d.repo.addOpinionRequests(doc.id, principalOf(actor), ids, input.question, now);
      await this.d.repo.grantAccess(doc.id, ids);
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'ask-opinion',
        comment: input.question,
        targets: people.map((p) => ({ name: p.full_name, role: null, dueDate: null })),
      });
      await this.audit(ctx, doc.id, 'askOpinion', input);
      await this.d.notifier.notify(ids, {
        kind: 'incoming.askOpinion',
        title: NOTIFY_TITLES.askOpinion,
        body: `${documentLine(doc)}: ${input.question}`,
        link: documentLink(doc.id),
      });
      await this.d.realtime.badgesChanged(ids);
    });
  }

  /** Báo cáo tiến độ: the handler's progress in percent, with a note. */
  progress(ctx: RequestContext, id: string, body: TProgress) {
    const input = ZProgress.parse(body);
    return this.step(ctx, id, 'progress', async (actor, doc, mine, now) => {
      const part = openHandling(mine) as AssignmentRow;
      await this.d.repo.setAssignment(part.id, { state: 'in_progress', progress: input.progress });
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'progress',
        comment: input.comment ?? null,
        targets: [{ name: `${input.progress}%`, role: part.role, dueDate: part.dueDate }],
      });
      await this.audit(ctx, doc.id, 'progress', input);
    });
  }

  /**
   * Hoàn thành: the handler's part is done with its result. A unit head's part is done when all
   * the people they passed it to are done; the document is done when its lead part is.
   */
  complete(ctx: RequestContext, id: string, body: TComplete) {
    const input = ZComplete.parse(body);
    return this.step(ctx, id, 'complete', async (actor, doc, mine, now) => {
      const part = openHandling(mine) as AssignmentRow;
      const topLeadDone = await this.finish(doc, part, input, stepActor(actor), now);
      await this.audit(ctx, doc.id, 'complete', { ...input, assignmentId: part.id, documentDone: topLeadDone });
      await this.d.realtime.badgesChanged([principalOf(actor)]);
    });
  }

  /**
   * A handler's part is done with its result (and the parts above it that this finishes); the
   * document is done when its top lead part is. Returns whether the document is now done.
   */
  private async finish(
    doc: IncomingCore,
    part: AssignmentRow,
    input: { result: string; replyCode?: string | null },
    by: { actorId: string; onBehalfOfId: string | null },
    now: Date,
  ): Promise<boolean> {
    await this.d.repo.setAssignment(part.id, { state: 'done', progress: 100, result: input.result, completedAt: now });
    const all = await this.d.repo.assignments(doc.id);
    const finished = await this.propagate(all, part, input.result, now);
    const topLeadDone = finished.some((a) => a.role === 'lead' && a.parentId === null);
    await this.d.repo.addStep({
      documentId: doc.id,
      at: now,
      ...by,
      action: 'complete',
      comment: input.result,
      targets: [{ name: ROLE_WORDS[part.role], role: part.role, dueDate: part.dueDate }],
    });
    if (topLeadDone) {
      await this.d.repo.update(doc.id, {
        status: 'done',
        completed_at: now,
        result: input.result,
        reply_code: input.replyCode ?? null,
        pin_rank: 0,
      });
      const watchers = [
        doc.createdBy,
        ...all.filter((a) => a.role === 'director' && a.state === 'done').map((a) => a.userId),
      ];
      await this.d.notifier.notify(
        watchers.filter((u) => u !== by.actorId),
        { kind: 'incoming.done', title: NOTIFY_TITLES.done, body: documentLine(doc), link: documentLink(doc.id) },
      );
    }
    await this.d.receipts?.syncFromIncoming(doc.id, null);
    return topLeadDone;
  }

  /** True when the person has an open lead or co-handling part in the document. */
  async isHandler(incomingId: string, userId: string): Promise<boolean> {
    const all = await this.d.repo.assignments(incomingId);
    return (
      openHandling({ assignments: all.filter((a) => a.userId === userId), openRequestId: null, hasAccess: true }) !==
      undefined
    );
  }

  /**
   * The reply a handler drafted was issued: their open part is done with "Đã trả lời bằng văn bản
   * số …" — the loop of the incoming document closes without a separate step (Điều 3.1e).
   */
  async closeByReply(
    input: { incomingId: string; handlerId: string; replyCode: string; outgoingId: string },
    at: Date,
  ): Promise<void> {
    const doc = await this.d.repo.core(input.incomingId, true);
    if (doc?.status !== 'in_progress') return;
    const all = await this.d.repo.assignments(doc.id, true);
    const part = openHandling({
      assignments: all.filter((a) => a.userId === input.handlerId),
      openRequestId: null,
      hasAccess: true,
    });
    if (!part) return;
    await this.finish(
      doc,
      part,
      { result: `Đã trả lời bằng văn bản số ${input.replyCode}`, replyCode: input.replyCode },
      { actorId: input.handlerId, onBehalfOfId: null },
      at,
    );
    await this.d.realtime.badgesChanged([input.handlerId]);
  }

  /** Marks parents done whose working children are all done; returns every part finished now. */
  private async propagate(
    all: AssignmentRow[],
    done: AssignmentRow,
    result: string,
    now: Date,
  ): Promise<AssignmentRow[]> {
    const finished = [done];
    let current = done;
    const state = new Map(all.map((a) => [a.id, a.id === done.id ? 'done' : a.state]));
    while (current.parentId) {
      const parent = all.find((a) => a.id === current.parentId);
      if (!parent || state.get(parent.id) !== 'delegated') break;
      const siblings = all.filter((a) => a.parentId === parent.id && a.role !== 'info');
      if (!siblings.every((s) => state.get(s.id) === 'done' || state.get(s.id) === 'withdrawn')) break;
      await this.d.repo.setAssignment(parent.id, { state: 'done', progress: 100, result, completedAt: now });
      state.set(parent.id, 'done');
      finished.push(parent);
      current = parent;
    }
    return finished;
  }
}
