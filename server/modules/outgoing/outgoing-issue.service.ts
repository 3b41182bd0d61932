import { vnDate, vnYear } from '../../../contracts/calendar';
import { codeKey } from '../../../contracts/incoming';
import {
  outgoingNotation,
  type TIssue,
  type TOutgoingDetail,
  type TOutgoingReason,
  ZIssue,
  ZOutgoingReason,
} from '../../../contracts/outgoing';
import { type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import { uuidv7 } from '../../platform/db/ids';
import { dateOrNull as day } from '../../platform/db/values';
import { AppError } from '../../platform/errors';
import { buildEdxml, type EdxmlOrgan } from '../exchange/edxml';
import { VERSION_FILES } from '../exchange/exchange.service';
import type { OutgoingFlowService } from './outgoing-flow.service';
import { auditOutgoing, outgoingLink, type OutgoingDeps } from './outgoing.deps';
import type { OutgoingCore } from './outgoing.repository';
import { codeOf, type OutgoingService, stepActor } from './outgoing.service';

/**
 * Phát hành and after (ND30 Điều 15–18): the clerk numbers and registers a signed document,
 * freezes its final files and sends it; the sender follows its receipts, recalls it, or issues
 * a replacement; outside organs get an edXML package.
 */
export class OutgoingIssueService {
  constructor(
    private readonly d: OutgoingDeps,
    private readonly outgoing: OutgoingService,
    private readonly flow: OutgoingFlowService,
  ) {}

  private audit(ctx: RequestContext, id: string, action: string, after: unknown, before?: unknown) {
    return auditOutgoing(this.d, ctx, id, action, after, before);
  }

  /** The final version's id of a document (its files travel). */
  private async finalVersionId(docId: string, number: number | null): Promise<string | null> {
    if (!number) return null;
    const versions = await this.d.repo.versions(docId);
    return versions.find((v) => Number(v.number) === number)?.id ?? null;
  }

  /** Sends the pending deliveries and grants the info recipients; records the step. */
  private async sendNow(ctx: RequestContext, doc: OutgoingCore, code: string, finalVersion: number | null, now: Date) {
    const actor = signedIn(ctx);
    const count = await this.d.exchange.send(ctx, {
      id: doc.id,
      unitName: doc.unitName,
      code,
      subject: doc.subject,
      finalVersionId: await this.finalVersionId(doc.id, finalVersion),
    });
    const info = await this.d.repo.infoUserIds(doc.id);
    await this.d.notifier.notify(info, {
      kind: 'outgoing.info',
      title: 'Văn bản đi gửi để biết',
      body: `Số ${code}: ${doc.subject}`,
      link: outgoingLink(doc.id),
    });
    await this.d.realtime.badgesChanged(info);
    await this.d.repo.addStep({ documentId: doc.id, at: now, ...stepActor(actor), action: 'send', comment: null });
    await this.audit(ctx, doc.id, 'send', { deliveries: count });
  }

  /**
   * Phát hành: the next number of the unit's outgoing register for the year (the secret register
   * for Mật and above) in the same transaction as the document — gap-free and safe when two clerks
   * issue at once — the code notation from the type's abbreviation and the unit's short name,
   * the issued date, and the final files frozen. A draft the clerk entered (signed on paper) is
   * registered directly with its signer's name. `send` sends it at once.
   */
  issue(ctx: RequestContext, id: string, body: TIssue): Promise<TOutgoingDetail> {
    const input = ZIssue.parse(body);
    return this.flow.step(ctx, id, 'issue', async (actor, doc, _part, now) => {
      const issuedDate = input.issuedDate ?? vnDate(now);
      const year = vnYear(now);
      if (issuedDate > vnDate(now) || Number(issuedDate.slice(0, 4)) !== year)
        throw new AppError('VALIDATION_FAILED', { field: 'body.issuedDate' });
      const signerName = input.signerName ?? doc.signerName;
      if (!signerName) throw new AppError('VALIDATION_FAILED', { field: 'body.signerName' });
      let finalVersion = doc.versionCount;
      if (input.fileIds?.length) {
        const v = await this.d.repo.addVersion(doc.id, 'Bản phát hành', principalOf(actor));
        await this.d.files.attach(ctx, VERSION_FILES, v.id, input.fileIds);
        finalVersion = v.number;
      }
      if (finalVersion === 0) throw new AppError('VALIDATION_FAILED', { field: 'body.fileIds' });
      const confidential = doc.confidential;
      const { registerId, number } = await this.d.registers.take(doc.unitId, 'outgoing', year, confidential);
      const notation = outgoingNotation(doc.typeAbbreviation, doc.unitShortName, doc.draftingCode);
      await this.d.repo.update(doc.id, {
        status: 'issued',
        register_id: registerId,
        year,
        code_number: number,
        code_notation: notation,
        code_key: codeKey(String(number), notation),
        issued_date: issuedDate,
        issued_at: now,
        issued_by: principalOf(actor),
        signer_name: signerName,
        signer_position: input.signerPosition ?? doc.signerPosition,
        final_version: finalVersion,
        ...(input.pageCount !== undefined ? { page_count: input.pageCount } : {}),
        ...(input.copies !== undefined ? { copies: input.copies } : {}),
        ...(doc.signedAt ? {} : { signed_at: now }),
      });
      const code = codeOf({ codeNumber: number, codeNotation: notation });
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'issue',
        comment: code,
        version: finalVersion,
      });
      await this.audit(ctx, doc.id, 'issue', { registerId, number, notation, issuedDate, finalVersion });
      if (doc.replacesId) {
        await this.d.repo.update(doc.replacesId, { replaced_by_id: doc.id });
        await this.d.links.linkInTransaction(
          ctx,
          { kind: 'outgoing', id: doc.id },
          { kind: 'outgoing', id: doc.replacesId },
          'replaces',
        );
      }
      if (doc.replyToIncomingId)
        await this.d.replies.closeByReply(
          { incomingId: doc.replyToIncomingId, handlerId: doc.createdBy, replyCode: code, outgoingId: doc.id },
          now,
        );
      await this.d.notifier.notify(
        [doc.createdBy].filter((u) => u !== principalOf(actor)),
        {
          kind: 'outgoing.issued',
          title: 'Văn bản đi đã phát hành',
          body: `Số ${code}: ${doc.subject}`,
          link: outgoingLink(doc.id),
        },
      );
      if (input.send) await this.sendNow(ctx, doc, code, finalVersion, now);
    });
  }

  /** Gửi: sends the deliveries not sent yet (added after issuing, or issued without sending). */
  send(ctx: RequestContext, id: string): Promise<TOutgoingDetail> {
    return this.flow.step(ctx, id, 'send', async (_actor, doc, _part, now) => {
      const final = await this.d.lists.detailExtra(doc.id);
      await this.sendNow(ctx, doc, codeOf(doc), Number(final?.final_version ?? doc.versionCount), now);
    });
  }

  /** Thu hồi: recipients see it recalled and their clerks are asked to confirm. */
  recall(ctx: RequestContext, id: string, body: TOutgoingReason): Promise<TOutgoingDetail> {
    const input = ZOutgoingReason.parse(body);
    return this.flow.step(ctx, id, 'recall', async (actor, doc, _part, now) => {
      await this.d.repo.update(doc.id, { status: 'recalled', recalled_at: now, recall_reason: input.reason });
      await this.d.exchange.recall(
        ctx,
        {
          id: doc.id,
          unitName: doc.unitName,
          code: codeOf(doc),
          subject: doc.subject,
          finalVersionId: null,
        },
        input.reason,
      );
      await this.d.repo.addStep({
        documentId: doc.id,
        at: now,
        ...stepActor(actor),
        action: 'recall',
        comment: input.reason,
      });
      await this.audit(ctx, doc.id, 'recall', { reason: input.reason }, { status: doc.status });
    });
  }

  /**
   * Ban hành văn bản thay thế: a new draft copied from an issued document (its metadata,
   * recipients and final files as version 1), linked as its replacement; issuing it marks the
   * original replaced and sends it to the same recipients as a replacement.
   */
  async replace(ctx: RequestContext, id: string): Promise<TOutgoingDetail> {
    const actor = signedIn(ctx);
    const newId = uuidv7();
    await this.flow.step(ctx, id, 'replace', async (_a, doc, _part, now) => {
      const extra = await this.d.lists.detailExtra(doc.id);
      if (!extra) throw new AppError('NOT_FOUND');
      await this.d.repo.insert({
        id: newId,
        unitId: doc.unitId,
        unitPath: doc.unitPath,
        documentTypeId: doc.documentTypeId,
        subject: doc.subject,
        summary: (extra.summary as string | null) ?? null,
        draftingCode: doc.draftingCode,
        pageCount: (extra.page_count as number | null) ?? null,
        copies: (extra.copies as number | null) ?? null,
        confidentialityCode: (extra.confidentiality_code as string | null) ?? null,
        confidential: doc.confidential,
        urgencyCode: (extra.urgency_code as string | null) ?? null,
        urgencyRank: Number(extra.urgency_rank ?? 0),
        fieldId: (extra.field_id as string | null) ?? null,
        dueDate: null,
        signerPrefix: (extra.signer_prefix as string | null) ?? null,
        signerId: doc.signerId,
        recipientsText: (extra.recipients_text as string | null) ?? null,
        fileCopyTo: (extra.file_copy_to as string | null) ?? null,
        notes: `Thay thế văn bản số ${codeOf(doc)}`,
        replacesId: doc.id,
        replyToIncomingId: null,
        createdBy: principalOf(actor),
      });
      const deliveries = await this.d.deliveries.forOutgoing(doc.id);
      await this.d.deliveries.addPending(
        newId,
        doc.unitId,
        deliveries.map((dl) => ({
          kind: dl.kind,
          unitId: dl.recipientUnitId,
          name: dl.recipientName,
          email: dl.email,
        })),
        'replace',
      );
      await this.d.repo.setInfoUsers(newId, await this.d.repo.infoUserIds(doc.id));
      const finalId = await this.finalVersionId(doc.id, Number(extra.final_version ?? 0));
      if (finalId) {
        const v = await this.d.repo.addVersion(newId, `Từ văn bản số ${codeOf(doc)}`, principalOf(actor));
        await this.d.files.shareAttachments(
          ctx,
          { ownerType: VERSION_FILES, ownerId: finalId },
          { ownerType: VERSION_FILES, ownerId: v.id },
        );
      }
      await this.d.repo.addStep({
        documentId: newId,
        at: now,
        ...stepActor(actor),
        action: 'draft',
        comment: `Thay thế văn bản số ${codeOf(doc)}`,
      });
      await this.d.repo.addStep({ documentId: doc.id, at: now, ...stepActor(actor), action: 'replace', comment: null });
      await this.audit(ctx, newId, 'replace', { replaces: doc.id });
    });
    return this.outgoing.detail(ctx, newId);
  }

  /** The edXML package of an issued document for one of its recipients (or all of them). */
  async edxml(ctx: RequestContext, id: string, deliveryId?: string): Promise<{ xml: string; filename: string }> {
    const actor = signedIn(ctx);
    const { doc } = await this.outgoing.visible(actor, id);
    if (doc.status !== 'issued' && doc.status !== 'recalled') throw new AppError('INVALID_STATE');
    const extra = await this.d.lists.detailExtra(id);
    const deliveries = await this.d.deliveries.forOutgoing(id);
    const chosen = deliveryId ? deliveries.filter((dl) => dl.id === deliveryId) : deliveries;
    if (deliveryId && chosen.length === 0) throw new AppError('NOT_FOUND');
    const unitRows = await this.d.deliveries.units([
      doc.unitId,
      ...chosen.map((c) => c.recipientUnitId ?? '').filter(Boolean),
    ]);
    const organOf = (unitId: string): EdxmlOrgan => {
      const u = unitRows.find((x) => x.id === unitId);
      return {
        organId: u?.organ_id ?? u?.short_name ?? '',
        organizationInCharge: u?.parent_name ?? '',
        organName: u?.name ?? '',
        organAdd: u?.address ?? '',
        email: u?.email ?? '',
        telephone: u?.phone ?? '',
      };
    };
    const from = organOf(doc.unitId);
    const to = chosen.map((dl) =>
      dl.recipientUnitId
        ? organOf(dl.recipientUnitId)
        : {
            organId: '',
            organizationInCharge: '',
            organName: dl.recipientName,
            organAdd: '',
            email: dl.email ?? '',
            telephone: '',
          },
    );
    const finalId = await this.finalVersionId(id, Number(extra?.final_version ?? 0));
    const refs = finalId ? ((await this.d.files.listFor(VERSION_FILES, [finalId])).get(finalId) ?? []) : [];
    const files = await Promise.all(refs.map((f) => this.d.files.content(f.id)));
    const urgencyRank = Number(extra?.urgency_rank ?? 0);
    const xml = buildEdxml({
      from,
      to,
      at: this.d.clock.now(),
      files,
      doc: {
        codeNumber: String(doc.codeNumber),
        codeNotation: doc.codeNotation ?? '',
        place: '',
        promulgationDate: doc.issuedDate ?? vnDate(this.d.clock.now()),
        typeName: doc.typeName,
        typeDetail: doc.typeAbbreviation ?? '',
        subject: doc.subject,
        content: (extra?.summary as string | null) ?? '',
        signer: {
          competence: (extra?.signer_prefix as string | null) ?? '',
          position: doc.signerPosition ?? '',
          fullName: doc.signerName ?? '',
        },
        dueDate: day(extra?.due_date),
        toPlaces: to.map((t) => t.organName),
        priority: Math.min(urgencyRank, 4),
        promulgationAmount: (extra?.copies as number | null) ?? null,
        pageAmount: (extra?.page_count as number | null) ?? null,
        business: doc.status === 'recalled' ? 1 : doc.replacesId ? 3 : 0,
      },
    });
    return { xml, filename: `${codeOf(doc).replaceAll('/', '-')}.edxml.xml` };
  }
}
