import {
  type TApprove,
  type TOutgoingDetail,
  type TOutgoingReason,
  type TSubmit,
  ZApprove,
  ZOutgoingReason,
  ZSubmit,
} from '../../../contracts/outgoing';
import { type Actor, type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';
import { auditOutgoing, outgoingLink, type OutgoingDeps } from './outgoing.deps';
import { authorizeStep, myPendingReview, type OutgoingPart, type OutgoingStep } from './outgoing.policy';
import type { OutgoingCore } from './outgoing.repository';
import type { FlowStep } from './outgoing.schema';
import { type OutgoingService, stepActor } from './outgoing.service';

/**
 * The approval path of a draft (ND30 Điều 10–13: draft → review → sign): submit on the unit's
 * flow for the type (or to the chosen signer), each step's reviewers approve (one of them, or
 * all when co-signing), return with comments (back to the drafter; re-submitting starts the
 * path again), and the last step signs it for the clerk to issue.
 */
export class OutgoingFlowService {
  constructor(
    private readonly d: OutgoingDeps,
    private readonly outgoing: OutgoingService,
  ) {}

  private audit(ctx: RequestContext, id: string, action: string, after: unknown, before?: unknown) {
    return auditOutgoing(this.d, ctx, id, action, after, before);
  }

  /** Loads and locks the document, checks the step, runs it, answers the fresh detail. */
  async step(
    ctx: RequestContext,
    id: string,
    ability: OutgoingStep,
    fn: (actor: Actor, doc: OutgoingCore, part: OutgoingPart, now: Date) => Promise<void>,
  ): Promise<TOutgoingDetail> {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      const { doc } = await this.outgoing.visible(actor, id, true);
      const reviews = await this.d.repo.reviews(id, doc.round, true);
      const part = { reviews, hasAccess: await this.d.repo.hasAccess(id, principalOf(actor)) };
      const hasFlow = Boolean(await this.d.repo.flowFor(doc.unitId, doc.documentTypeId));
      authorizeStep(actor, doc, part, hasFlow, ability, ability === 'send' && (await this.d.repo.hasUnsent(id)));
      await fn(actor, doc, part, this.d.clock.now());
    });
    return this.outgoing.detail(ctx, id);
  }

  /** Starts step `index` of the round: its reviewers get pending reviews and a notification. */
  private async openStep(doc: OutgoingCore, steps: FlowStep[], round: number, index: number): Promise<void> {
    const step = steps[index];
    const people = await this.d.repo.resolveApprovers(doc.unitId, step.approvers);
    if (people.length === 0)
      throw new AppError('INVALID_STATE', { details: { step: step.label, reason: 'noApprover' } });
    await this.d.repo.addReviews(doc.id, round, index, people);
    await this.d.notifier.notify(people, {
      kind: 'outgoing.review',
      title: index === steps.length - 1 ? 'Văn bản đi chờ ký' : 'Văn bản đi chờ duyệt',
      body: `${doc.typeName}: ${doc.subject}`,
      link: outgoingLink(doc.id),
    });
  }

  /** Trình duyệt: on the unit's flow for the type, or to the chosen signer when there is none. */
  submit(ctx: RequestContext, id: string, body: TSubmit) {
    const input = ZSubmit.parse(body);
    return this.step(ctx, id, 'submit', async (actor, doc, _part, now) => {
      if (doc.versionCount === 0) throw new AppError('VALIDATION_FAILED', { field: 'body.fileIds' });
      const flow = await this.d.repo.flowFor(doc.unitId, doc.documentTypeId);
      let steps: FlowStep[];
      if (flow) steps = flow.steps;
      else {
        const signerId = input.signerId ?? doc.signerId;
        if (!signerId) throw new AppError('VALIDATION_FAILED', { field: 'body.signerId' });
        await this.outgoing.checkSigner(doc.unitId, signerId);
        steps = [{ label: 'Ký ban hành', mode: 'any', approvers: [{ kind: 'user', refId: signerId }] }];
      }
      const round = doc.round + 1;
      await this.d.repo.update(doc.id, {
        status: 'in_review',
        steps,
        flow_id: flow?.id ?? null,
        current_step: 0,
        round,
        ...(input.signerId ? { signer_id: input.signerId } : {}),
      });
      await this.openStep(doc, steps, round, 0);
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'submit',
        comment: input.comment ?? null,
        version: doc.versionCount,
      });
      await this.audit(ctx, doc.id, 'submit', { round, steps: steps.map((s) => s.label), comment: input.comment });
    });
  }

  /**
   * Duyệt / Ký: the reviewer approves. A step is done when one reviewer approved (mode any) or all
   * did (co-signing); the next step opens, or — after the last — the document is signed by the
   * last approver and waits for the unit's clerks to issue it.
   */
  approve(ctx: RequestContext, id: string, body: TApprove) {
    const input = ZApprove.parse(body);
    return this.step(ctx, id, 'approve', async (actor, doc, part, now) => {
      const mine = myPendingReview(actor, doc, part);
      if (!mine) throw new AppError('INVALID_STATE');
      await this.d.repo.setReview(mine.id, 'approved', input.comment ?? null, now);
      const step = doc.steps[doc.currentStep];
      const others = part.reviews.filter(
        (r) => r.stepIndex === doc.currentStep && r.state === 'pending' && r.id !== mine.id,
      );
      const stepDone = step.mode === 'any' || others.length === 0;
      const last = doc.currentStep === doc.steps.length - 1;
      if (stepDone && step.mode === 'any') await this.d.repo.skipPending(doc.id, now);
      let action: 'approve' | 'sign' = 'approve';
      if (stepDone && last) {
        action = 'sign';
        const signer = await this.d.repo.person(principalOf(actor));
        await this.d.repo.update(doc.id, {
          status: 'signed',
          signed_at: now,
          signer_id: principalOf(actor),
          signer_name: signer?.full_name ?? actor.fullName,
          signer_position: signer?.job_title ?? null,
        });
        const clerks = await this.d.repo.holdersIn(doc.unitId, 'outgoing.issue');
        await this.d.notifier.notify(
          [...clerks, doc.createdBy].filter((u) => u !== principalOf(actor)),
          {
            kind: 'outgoing.signed',
            title: 'Văn bản đi đã ký, chờ phát hành',
            body: `${doc.typeName}: ${doc.subject}`,
            link: outgoingLink(doc.id),
          },
        );
      } else if (stepDone) {
        await this.d.repo.update(doc.id, { current_step: doc.currentStep + 1 });
        await this.openStep(doc, doc.steps, doc.round, doc.currentStep + 1);
      }
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action,
        comment: input.comment ?? null,
        version: doc.versionCount,
      });
      await this.audit(ctx, doc.id, action, { step: doc.currentStep, comment: input.comment ?? null });
    });
  }

  /** Trả lại: back to the drafter with the reviewer's comments; the round ends. */
  returnToDrafter(ctx: RequestContext, id: string, body: TOutgoingReason) {
    const input = ZOutgoingReason.parse(body);
    return this.step(ctx, id, 'return', async (actor, doc, part, now) => {
      const mine = myPendingReview(actor, doc, part);
      if (!mine) throw new AppError('INVALID_STATE');
      await this.d.repo.setReview(mine.id, 'returned', input.reason, now);
      await this.d.repo.skipPending(doc.id, now);
      await this.d.repo.update(doc.id, { status: 'returned' });
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'return',
        comment: input.reason,
        version: doc.versionCount,
      });
      await this.d.notifier.notify([doc.createdBy], {
        kind: 'outgoing.returned',
        title: 'Dự thảo bị trả lại',
        body: `${doc.subject}: ${input.reason}`,
        link: outgoingLink(doc.id),
      });
      await this.audit(ctx, doc.id, 'return', { step: doc.currentStep, reason: input.reason });
    });
  }

  /** Hủy: a draft abandoned before it was issued (kept, with the reason). */
  cancel(ctx: RequestContext, id: string, body: TOutgoingReason) {
    const input = ZOutgoingReason.parse(body);
    return this.step(ctx, id, 'cancel', async (actor, doc, _part, now) => {
      await this.d.repo.skipPending(doc.id, now);
      await this.d.repo.update(doc.id, { status: 'cancelled' });
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'cancel',
        comment: input.reason,
      });
      await this.audit(ctx, doc.id, 'cancel', { reason: input.reason }, { status: doc.status });
    });
  }
}
