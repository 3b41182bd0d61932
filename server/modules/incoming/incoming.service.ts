import { vnDate, vnYear } from '../../../contracts/calendar';
import { organNameKey } from '../../../contracts/catalogs';
import {
  codeKey,
  type TDuplicate,
  type TIncomingCreate,
  type TIncomingCreated,
  type TIncomingDetail,
  type TIncomingFormOptions,
  type TIncomingUpdate,
  type TPersonOption,
  type TPersonRef,
  ZIncomingCreate,
  ZIncomingUpdate,
} from '../../../contracts/incoming';
import { type Actor, type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors';
import { checkedLevels, type DocumentReferences } from '../catalogs/document-references';
import { distribute } from './incoming-distribute';
import { DOC_FILES, type IncomingDeps, OPINION_FILES } from './incoming.deps';
import { abilities, authorizeStep, canSee } from './incoming.policy';
import type { IncomingCore } from './incoming.repository';
import { isoOrNull as iso, dateOrNull as day } from '../../platform/db/values';

type Created = ReturnType<typeof ZIncomingCreate.parse>;
type Updated = ReturnType<typeof ZIncomingUpdate.parse>;

function toDuplicate(r: {
  id: string;
  arrival_number: number;
  year: number;
  arrival_at: string;
  subject: string;
  unit_name: string;
}): TDuplicate {
  return {
    id: r.id,
    arrivalNumber: Number(r.arrival_number),
    year: Number(r.year),
    arrivalAt: iso(r.arrival_at) as string,
    subject: r.subject,
    unitName: r.unit_name,
  };
}

/** A person as the detail shows them, from a row with user_id, full_name, job_title, unit_name. */
function personRef(r: Record<string, unknown>): TPersonRef {
  return {
    id: r.user_id as string,
    fullName: r.full_name as string,
    jobTitle: (r.job_title as string | null) ?? null,
    unitName: r.unit_name as string,
  };
}

/** Who acted, for the trail: the real person and, under a delegation, the person they acted for. */
export function stepActor(actor: Actor) {
  return { actorId: actor.userId, onBehalfOfId: actor.onBehalfOf?.userId ?? null };
}

/**
 * Use cases of registering and reading incoming documents (Nhập, Xem văn bản đến). The flow
 * steps (present, direct, handle …) are in incoming-flow.service.ts.
 */
export class IncomingService {
  constructor(private readonly d: IncomingDeps) {}

  /** A document the actor may see, or 404 (missing and hidden look the same). */
  async visible(actor: Actor, id: string, lock = false): Promise<{ doc: IncomingCore; hasAccess: boolean }> {
    const doc = await this.d.repo.core(id, lock);
    if (!doc) throw new AppError('NOT_FOUND');
    const hasAccess = await this.d.repo.hasAccess(id, principalOf(actor));
    if (!canSee(actor, doc, hasAccess)) throw new AppError('NOT_FOUND');
    return { doc, hasAccess };
  }

  async formOptions(ctx: RequestContext): Promise<TIncomingFormOptions> {
    const actor = authorize(ctx.actor, 'incoming.register');
    const year = vnYear(this.d.clock.now());
    const [nextNumber, nextSecretNumber, last, unit, maxFileMb, allowedTypes] = await Promise.all([
      this.d.registers.peek(actor.unitId, 'incoming', year, false),
      this.d.registers.peek(actor.unitId, 'incoming', year, true),
      this.d.repo.lastUsed(principalOf(actor)),
      this.d.repo.unitNames([actor.unitId]),
      this.d.settings.get('upload.maxFileMb'),
      this.d.settings.get('upload.allowedTypes'),
    ]);
    return {
      unitId: actor.unitId,
      unitName: unit[0]?.name ?? '',
      year,
      nextNumber,
      nextSecretNumber,
      last: last
        ? {
            issuingOrganId: last.issuing_organ_id,
            issuingOrganName: last.issuing_organ_name,
            documentTypeId: last.document_type_id,
          }
        : null,
      maxFileMb,
      allowedTypes: [...allowedTypes],
    };
  }

  /** Already registered documents with the same code and issuing organ (a warning, never a block). */
  async duplicates(
    ctx: RequestContext,
    q: {
      codeNumber?: string;
      codeNotation?: string;
      issuingOrganId?: string;
      issuingOrganName?: string;
      excludeId?: string;
    },
  ): Promise<TDuplicate[]> {
    authorize(ctx.actor, 'incoming.register');
    const key = codeKey(q.codeNumber, q.codeNotation);
    if (!key || !q.codeNumber) return [];
    const nameKey = q.issuingOrganName ? organNameKey(q.issuingOrganName) || null : null;
    if (!q.issuingOrganId && !nameKey) return [];
    const rows = await this.d.repo.duplicates(key, { id: q.issuingOrganId ?? null, nameKey }, q.excludeId);
    return rows.map(toDuplicate);
  }

  /** Checks the catalog references of a document; returns the ranks of its levels. */
  private async checkReferences(input: DocumentReferences) {
    return checkedLevels(await this.d.repo.references(input), input);
  }

  /** The organ of a registration: a catalog id, or a name found or added to the catalog. */
  private async resolveOrgan(ctx: RequestContext, id: string | null | undefined, name: string | null | undefined) {
    if (id) {
      const rows = await this.d.repo.organ(id);
      if (!rows) throw new AppError('VALIDATION_FAILED', { field: 'body.issuingOrganId' });
      return { id: rows.id, name: rows.name };
    }
    if (!name) throw new AppError('VALIDATION_FAILED', { field: 'body.issuingOrganName' });
    const organ = await this.d.organs.findOrCreateIssuingOrgan(ctx, name);
    return { id: organ.id, name: organ.name };
  }

  /**
   * Nhập văn bản đến: takes the next arrival number of the unit's register for the year (the
   * secret register for Mật and above) in the same transaction as the document, its files, its
   * trail and its audit entry — so a failed registration gives its number back and two clerks
   * never get the same one. Recipients chosen on the form are presented or forwarded at once.
   */
  async register(ctx: RequestContext, body: TIncomingCreate): Promise<TIncomingCreated> {
    const actor = authorize(ctx.actor, 'incoming.register');
    const input: Created = ZIncomingCreate.parse(body);
    const now = this.d.clock.now();
    const arrivalAt = input.arrivalAt ? new Date(input.arrivalAt) : now;
    if (arrivalAt.getTime() > now.getTime() + 60_000 || vnYear(arrivalAt) !== vnYear(now))
      throw new AppError('VALIDATION_FAILED', { field: 'body.arrivalAt' });
    const id = uuidv7();
    const duplicates = await this.d.tx.transaction(async () => {
      if (input.deliveryId && !this.d.receipts) throw new AppError('VALIDATION_FAILED', { field: 'body.deliveryId' });
      const fromDelivery =
        input.deliveryId && this.d.receipts ? await this.d.receipts.forRegistration(actor, input.deliveryId) : null;
      const levels = await this.checkReferences({
        documentTypeId: input.documentTypeId,
        confidentialityCode: input.confidentialityCode ?? null,
        urgencyCode: input.urgencyCode ?? null,
        fieldId: input.fieldId ?? null,
      });
      const organ = await this.resolveOrgan(ctx, input.issuingOrganId, input.issuingOrganName);
      const confidential = levels.confRank > 0;
      const year = vnYear(arrivalAt);
      const unitPath = await this.d.repo.unitPath(actor.unitId);
      const key = codeKey(input.codeNumber, input.codeNotation);
      const dups = key && input.codeNumber ? await this.d.repo.duplicates(key, { id: organ.id, nameKey: null }) : [];
      const { registerId, number } = await this.d.registers.take(actor.unitId, 'incoming', year, confidential);
      await this.d.repo.insert({
        id,
        unitId: actor.unitId,
        unitPath,
        registerId,
        year,
        arrivalNumber: number,
        arrivalAt,
        issuingOrganId: organ.id,
        issuingOrganName: organ.name,
        documentTypeId: input.documentTypeId,
        codeNumber: input.codeNumber ?? null,
        codeNotation: input.codeNotation ?? null,
        codeKey: key,
        issuedDate: input.issuedDate ?? null,
        signer: input.signer ?? null,
        subject: input.subject,
        pageCount: input.pageCount ?? null,
        confidentialityCode: input.confidentialityCode && levels.confRank > 0 ? input.confidentialityCode : null,
        confidential,
        urgencyCode: input.urgencyCode && levels.urgRank > 0 ? input.urgencyCode : null,
        urgencyRank: levels.urgRank,
        fieldId: input.fieldId ?? null,
        dueDate: input.dueDate ?? null,
        notes: input.notes ?? null,
        createdBy: principalOf(actor),
      });
      await this.d.files.attach(ctx, DOC_FILES, id, input.fileIds);
      if (fromDelivery && input.deliveryId && this.d.receipts) {
        // A document another unit sent: its files come with it, and the sender sees it registered.
        await this.d.repo.update(id, { delivery_id: input.deliveryId });
        await this.d.receipts.registered(ctx, input.deliveryId, fromDelivery.versionId, id, DOC_FILES);
      }
      await this.d.repo.addStep({ documentId: id, at: now, ...stepActor(actor), action: 'register' });
      await this.d.audit.record(ctx, {
        action: 'incoming.register',
        entityType: 'incoming_document',
        entityId: id,
        after: { ...input, arrivalNumber: number, year, registerId, issuingOrganId: organ.id },
      });
      if (input.recipientIds.length) await distribute(this.d, ctx, actor, id, input.recipientIds, now);
      if (fromDelivery) await this.d.receipts?.syncFromIncoming(id, actor.fullName);
      return dups;
    });
    const document = await this.detail(ctx, id);
    return {
      document,
      duplicates: duplicates.map(toDuplicate),
    };
  }

  /** Corrects the metadata while the document is open; the arrival number and register never change. */
  async update(ctx: RequestContext, id: string, body: TIncomingUpdate): Promise<TIncomingDetail> {
    const actor = signedIn(ctx);
    const patch: Updated = ZIncomingUpdate.parse(body);
    await this.d.tx.transaction(async () => {
      const { doc, hasAccess } = await this.visible(actor, id, true);
      authorizeStep(actor, doc, { assignments: [], openRequestId: null, hasAccess }, 'update');
      const before = await this.d.repo.editable(id);
      const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
      const levels = await this.checkReferences({
        documentTypeId: merged.documentTypeId as string,
        confidentialityCode: (merged.confidentialityCode as string | null) ?? null,
        urgencyCode: (merged.urgencyCode as string | null) ?? null,
        fieldId: (merged.fieldId as string | null) ?? null,
      });
      if (levels.confRank > 0 !== doc.confidential)
        throw new AppError('VALIDATION_FAILED', {
          field: 'body.confidentialityCode',
          details: { reason: 'registerChange' },
        });
      const set: Record<string, unknown> = {};
      if (patch.issuingOrganId !== undefined || patch.issuingOrganName !== undefined) {
        const organ = await this.resolveOrgan(ctx, patch.issuingOrganId, patch.issuingOrganName);
        set.issuing_organ_id = organ.id;
        set.issuing_organ_name = organ.name;
      }
      const columns: Record<string, string> = {
        documentTypeId: 'document_type_id',
        codeNumber: 'code_number',
        codeNotation: 'code_notation',
        issuedDate: 'issued_date',
        signer: 'signer',
        subject: 'subject',
        pageCount: 'page_count',
        fieldId: 'field_id',
        dueDate: 'due_date',
        notes: 'notes',
      };
      for (const [k, col] of Object.entries(columns)) {
        const v = patch[k as keyof Updated];
        if (v !== undefined) set[col] = v;
      }
      if (patch.codeNumber !== undefined || patch.codeNotation !== undefined)
        set.code_key = codeKey(merged.codeNumber as string | null, merged.codeNotation as string | null);
      if (patch.confidentialityCode !== undefined)
        set.confidentiality_code = levels.confRank > 0 ? patch.confidentialityCode : null;
      if (patch.urgencyCode !== undefined) {
        set.urgency_code = levels.urgRank > 0 ? patch.urgencyCode : null;
        set.urgency_rank = levels.urgRank;
        set.pin_rank = levels.urgRank;
      }
      if (Object.keys(set).length === 0) return;
      await this.d.repo.update(id, set);
      await this.d.repo.addStep({ documentId: id, at: this.d.clock.now(), ...stepActor(actor), action: 'update' });
      await this.d.audit.record(ctx, {
        action: 'incoming.update',
        entityType: 'incoming_document',
        entityId: id,
        before,
        after: patch,
      });
    });
    return this.detail(ctx, id);
  }

  /** Cancels a wrongly registered document: it keeps its number in the register, with the reason. */
  async cancel(ctx: RequestContext, id: string, reason: string): Promise<TIncomingDetail> {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      const { doc, hasAccess } = await this.visible(actor, id, true);
      authorizeStep(actor, doc, { assignments: [], openRequestId: null, hasAccess }, 'cancel');
      const now = this.d.clock.now();
      const affected = await this.d.repo.withdrawOpen(id);
      await this.d.repo.update(id, { status: 'cancelled', cancel_reason: reason, pin_rank: 0 });
      await this.d.repo.addStep({ documentId: id, at: now, ...stepActor(actor), action: 'cancel', comment: reason });
      await this.d.audit.record(ctx, {
        action: 'incoming.cancel',
        entityType: 'incoming_document',
        entityId: id,
        before: { status: doc.status },
        after: { status: 'cancelled', reason },
      });
      await this.d.realtime.badgesChanged(affected);
    });
    return this.detail(ctx, id);
  }

  /** Xem văn bản đến: everything about one document, with what this user may do. */
  async detail(ctx: RequestContext, id: string): Promise<TIncomingDetail> {
    const actor = signedIn(ctx);
    const { doc, hasAccess } = await this.visible(actor, id);
    const me = principalOf(actor);
    const today = vnDate(this.d.clock.now());
    const [row, extra, assignments, trail, opinions, asks, myAssignments, openRequestId] = await Promise.all([
      this.d.lists.row(id, me, today),
      this.d.lists.detailExtra(id),
      this.d.lists.assignmentsDetail(id, today),
      this.d.lists.trail(id),
      this.d.lists.opinions(id),
      this.d.lists.opinionAsks(id),
      this.d.repo.assignments(id).then((all) => all.filter((a) => a.userId === me)),
      this.d.repo.openRequest(id, me),
    ]);
    if (!row || !extra) throw new AppError('NOT_FOUND');
    const opinionIds = opinions.map((o) => o.id as string);
    const [docFiles, opinionFiles] = await Promise.all([
      this.d.files.listFor(DOC_FILES, [id]),
      this.d.files.listFor(OPINION_FILES, opinionIds),
    ]);
    return {
      ...row,
      unitId: extra.unit_id as string,
      registerName: extra.register_name as string,
      issuingOrganId: (extra.issuing_organ_id as string | null) ?? null,
      documentTypeId: extra.document_type_id as string,
      codeNumber: (extra.code_number as string | null) ?? null,
      codeNotation: (extra.code_notation as string | null) ?? null,
      signer: (extra.signer as string | null) ?? null,
      pageCount: extra.page_count === null ? null : Number(extra.page_count),
      field: extra.field_id ? { id: extra.field_id as string, name: extra.field_name as string } : null,
      notes: (extra.notes as string | null) ?? null,
      direction: (extra.direction as string | null) ?? null,
      directedBy: (extra.directed_by as string | null) ?? null,
      directedAt: iso(extra.directed_at),
      registeredBy: extra.registered_by as string,
      completedAt: iso(extra.completed_at),
      result: (extra.result as string | null) ?? null,
      replyCode: (extra.reply_code as string | null) ?? null,
      cancelReason: (extra.cancel_reason as string | null) ?? null,
      returnReason: (extra.return_reason as string | null) ?? null,
      files: docFiles.get(id) ?? [],
      assignments: assignments.map((a) => ({
        id: a.id as string,
        person: personRef(a),
        role: a.role as TIncomingDetail['assignments'][number]['role'],
        state: a.state as TIncomingDetail['assignments'][number]['state'],
        dueDate: day(a.due_date),
        overdue: Boolean(a.overdue),
        progress: Number(a.progress),
        result: (a.result as string | null) ?? null,
        assignedBy: (a.assigned_by as string | null) ?? null,
        parentId: (a.parent_id as string | null) ?? null,
        createdAt: iso(a.created_at) as string,
        completedAt: iso(a.completed_at),
        seenAt: iso(a.seen_at),
      })),
      trail: trail.map((s) => ({
        id: s.id as string,
        at: iso(s.at) as string,
        action: s.action as TIncomingDetail['trail'][number]['action'],
        actor: s.actor as string,
        onBehalfOf: (s.on_behalf_of as string | null) ?? null,
        comment: (s.comment as string | null) ?? null,
        targets: (s.targets as TIncomingDetail['trail'][number]['targets']) ?? [],
      })),
      opinions: opinions.map((o) => ({
        id: o.id as string,
        author: o.author as string,
        onBehalfOf: (o.on_behalf_of as string | null) ?? null,
        body: o.body as string,
        createdAt: iso(o.created_at) as string,
        files: opinionFiles.get(o.id as string) ?? [],
        question: (o.question as string | null) ?? null,
      })),
      opinionAsks: asks.map((r) => ({
        id: r.id as string,
        askedBy: r.asked_by as string,
        person: personRef(r),
        question: r.question as string,
        createdAt: iso(r.created_at) as string,
        answeredAt: iso(r.answered_at),
      })),
      abilities: abilities(actor, doc, { assignments: myAssignments, openRequestId, hasAccess }),
    };
  }

  /**
   * Records the user's first view (the "Văn bản đến chưa xem" badge drops); a "for information"
   * part is done once read.
   */
  async markSeen(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    const actor = signedIn(ctx);
    const me = principalOf(actor);
    await this.d.tx.transaction(async () => {
      await this.visible(actor, id);
      const now = this.d.clock.now();
      const first = await this.d.repo.markSeen(id, me, now);
      await this.d.repo.closeInfoParts(id, me, now);
      if (first) await this.d.realtime.badgesChanged([me]);
    });
    return { ok: true };
  }

  /** People to present to, forward to, ask or assign. */
  async people(
    ctx: RequestContext,
    q: { q?: string; kind: 'leaders' | 'handlers'; unitId?: string; limit: number },
  ): Promise<TPersonOption[]> {
    const actor = signedIn(ctx);
    const rows = await this.d.lists.peopleOptions({
      q: q.q,
      leadersOnly: q.kind === 'leaders',
      unitId: q.unitId,
      myUnitId: actor.unitId,
      limit: q.limit,
    });
    return rows.map((r) => ({
      id: r.id as string,
      fullName: r.full_name as string,
      jobTitle: (r.job_title as string | null) ?? null,
      unitName: r.unit_name as string,
      unitId: r.unit_id as string,
      leader: Boolean(r.leader),
    }));
  }
}
