import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import {
  DELIVERY_PROGRESS,
  formatOutgoingNumber,
  type TDeliveryStatus,
  type TEdxmlImport,
  type TInboxDetail,
  type TInboxItem,
} from '../../../contracts/outgoing';
import { type Actor, type RequestContext, signedIn } from '../../platform/authz/actor';
import type { Audit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { dateOrNull as day, isoOrNull as iso } from '../../platform/db/values';
import { AppError } from '../../platform/errors';
import type { FileService } from '../../platform/files/files.service';
import type { JobQueue } from '../../platform/jobs/jobs';
import { EMAIL_FILES, enqueueEmail } from '../../platform/notify/email';
import type { Notifier } from '../../platform/notify/notifier';
import { parseEdxml } from './edxml';
import { authorizeClerk, CLERK_PERMISSION, isDeliveryToMyUnit } from './exchange.policy';
import type { DeliveryCore, ExchangeRepository } from './exchange.repository';

/** Owner type of the files of an outgoing document's version (the final one travels). */
export const VERSION_FILES = 'outgoing-version';

export interface ExchangeDeps {
  tx: TxRunner;
  repo: ExchangeRepository;
  files: FileService;
  notifier: Notifier;
  audit: Audit;
  clock: Clock;
  jobs: JobQueue;
}

/** What the sender's document says when it is sent (the lines of a notification and an email). */
export interface SentDocument {
  id: string;
  unitName: string;
  code: string;
  subject: string;
  finalVersionId: string | null;
}

const level = (code: unknown, name: unknown, rank: unknown) =>
  code && name ? { code: code as string, name: name as string, rank: Number(rank) } : null;

function toInboxItem(r: Record<string, unknown>, fileCount: number): TInboxItem {
  return {
    deliveryId: r.delivery_id as string,
    outgoingId: r.outgoing_id as string,
    senderUnit: r.sender_unit as string,
    code: `${formatOutgoingNumber(Number(r.code_number))}/${r.code_notation}`,
    issuedDate: day(r.issued_date),
    documentType: r.document_type as string,
    documentTypeId: r.document_type_id as string,
    subject: r.subject as string,
    signer: (r.signer_name as string | null) ?? null,
    urgency: level(r.urgency_code, r.urg_name, r.urg_rank),
    confidentiality: level(r.confidentiality_code, r.conf_name, r.conf_rank),
    sentAt: iso(r.sent_at) as string,
    status: r.status as TDeliveryStatus,
    business: r.business as TInboxItem['business'],
    recallState: (r.recall_state as TInboxItem['recallState']) ?? null,
    recallReason: r.recall_state ? ((r.recall_reason as string | null) ?? null) : null,
    incomingId: (r.incoming_id as string | null) ?? null,
    fileCount,
  };
}

/**
 * Exchange of documents between units of the system (and the outside, by email and edXML):
 * sending an issued document's deliveries, the recipient clerk's inbox (register, refuse,
 * confirm a recall), and the receipt statuses (hồi báo) that flow back from the recipient's
 * incoming document as it is registered, assigned, handled and done.
 */
export class ExchangeService {
  constructor(private readonly d: ExchangeDeps) {}

  /**
   * Sends the deliveries of an issued document not sent yet: a unit gets it in its clerk's inbox
   * (status arrived, 01) and its clerks are notified; an outside organ with an email address gets
   * an email with the final files in the outbox. Call inside the issuing transaction.
   */
  async send(ctx: RequestContext, doc: SentDocument): Promise<number> {
    const actor = signedIn(ctx);
    const now = this.d.clock.now();
    const pending = (await this.d.repo.forOutgoing(doc.id, true)).filter((dl) => dl.sentAt === null);
    const unitIds = pending
      .filter((dl) => dl.kind === 'unit' && dl.recipientUnitId)
      .map((dl) => dl.recipientUnitId as string);
    for (const dl of pending) {
      await this.d.repo.markSent(dl.id, now);
      if (dl.kind === 'unit') {
        await this.d.repo.setStatus(dl.id, 'arrived', now, null, actor.fullName);
      } else if (dl.email) {
        const body = [
          `${doc.unitName} gửi văn bản số ${doc.code}: ${doc.subject}.`,
          'Văn bản và các tệp đính kèm (kèm gói edXML theo QCVN 102:2016/BTTTT khi cần) được gửi kèm thư này.',
        ].join('\n');
        const outboxId = await this.d.repo.outboxEmail(dl.email, `Văn bản số ${doc.code}`, body);
        await enqueueEmail(this.d.jobs, [outboxId]);
        if (doc.finalVersionId)
          await this.d.files.shareAttachments(
            ctx,
            { ownerType: VERSION_FILES, ownerId: doc.finalVersionId },
            { ownerType: EMAIL_FILES, ownerId: outboxId },
          );
      }
    }
    const clerks = await this.d.repo.holdersIn(unitIds, CLERK_PERMISSION);
    await this.d.notifier.notify(clerks, {
      kind: 'exchange.arrived',
      title: 'Văn bản điện tử đến',
      body: `${doc.unitName} gửi văn bản số ${doc.code}: ${doc.subject}`,
      link: '/incoming/inbox',
    });
    return pending.length;
  }

  /** Thu hồi: every sent delivery is marked recalled (13); the recipients' clerks are asked to confirm. */
  async recall(ctx: RequestContext, doc: SentDocument, reason: string): Promise<void> {
    const actor = signedIn(ctx);
    const now = this.d.clock.now();
    const sent = (await this.d.repo.forOutgoing(doc.id, true)).filter((dl) => dl.sentAt !== null);
    for (const dl of sent) {
      if (dl.status === 'refused') continue;
      await this.d.repo.setStatus(dl.id, 'recalled', now, reason, actor.fullName);
      if (dl.kind === 'unit') await this.d.repo.setRecall(dl.id, 'requested', now);
    }
    const unitIds = sent
      .filter((dl) => dl.kind === 'unit' && dl.recipientUnitId)
      .map((dl) => dl.recipientUnitId as string);
    const clerks = await this.d.repo.holdersIn(unitIds, CLERK_PERMISSION);
    await this.d.notifier.notify(clerks, {
      kind: 'exchange.recalled',
      title: 'Văn bản bị thu hồi',
      body: `${doc.unitName} thu hồi văn bản số ${doc.code}: ${reason}`,
      link: '/incoming/inbox',
    });
  }

  // ── The recipient unit's side ──────────────────────────────────────────────

  /** A delivery to the actor's unit, which the actor (a clerk of the unit) may handle; else 404. */
  private async mine(actor: Actor, deliveryId: string, lock = false): Promise<DeliveryCore> {
    const dl = await this.d.repo.byId(deliveryId, lock);
    if (!isDeliveryToMyUnit(actor, dl)) throw new AppError('NOT_FOUND');
    return dl;
  }

  async inbox(ctx: RequestContext): Promise<TInboxItem[]> {
    const actor = authorizeClerk(ctx.actor);
    const rows = await this.d.repo.inbox(actor.unitId);
    const files = await this.d.files.listFor(
      VERSION_FILES,
      rows.map((r) => r.final_version_id as string).filter(Boolean),
    );
    return rows.map((r) => toInboxItem(r, files.get(r.final_version_id as string)?.length ?? 0));
  }

  async inboxDetail(ctx: RequestContext, deliveryId: string): Promise<TInboxDetail> {
    const actor = authorizeClerk(ctx.actor);
    await this.mine(actor, deliveryId);
    const r = await this.d.repo.inboxItem(deliveryId);
    if (!r) throw new AppError('NOT_FOUND');
    const versionId = r.final_version_id as string | null;
    const files = versionId ? ((await this.d.files.listFor(VERSION_FILES, [versionId])).get(versionId) ?? []) : [];
    return {
      ...toInboxItem(r, files.length),
      pageCount: r.page_count === null ? null : Number(r.page_count),
      codeNumber: formatOutgoingNumber(Number(r.code_number)),
      codeNotation: (r.code_notation as string | null) ?? null,
      dueDate: day(r.due_date),
      confidentialityCode: (r.confidentiality_code as string | null) ?? null,
      urgencyCode: (r.urgency_code as string | null) ?? null,
      fieldId: (r.field_id as string | null) ?? null,
      files,
    };
  }

  async sendInboxFile(ctx: RequestContext, reply: FastifyReply, deliveryId: string, fileId: string, inline: boolean) {
    const actor = authorizeClerk(ctx.actor);
    await this.mine(actor, deliveryId);
    const r = await this.d.repo.inboxItem(deliveryId);
    const versionId = r?.final_version_id as string | null;
    if (!versionId || !(await this.d.files.isAttachedTo(VERSION_FILES, [versionId], fileId)))
      throw new AppError('NOT_FOUND');
    return this.d.files.send(reply, fileId, { inline });
  }

  /** Từ chối: a wrongly addressed document goes back to its sender (02) with the reason. */
  async refuse(ctx: RequestContext, deliveryId: string, reason: string): Promise<void> {
    const actor = authorizeClerk(ctx.actor);
    await this.d.tx.transaction(async () => {
      const dl = await this.mine(actor, deliveryId, true);
      if (dl.status !== 'arrived' || dl.recallState) throw new AppError('INVALID_STATE');
      await this.d.repo.setStatus(dl.id, 'refused', this.d.clock.now(), reason, actor.fullName);
      await this.d.audit.record(ctx, {
        action: 'exchange.refuse',
        entityType: 'document_delivery',
        entityId: dl.id,
        after: { reason },
      });
      await this.notifySender(dl, 'exchange.refused', 'Văn bản bị từ chối', `${dl.recipientName} từ chối: ${reason}`);
    });
  }

  /**
   * Xác nhận thu hồi: the clerk accepts the sender's recall (15); an incoming document already
   * registered from it is cancelled, keeping its arrival number.
   */
  async confirmRecall(ctx: RequestContext, deliveryId: string): Promise<void> {
    const actor = authorizeClerk(ctx.actor);
    await this.d.tx.transaction(async () => {
      const dl = await this.mine(actor, deliveryId, true);
      if (dl.recallState !== 'requested') throw new AppError('INVALID_STATE');
      const now = this.d.clock.now();
      await this.d.repo.setRecall(dl.id, 'accepted', now);
      await this.d.repo.addEvent(dl.id, 'recalled', '15', now, 'Đã xác nhận thu hồi', actor.fullName);
      if (dl.incomingId)
        await this.d.repo.cancelIncoming(dl.incomingId, 'Văn bản bị cơ quan gửi thu hồi', actor.userId, now);
      await this.d.audit.record(ctx, {
        action: 'exchange.confirmRecall',
        entityType: 'document_delivery',
        entityId: dl.id,
        after: { incomingId: dl.incomingId },
      });
    });
  }

  /**
   * Checks a delivery can be registered by the actor now (arrived at their unit, not recalled,
   * not registered) and returns it with the final version whose files it carries. Locks it: call
   * inside the registering transaction.
   */
  async forRegistration(
    actor: Actor,
    deliveryId: string,
  ): Promise<{ delivery: DeliveryCore; versionId: string | null }> {
    const dl = await this.d.repo.byId(deliveryId, true);
    if (!isDeliveryToMyUnit(actor, dl)) throw new AppError('VALIDATION_FAILED', { field: 'body.deliveryId' });
    if (dl.status !== 'arrived' || dl.recallState || dl.incomingId) throw new AppError('INVALID_STATE');
    const r = await this.d.repo.inboxItem(deliveryId);
    return { delivery: dl, versionId: (r?.final_version_id as string | null) ?? null };
  }

  /** The delivery was registered as an incoming document: its files are attached, the sender sees 03. */
  async registered(
    ctx: RequestContext,
    deliveryId: string,
    versionId: string | null,
    incomingId: string,
    ownerType: string,
  ) {
    const actor = signedIn(ctx);
    if (versionId)
      await this.d.files.shareAttachments(
        ctx,
        { ownerType: VERSION_FILES, ownerId: versionId },
        { ownerType, ownerId: incomingId },
      );
    await this.d.repo.setIncoming(deliveryId, incomingId);
    await this.d.repo.setStatus(deliveryId, 'registered', this.d.clock.now(), null, actor.fullName);
  }

  /**
   * Hồi báo from the recipient's incoming flow: after each step on an incoming document that
   * came through the system, its delivery moves forward to registered, assigned, in progress or
   * done — or refused when the document was returned. Never backwards; once per change.
   */
  async syncFromIncoming(incomingId: string, actorName: string | null): Promise<void> {
    const s = await this.d.repo.incomingState(incomingId);
    if (!s?.delivery_id) return;
    const dl = await this.d.repo.byId(s.delivery_id, true);
    if (!dl || dl.status === 'recalled' || dl.status === 'refused') return;
    let next: TDeliveryStatus = 'registered';
    let note: string | null = null;
    if (s.status === 'returned') {
      next = 'refused';
      note = s.return_reason;
    } else if (s.status === 'done') next = 'done';
    else if (s.status === 'in_progress') next = s.working ? 'in_progress' : 'assigned';
    else if (s.status === 'cancelled') return;
    if (next === dl.status) return;
    if (next !== 'refused' && DELIVERY_PROGRESS[next] < DELIVERY_PROGRESS[dl.status]) return;
    await this.d.repo.setStatus(
      dl.id,
      next as Exclude<TDeliveryStatus, 'pending'>,
      this.d.clock.now(),
      note,
      actorName,
    );
    if (next === 'refused')
      await this.notifySender(
        dl,
        'exchange.refused',
        'Văn bản bị trả lại',
        `${dl.recipientName} trả lại: ${note ?? ''}`,
      );
  }

  /**
   * Nhập từ gói edXML: reads a package an outside organ sent (QCVN 102:2016) for the incoming
   * entry form — metadata matched to the catalogs, attachments stored as the clerk's uploads
   * (size and type rules of the system settings apply to each).
   */
  async importEdxml(ctx: RequestContext, xml: Buffer): Promise<TEdxmlImport> {
    authorizeClerk(ctx.actor);
    let parsed: ReturnType<typeof parseEdxml>;
    try {
      parsed = parseEdxml(xml.toString('utf8'));
    } catch {
      throw new AppError('VALIDATION_FAILED', { field: 'body.file', details: { reason: 'notEdxml' } });
    }
    const files = [];
    for (const f of parsed.files) {
      if (f.data.length === 0) continue;
      files.push(await this.d.files.upload(ctx, { filename: f.name || 'tep-dinh-kem', file: Readable.from(f.data) }));
    }
    const refs = await this.d.repo.catalogMatch(parsed.typeName, parsed.priority);
    return {
      issuingOrganName: parsed.from.organName,
      organId: parsed.from.organId,
      codeNumber: parsed.codeNumber,
      codeNotation: parsed.codeNotation,
      issuedDate: parsed.promulgationDate,
      documentTypeName: parsed.typeName,
      documentTypeId: refs.typeId,
      subject: parsed.subject,
      signer: parsed.signer.fullName,
      dueDate: parsed.dueDate,
      urgencyCode: refs.urgencyCode,
      pageCount: parsed.pageAmount,
      business: parsed.business,
      files,
    };
  }

  /** Tells the sender's clerks and the drafter of the document. */
  private async notifySender(dl: DeliveryCore, kind: string, title: string, body: string) {
    const clerks = await this.d.repo.holdersIn([dl.senderUnitId], 'outgoing.issue');
    await this.d.notifier.notify(clerks, { kind, title, body, link: `/outgoing?doc=${dl.outgoingId}` });
  }
}
