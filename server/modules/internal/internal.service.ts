import type { FastifyReply } from 'fastify';
import { vnDate, vnYear } from '../../../contracts/calendar';
import {
  formatInternalCode,
  internalNotation,
  type TInternalCreate,
  type TInternalDetail,
  type TInternalFormOptions,
  type TInternalPage,
  type TInternalSearch,
  type TNumberedType,
  ZInternalCreate,
  ZInternalSearch,
} from '../../../contracts/internal';
import type { Audit } from '../../platform/audit/audit.repository';
import { type Actor, type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import { uuidv7 } from '../../platform/db/ids';
import type { TxRunner } from '../../platform/db/tx';
import { AppError } from '../../platform/errors';
import type { FileService } from '../../platform/files/files.service';
import type { Notifier } from '../../platform/notify/notifier';
import type { RegistersRepository } from '../registers/registers.repository';
import { abilities, authorizeCancel, authorizeCreate, canSee, type InternalCore, visibleSql } from './internal.policy';
import { INTERNAL_FILES, type InternalRepository } from './internal.repository';

export interface InternalDeps {
  tx: TxRunner;
  repo: InternalRepository;
  registers: RegistersRepository;
  files: Pick<FileService, 'attach' | 'listFor' | 'isAttachedTo' | 'send' | 'sendPreviewHtml'>;
  audit: Audit;
  notifier: Pick<Notifier, 'notify'>;
  clock: Clock;
}

const invalid = (field: string) => new AppError('VALIDATION_FAILED', { field });

/** Where a notification of an internal document leads. */
export function internalLink(id: string): string {
  return `/app/internal-view?doc=${id}`;
}

/** The unit's numbered types with their notation and next number (a preview). */
export function numberedTypes(
  rows: { documentTypeId: string; name: string; abbreviation: string | null; lastNumber: number }[],
  unitShortName: string,
): TNumberedType[] {
  return rows.map((r) => ({
    ...r,
    notation: internalNotation(r.abbreviation, unitShortName),
    nextNumber: r.lastNumber + 1,
  }));
}

/**
 * Văn bản nội bộ (Điều 3.1c): Nhập (entry with recipients of the unit and, for the types the
 * unit numbers, the next number of the type's register in the same transaction), Xem (view,
 * first view recorded, cancel with a reason) and Tìm (lists and search). Every read goes
 * through the policy's visibility.
 */
export class InternalService {
  constructor(private readonly d: InternalDeps) {}

  /** A document the actor may see, or 404 (missing and hidden look the same). */
  private async visible(actor: Actor, id: string, lock = false): Promise<InternalCore> {
    const doc = await this.d.repo.core(id, lock);
    if (!doc) throw new AppError('NOT_FOUND');
    if (!canSee(actor, doc, await this.d.repo.isRecipient(id, principalOf(actor)))) throw new AppError('NOT_FOUND');
    return doc;
  }

  async formOptions(ctx: RequestContext): Promise<TInternalFormOptions> {
    const actor = authorizeCreate(ctx.actor);
    const now = this.d.clock.now();
    const year = vnYear(now);
    const [unit, rows] = await Promise.all([this.d.repo.unit(actor.unitId), this.d.repo.numbered(actor.unitId, year)]);
    if (!unit) throw new AppError('NOT_FOUND');
    return {
      unitId: unit.id,
      unitName: unit.name,
      unitShortName: unit.short_name,
      year,
      today: vnDate(now),
      numbered: numberedTypes(rows, unit.short_name),
    };
  }

  /**
   * Nhập văn bản nội bộ. A type the unit numbers takes the next number of its register for the
   * year inside the same transaction as the document, its recipients, files and audit entry:
   * a failed entry gives its number back and two people never get the same one.
   */
  async create(ctx: RequestContext, body: TInternalCreate): Promise<TInternalDetail> {
    const actor = authorizeCreate(ctx.actor);
    const input = ZInternalCreate.parse(body);
    const now = this.d.clock.now();
    const today = vnDate(now);
    const issuedDate = input.issuedDate ?? today;
    if (issuedDate > today) throw invalid('body.issuedDate');
    const me = principalOf(actor);
    const recipientIds = [...new Set(input.recipientIds)].filter((id) => id !== me);
    const id = uuidv7();
    await this.d.tx.transaction(async () => {
      const type = await this.d.repo.documentType(actor.unitId, input.documentTypeId);
      if (!type?.active) throw invalid('body.documentTypeId');
      const unit = await this.d.repo.unit(actor.unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      const members = await this.d.repo.membersOf(actor.unitId, recipientIds);
      if (members.length !== recipientIds.length) throw invalid('body.recipientIds');
      const year = Number(issuedDate.slice(0, 4));
      let numbering: { registerId: string; number: number; notation: string } | null = null;
      if (type.numbered) {
        // A register runs from 1 January to 31 December: a numbered document is dated this year.
        if (year !== vnYear(now)) throw invalid('body.issuedDate');
        const taken = await this.d.registers.take(actor.unitId, 'internal', year, false, {
          id: type.id,
          name: type.name,
        });
        numbering = { ...taken, notation: internalNotation(type.abbreviation, unit.short_name) };
      }
      await this.d.repo.insert({
        id,
        unitId: actor.unitId,
        unitPath: unit.path,
        documentTypeId: type.id,
        registerId: numbering?.registerId ?? null,
        year,
        number: numbering?.number ?? null,
        codeNotation: numbering?.notation ?? null,
        issuedDate,
        subject: input.subject,
        content: input.content ?? null,
        signer: input.signer ?? null,
        createdBy: me,
      });
      await this.d.repo.addRecipients(id, recipientIds);
      await this.d.files.attach(ctx, INTERNAL_FILES, id, input.fileIds);
      await this.d.audit.record(ctx, {
        action: 'internal.create',
        entityType: 'internal_document',
        entityId: id,
        after: { ...input, issuedDate, recipientIds, number: numbering?.number ?? null },
      });
      const code = formatInternalCode(numbering?.number ?? null, numbering?.notation ?? null);
      await this.d.notifier.notify(recipientIds, {
        kind: 'internal.received',
        title: `${type.name} nội bộ mới`,
        body: [code, input.subject].filter(Boolean).join(' – '),
        link: internalLink(id),
      });
    });
    return this.detail(ctx, id);
  }

  /** Xem văn bản nội bộ: the document, its files and recipients (with when each opened it). */
  async detail(ctx: RequestContext, id: string): Promise<TInternalDetail> {
    const actor = signedIn(ctx);
    const doc = await this.visible(actor, id);
    const [row, extra, recipients, files] = await Promise.all([
      this.d.repo.row(id, principalOf(actor)),
      this.d.repo.detailExtra(id),
      this.d.repo.recipients(id),
      this.d.files.listFor(INTERNAL_FILES, [id]),
    ]);
    if (!row || !extra) throw new AppError('NOT_FOUND');
    return {
      ...row,
      unitId: extra.unit_id,
      codeNotation: extra.code_notation,
      content: extra.content,
      cancelReason: extra.cancel_reason,
      files: files.get(id) ?? [],
      recipients,
      abilities: abilities(actor, doc),
    };
  }

  /** Records a recipient's first view (the list stops showing it bold). */
  async markSeen(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      await this.visible(actor, id);
      await this.d.repo.markSeen(id, principalOf(actor), this.d.clock.now());
    });
    return { ok: true };
  }

  /** Cancels a document with a reason; it stays, with its number, marked cancelled. */
  async cancel(ctx: RequestContext, id: string, reason: string): Promise<TInternalDetail> {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      const doc = await this.visible(actor, id, true);
      authorizeCancel(actor, doc);
      await this.d.repo.cancel(id, reason);
      await this.d.audit.record(ctx, {
        action: 'internal.cancel',
        entityType: 'internal_document',
        entityId: id,
        before: { status: doc.status },
        after: { status: 'cancelled', reason },
      });
    });
    return this.detail(ctx, id);
  }

  /** Đã nhận, Đã tạo and Tìm văn bản nội bộ: one query with the policy's visibility and the filters. */
  async list(ctx: RequestContext, query: TInternalSearch): Promise<TInternalPage> {
    const actor = signedIn(ctx);
    const p = ZInternalSearch.parse(query);
    const { items, total } = await this.d.repo.list(p, { viewer: principalOf(actor), visible: visibleSql(actor) });
    return { items, total, page: p.page, pageSize: p.pageSize };
  }

  /** A file of a document the actor may see (404 for anything else). */
  async sendFile(ctx: RequestContext, reply: FastifyReply, id: string, fileId: string, inline: boolean) {
    await this.checkFile(ctx, id, fileId);
    return this.d.files.send(reply, fileId, { inline });
  }

  async sendPreview(ctx: RequestContext, reply: FastifyReply, id: string, fileId: string) {
    await this.checkFile(ctx, id, fileId);
    return this.d.files.sendPreviewHtml(reply, fileId);
  }

  private async checkFile(ctx: RequestContext, id: string, fileId: string): Promise<void> {
    await this.visible(signedIn(ctx), id);
    if (!(await this.d.files.isAttachedTo(INTERNAL_FILES, [id], fileId))) throw new AppError('NOT_FOUND');
  }
}
