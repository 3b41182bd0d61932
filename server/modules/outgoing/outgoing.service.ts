import { vnYear } from '../../../contracts/calendar';
import {
  formatOutgoingNumber,
  type TOutgoingCreate,
  type TOutgoingDetail,
  type TOutgoingFormOptions,
  type TOutgoingUpdate,
  type TRecipientInput,
  ZOutgoingCreate,
  ZOutgoingUpdate,
} from '../../../contracts/outgoing';
import { type Actor, type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import { uuidv7 } from '../../platform/db/ids';
import { dateOrNull as day, isoOrNull as iso } from '../../platform/db/values';
import { AppError } from '../../platform/errors';
import { checkedLevels, type DocumentReferences } from '../catalogs/document-references';
import type { RecipientRow } from '../exchange/exchange.repository';
import { VERSION_FILES } from '../exchange/exchange.service';
import type { OutgoingDeps } from './outgoing.deps';
import { abilities, canSee, type OutgoingPart } from './outgoing.policy';
import type { OutgoingCore } from './outgoing.repository';

/** Who acted, for the trail. */
export function stepActor(actor: Actor) {
  return { actorId: actor.userId, onBehalfOfId: actor.onBehalfOf?.userId ?? null };
}

/** "15/QĐ-PGDĐT" of an issued document. */
export function codeOf(doc: Pick<OutgoingCore, 'codeNumber' | 'codeNotation'>): string {
  if (doc.codeNumber === null) return '';
  return `${formatOutgoingNumber(doc.codeNumber)}/${doc.codeNotation}`;
}

type Parsed = ReturnType<typeof ZOutgoingCreate.parse>;

/** Use cases of drafting and reading outgoing documents (Nhập, Xem văn bản đi). */
export class OutgoingService {
  constructor(private readonly d: OutgoingDeps) {}

  /** A document the actor may see with their part in it, or 404. */
  async visible(actor: Actor, id: string, lock = false): Promise<{ doc: OutgoingCore; part: OutgoingPart }> {
    const doc = await this.d.repo.core(id, lock);
    if (!doc) throw new AppError('NOT_FOUND');
    const me = principalOf(actor);
    const [reviews, hasAccess, reviewedEver] = await Promise.all([
      this.d.repo.reviews(id, doc.round),
      this.d.repo.hasAccess(id, me),
      this.d.repo.isReviewer(id, me),
    ]);
    const part = { reviews, hasAccess };
    if (!canSee(actor, doc, { ...part, reviewedEver })) throw new AppError('NOT_FOUND');
    return { doc, part };
  }

  async formOptions(ctx: RequestContext): Promise<TOutgoingFormOptions> {
    const actor = authorize(ctx.actor, 'outgoing.draft');
    const year = vnYear(this.d.clock.now());
    const [nextNumber, nextSecretNumber, flowTypeIds, last, unit, maxFileMb, allowedTypes] = await Promise.all([
      this.d.registers.peek(actor.unitId, 'outgoing', year, false),
      this.d.registers.peek(actor.unitId, 'outgoing', year, true),
      this.d.repo.flowTypeIds(actor.unitId),
      this.d.repo.lastUsed(principalOf(actor)),
      this.d.repo.unit(actor.unitId),
      this.d.settings.get('upload.maxFileMb'),
      this.d.settings.get('upload.allowedTypes'),
    ]);
    return {
      unitId: actor.unitId,
      unitName: unit?.name ?? '',
      unitShortName: unit?.short_name ?? '',
      year,
      nextNumber,
      nextSecretNumber,
      flowTypeIds,
      last: last ? { draftingCode: last.drafting_code, signerId: last.signer_id } : null,
      maxFileMb,
      allowedTypes: [...allowedTypes],
    };
  }

  /** Checks the catalog references of a document; returns the ranks of its levels. */
  async checkReferences(input: DocumentReferences) {
    return checkedLevels(await this.d.repo.references(input), input);
  }

  /** Recipients as stored: units must exist, be active and not be the sender; duplicates dropped. */
  async resolveRecipients(unitId: string, input: readonly TRecipientInput[]): Promise<RecipientRow[]> {
    const unitIds = [...new Set(input.filter((r) => r.kind === 'unit').map((r) => (r as { unitId: string }).unitId))];
    const units = await this.d.deliveries.units(unitIds);
    const out: RecipientRow[] = [];
    for (const id of unitIds) {
      const u = units.find((x) => x.id === id);
      if (!u?.active || id === unitId) throw new AppError('VALIDATION_FAILED', { field: 'body.recipients' });
      out.push({ kind: 'unit', unitId: id, name: u.name, email: null });
    }
    const seen = new Set<string>();
    for (const r of input) {
      if (r.kind !== 'organ') continue;
      const key = r.name.toLocaleLowerCase('vi');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: 'organ', unitId: null, name: r.name, email: r.email ?? null });
    }
    return out;
  }

  /** People given it for information: active members of the unit. */
  async checkInfoUsers(unitId: string, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const members = await this.d.repo.membersOf(unitId, unique);
    if (members.length !== unique.length) throw new AppError('VALIDATION_FAILED', { field: 'body.infoUserIds' });
    return unique;
  }

  /** The chosen signer: an active person of the unit. */
  async checkSigner(unitId: string, signerId: string | null | undefined, field = 'body.signerId') {
    if (!signerId) return null;
    const p = await this.d.repo.person(signerId);
    if (!p || p.unit_id !== unitId) throw new AppError('VALIDATION_FAILED', { field });
    return p;
  }

  /**
   * Soạn văn bản đi: a new draft in the actor's unit with its files as version 1. A reply to an
   * incoming document is allowed to the document's handlers only and is linked to it.
   */
  async create(ctx: RequestContext, body: TOutgoingCreate): Promise<TOutgoingDetail> {
    const actor = authorize(ctx.actor, 'outgoing.draft');
    const input: Parsed = ZOutgoingCreate.parse(body);
    const id = uuidv7();
    await this.d.tx.transaction(async () => {
      const levels = await this.checkReferences({
        documentTypeId: input.documentTypeId,
        confidentialityCode: input.confidentialityCode ?? null,
        urgencyCode: input.urgencyCode ?? null,
        fieldId: input.fieldId ?? null,
      });
      await this.checkSigner(actor.unitId, input.signerId);
      const recipients = await this.resolveRecipients(actor.unitId, input.recipients);
      const info = await this.checkInfoUsers(actor.unitId, input.infoUserIds);
      if (input.replyToIncomingId && !(await this.d.replies.isHandler(input.replyToIncomingId, principalOf(actor))))
        throw new AppError('VALIDATION_FAILED', { field: 'body.replyToIncomingId' });
      const unit = await this.d.repo.unit(actor.unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      await this.d.repo.insert({
        id,
        unitId: actor.unitId,
        unitPath: unit.path,
        documentTypeId: input.documentTypeId,
        subject: input.subject,
        summary: input.summary ?? null,
        draftingCode: input.draftingCode ?? null,
        pageCount: input.pageCount ?? null,
        copies: input.copies ?? null,
        confidentialityCode: input.confidentialityCode ?? null,
        confidential: levels.confRank > 0,
        urgencyCode: input.urgencyCode ?? null,
        urgencyRank: levels.urgRank,
        fieldId: input.fieldId ?? null,
        dueDate: input.dueDate ?? null,
        signerPrefix: input.signerPrefix ?? null,
        signerId: input.signerId ?? null,
        recipientsText: input.recipientsText ?? null,
        fileCopyTo: input.fileCopyTo ?? null,
        notes: input.notes ?? null,
        replacesId: null,
        replyToIncomingId: input.replyToIncomingId ?? null,
        createdBy: principalOf(actor),
      });
      await this.d.deliveries.replacePending(id, actor.unitId, recipients);
      await this.d.repo.setInfoUsers(id, info);
      const now = this.d.clock.now();
      let version: number | null = null;
      if (input.fileIds.length) {
        const v = await this.d.repo.addVersion(id, null, principalOf(actor));
        await this.d.files.attach(ctx, VERSION_FILES, v.id, input.fileIds);
        version = v.number;
      }
      await this.d.repo.addStep({
        documentId: id,
        at: now,
        ...stepActor(actor),
        action: 'draft',
        comment: null,
        version,
      });
      if (input.replyToIncomingId)
        await this.d.links.linkInTransaction(
          ctx,
          { kind: 'outgoing', id },
          { kind: 'incoming', id: input.replyToIncomingId },
          'replies_to',
        );
      await this.d.audit.record(ctx, {
        action: 'outgoing.draft',
        entityType: 'outgoing_document',
        entityId: id,
        after: { ...input, recipients },
      });
    });
    return this.detail(ctx, id);
  }

  /** Sửa: the drafter while draft/returned, the clerk while signed (before issuing). */
  async update(ctx: RequestContext, id: string, body: TOutgoingUpdate): Promise<TOutgoingDetail> {
    const actor = signedIn(ctx);
    const input = ZOutgoingUpdate.parse(body);
    await this.d.tx.transaction(async () => {
      const { doc, part } = await this.visible(actor, id, true);
      const hasFlow = Boolean(await this.d.repo.flowFor(doc.unitId, doc.documentTypeId));
      if (!abilities(actor, doc, part, hasFlow).update) throw new AppError('INVALID_STATE');
      const before = await this.d.repo.editable(id);
      const merged = { ...before, ...input } as Record<string, unknown>;
      const levels = await this.checkReferences({
        documentTypeId: merged.documentTypeId as string,
        confidentialityCode: (merged.confidentialityCode as string | null) ?? null,
        urgencyCode: (merged.urgencyCode as string | null) ?? null,
        fieldId: (merged.fieldId as string | null) ?? null,
      });
      if (input.signerId !== undefined) await this.checkSigner(doc.unitId, input.signerId);
      const cols: Record<string, unknown> = {};
      const map: Record<string, string> = {
        documentTypeId: 'document_type_id',
        subject: 'subject',
        summary: 'summary',
        draftingCode: 'drafting_code',
        pageCount: 'page_count',
        copies: 'copies',
        confidentialityCode: 'confidentiality_code',
        urgencyCode: 'urgency_code',
        fieldId: 'field_id',
        dueDate: 'due_date',
        signerPrefix: 'signer_prefix',
        signerId: 'signer_id',
        recipientsText: 'recipients_text',
        fileCopyTo: 'file_copy_to',
        notes: 'notes',
      };
      for (const [k, col] of Object.entries(map)) {
        const v = (input as Record<string, unknown>)[k];
        if (v !== undefined) cols[col] = v;
      }
      cols.confidential = levels.confRank > 0;
      cols.urgency_rank = levels.urgRank;
      await this.d.repo.update(id, cols);
      if (input.recipients) {
        const recipients = await this.resolveRecipients(doc.unitId, input.recipients);
        await this.d.deliveries.replacePending(id, doc.unitId, recipients);
      }
      if (input.infoUserIds)
        await this.d.repo.setInfoUsers(id, await this.checkInfoUsers(doc.unitId, input.infoUserIds));
      await this.d.repo.addStep({
        documentId: id,
        at: this.d.clock.now(),
        ...stepActor(actor),
        action: 'update',
        comment: null,
      });
      await this.d.audit.record(ctx, {
        action: 'outgoing.update',
        entityType: 'outgoing_document',
        entityId: id,
        before,
        after: input,
      });
    });
    return this.detail(ctx, id);
  }

  /** Thêm phiên bản: new files as the next version (drafter, reviewer at their step, clerk). */
  async addVersion(ctx: RequestContext, id: string, body: { fileIds: string[]; note?: string | null }) {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      const { doc, part } = await this.visible(actor, id, true);
      const hasFlow = Boolean(await this.d.repo.flowFor(doc.unitId, doc.documentTypeId));
      if (!abilities(actor, doc, part, hasFlow).addVersion) throw new AppError('INVALID_STATE');
      const v = await this.d.repo.addVersion(id, body.note ?? null, principalOf(actor));
      await this.d.files.attach(ctx, VERSION_FILES, v.id, body.fileIds);
      await this.d.repo.addStep({
        documentId: id,
        at: this.d.clock.now(),
        ...stepActor(actor),
        action: 'version',
        comment: body.note ?? null,
        version: v.number,
      });
      await this.d.audit.record(ctx, {
        action: 'outgoing.version',
        entityType: 'outgoing_document',
        entityId: id,
        after: { version: v.number, fileIds: body.fileIds, note: body.note ?? null },
      });
    });
    return this.detail(ctx, id);
  }

  /** Xem văn bản đi: everything about a document the actor may see; records an info recipient's first view. */
  async detail(ctx: RequestContext, id: string, recordView = false): Promise<TOutgoingDetail> {
    const actor = signedIn(ctx);
    const me = principalOf(actor);
    const { doc, part } = await this.visible(actor, id);
    if (recordView && part.hasAccess && (doc.status === 'issued' || doc.status === 'recalled')) {
      const first = await this.d.repo.markSeen(id, me, this.d.clock.now());
      if (first) await this.d.realtime.badgesChanged([me]);
    }
    const [row, extra, versions, reviews, trail, deliveries, infoUsers, flow, hasUnsent] = await Promise.all([
      this.d.lists.row(id, me),
      this.d.lists.detailExtra(id),
      this.d.repo.versions(id),
      this.d.repo.reviewsDetail(id, doc.round),
      this.d.repo.trail(id),
      this.d.deliveries.detail([id]),
      this.d.repo.infoUsers(id),
      this.d.repo.flowFor(doc.unitId, doc.documentTypeId),
      this.d.repo.hasUnsent(id),
    ]);
    if (!row || !extra) throw new AppError('NOT_FOUND');
    const files = await this.d.files.listFor(
      VERSION_FILES,
      versions.map((v) => v.id),
    );
    const last = versions.find(
      (v) =>
        Number(v.number) ===
        (doc.status === 'issued' || doc.status === 'recalled'
          ? Number(extra.final_version ?? doc.versionCount)
          : doc.versionCount),
    );
    const refs = await this.d.repo.refs(
      [extra.replaces_id, extra.replaced_by_id].filter(Boolean) as string[],
      doc.replyToIncomingId ? [doc.replyToIncomingId] : [],
    );
    const outRef = (rid: unknown) => {
      const r = refs.out.find((x) => x.id === rid);
      return r
        ? {
            id: r.id,
            code:
              r.code_number === null
                ? null
                : codeOf({ codeNumber: Number(r.code_number), codeNotation: r.code_notation }),
            subject: r.subject,
          }
        : null;
    };
    const inc = refs.inc[0];
    return {
      ...row,
      unitId: doc.unitId,
      documentTypeId: doc.documentTypeId,
      summary: (extra.summary as string | null) ?? null,
      draftingCode: doc.draftingCode,
      codeNotation: doc.codeNotation,
      registerName: (extra.register_name as string | null) ?? null,
      pageCount: extra.page_count === null ? null : Number(extra.page_count),
      copies: extra.copies === null ? null : Number(extra.copies),
      confidentialityCode: (extra.confidentiality_code as string | null) ?? null,
      urgencyCode: (extra.urgency_code as string | null) ?? null,
      field: extra.field_id ? { id: extra.field_id as string, name: extra.field_name as string } : null,
      dueDate: day(extra.due_date),
      signerPrefix: (extra.signer_prefix as string | null) ?? null,
      signerId: doc.signerId,
      signerName: doc.signerName,
      signerPosition: doc.signerPosition,
      recipientsText: (extra.recipients_text as string | null) ?? null,
      fileCopyTo: (extra.file_copy_to as string | null) ?? null,
      notes: (extra.notes as string | null) ?? null,
      drafterId: doc.createdBy,
      issuedAt: iso(extra.issued_at),
      issuedBy: (extra.issued_by_name as string | null) ?? null,
      signedAt: iso(extra.signed_at),
      recalledAt: iso(extra.recalled_at),
      recallReason: (extra.recall_reason as string | null) ?? null,
      currentStep: doc.currentStep,
      steps: doc.steps.map((s) => ({ label: s.label, mode: s.mode })),
      versions: versions.map((v) => ({
        number: Number(v.number),
        note: v.note,
        createdBy: v.created_by,
        createdAt: iso(v.created_at) as string,
        files: files.get(v.id) ?? [],
      })),
      files: last ? (files.get(last.id) ?? []) : [],
      reviews: reviews.map((r) => ({
        stepIndex: Number(r.step_index),
        stepLabel: doc.steps[Number(r.step_index)]?.label ?? '',
        person: {
          id: r.user_id as string,
          fullName: r.full_name as string,
          jobTitle: (r.job_title as string | null) ?? null,
          unitName: r.unit_name as string,
        },
        state: r.state as TOutgoingDetail['reviews'][number]['state'],
        comment: (r.comment as string | null) ?? null,
        actedAt: iso(r.acted_at),
      })),
      trail,
      deliveries: deliveries.get(id) ?? [],
      infoUsers: infoUsers.map((u) => ({
        id: u.user_id as string,
        fullName: u.full_name as string,
        jobTitle: (u.job_title as string | null) ?? null,
        unitName: u.unit_name as string,
        seenAt: iso(u.seen_at),
      })),
      replaces: outRef(extra.replaces_id),
      replacedBy: outRef(extra.replaced_by_id),
      replyToIncoming: inc
        ? {
            id: inc.id,
            code: [inc.code_number, inc.code_notation].filter(Boolean).join('/') || null,
            subject: inc.subject,
          }
        : null,
      abilities: abilities(actor, doc, part, Boolean(flow), hasUnsent),
    };
  }
}
