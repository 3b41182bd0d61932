import type { FastifyReply } from 'fastify';
import {
  type TArchivedCreate,
  type TArchivedDetail,
  type TArchivedPage,
  type TArchivedSearch,
  type TArchivedUpdate,
  type TFrequent,
  ZArchivedCreate,
  ZArchivedSearch,
  ZArchivedUpdate,
} from '../../../contracts/archived';
import { codeKey } from '../../../contracts/incoming';
import type { Audit } from '../../platform/audit/audit.repository';
import { type Actor, type RequestContext, signedIn } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import { uuidv7 } from '../../platform/db/ids';
import type { TxRunner } from '../../platform/db/tx';
import { AppError } from '../../platform/errors';
import type { FileService } from '../../platform/files/files.service';
import { abilities, type ArchivedCore, authorizeEntry, authorizeKeeper, canSee, visibleSql } from './archived.policy';
import { ARCHIVED_COLUMNS, ARCHIVED_FILES, type ArchivedRepository, type ArchivedValues } from './archived.repository';

export interface ArchivedDeps {
  tx: TxRunner;
  repo: ArchivedRepository;
  files: Pick<FileService, 'attach' | 'detach' | 'listFor' | 'isAttachedTo' | 'send' | 'sendPreviewHtml'>;
  audit: Audit;
  clock: Clock;
}

const invalid = (field: string) => new AppError('VALIDATION_FAILED', { field });

/** Where the web opens an archived document. */
export function archivedLink(id: string): string {
  return `/app/archived-search?doc=${id}`;
}

/**
 * Văn bản lưu (Điều 3.1d, 4.1): Nhập (entry, correction, removal by the unit's keepers), Tìm
 * (search within the policy's visibility) and "Hay dùng" (pinned and most opened per person).
 */
export class ArchivedService {
  constructor(private readonly d: ArchivedDeps) {}

  /** A document the actor may see, or 404 (missing, removed and hidden look the same). */
  private async visible(actor: Actor, id: string, lock = false): Promise<ArchivedCore> {
    const doc = await this.d.repo.core(id, lock);
    if (!doc || !canSee(actor, doc)) throw new AppError('NOT_FOUND');
    return doc;
  }

  private async checkReferences(typeId: string | null, fieldId: string | null) {
    const ref = await this.d.repo.references(typeId, fieldId);
    if (!ref.type_ok) throw invalid('body.documentTypeId');
    if (!ref.field_ok) throw invalid('body.fieldId');
  }

  /** Nhập văn bản lưu: metadata and files of the actor's unit. */
  async create(ctx: RequestContext, body: TArchivedCreate): Promise<TArchivedDetail> {
    const actor = authorizeEntry(ctx.actor);
    const input = ZArchivedCreate.parse(body);
    const id = uuidv7();
    const values: ArchivedValues = {
      documentTypeId: input.documentTypeId ?? null,
      codeNumber: input.codeNumber ?? null,
      codeNotation: input.codeNotation ?? null,
      codeKey: codeKey(input.codeNumber, input.codeNotation),
      issuedDate: input.issuedDate ?? null,
      issuingOrganName: input.issuingOrganName ?? null,
      signer: input.signer ?? null,
      subject: input.subject,
      fieldId: input.fieldId ?? null,
      notes: input.notes ?? null,
      shareWithSubunits: input.shareWithSubunits ?? false,
    };
    await this.d.tx.transaction(async () => {
      await this.checkReferences(values.documentTypeId, values.fieldId);
      const unitPath = await this.d.repo.unitPath(actor.unitId);
      if (!unitPath) throw new AppError('NOT_FOUND');
      await this.d.repo.insert({ ...values, id, unitId: actor.unitId, unitPath, createdBy: actor.userId });
      await this.d.files.attach(ctx, ARCHIVED_FILES, id, input.fileIds);
      await this.d.audit.record(ctx, {
        action: 'archived.create',
        entityType: 'archived_document',
        entityId: id,
        after: { ...values, fileIds: input.fileIds },
      });
    });
    return this.detail(ctx, id);
  }

  /** Corrects the metadata, adds and removes files (the unit's keepers). */
  async update(ctx: RequestContext, id: string, body: TArchivedUpdate): Promise<TArchivedDetail> {
    const actor = signedIn(ctx);
    const patch = ZArchivedUpdate.parse(body);
    await this.d.tx.transaction(async () => {
      const doc = await this.visible(actor, id, true);
      authorizeKeeper(actor, doc);
      const current = await this.d.repo.values(id);
      if (!current) throw new AppError('NOT_FOUND');
      const before = current.values;
      const after: ArchivedValues = { ...before };
      for (const key of Object.keys(ARCHIVED_COLUMNS) as (keyof ArchivedValues)[]) {
        const v = (patch as Record<string, unknown>)[key];
        if (v !== undefined && key !== 'codeKey') (after as unknown as Record<string, unknown>)[key] = v;
      }
      after.codeKey = codeKey(after.codeNumber, after.codeNotation);
      await this.checkReferences(after.documentTypeId, after.fieldId);
      const set: Record<string, unknown> = {};
      for (const [key, col] of Object.entries(ARCHIVED_COLUMNS) as [keyof ArchivedValues, string][])
        if (after[key] !== before[key]) set[col] = after[key];
      if (Object.keys(set).length) await this.d.repo.update(id, set);
      const removed = await this.d.files.detach(ctx, ARCHIVED_FILES, id, patch.removeFileIds);
      await this.d.files.attach(ctx, ARCHIVED_FILES, id, patch.addFileIds, { field: 'body.addFileIds' });
      if (Object.keys(set).length || removed.length || patch.addFileIds.length)
        await this.d.audit.record(ctx, {
          action: 'archived.update',
          entityType: 'archived_document',
          entityId: id,
          before,
          after: { ...after, addFileIds: patch.addFileIds, removeFileIds: removed },
        });
    });
    return this.detail(ctx, id);
  }

  /** Removes a document from the lists (removed_at; the row and its files stay). */
  async remove(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      const doc = await this.visible(actor, id, true);
      authorizeKeeper(actor, doc);
      await this.d.repo.remove(id, this.d.clock.now());
      await this.d.audit.record(ctx, { action: 'archived.remove', entityType: 'archived_document', entityId: id });
    });
    return { ok: true };
  }

  async detail(ctx: RequestContext, id: string): Promise<TArchivedDetail> {
    const actor = signedIn(ctx);
    const doc = await this.visible(actor, id);
    const [row, current, files] = await Promise.all([
      this.d.repo.row(id, actor.userId, actor.unitId),
      this.d.repo.values(id),
      this.d.files.listFor(ARCHIVED_FILES, [id]),
    ]);
    if (!row || !current) throw new AppError('NOT_FOUND');
    const v = current.values;
    return {
      ...row,
      unitId: current.unitId,
      documentTypeId: v.documentTypeId,
      codeNumber: v.codeNumber,
      codeNotation: v.codeNotation,
      signer: v.signer,
      fieldId: v.fieldId,
      notes: v.notes,
      createdBy: current.createdBy,
      files: files.get(id) ?? [],
      abilities: abilities(actor, doc),
    };
  }

  /** Counts an opening of the document by the user ("Hay dùng" ranks by it). */
  async opened(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      await this.visible(actor, id);
      await this.d.repo.opened(id, actor.userId, this.d.clock.now());
    });
    return { ok: true };
  }

  /** Pins or unpins a document in the user's "Hay dùng". */
  async pin(ctx: RequestContext, id: string, pinned: boolean): Promise<TArchivedDetail> {
    const actor = signedIn(ctx);
    await this.d.tx.transaction(async () => {
      await this.visible(actor, id);
      await this.d.repo.pin(id, actor.userId, pinned);
    });
    return this.detail(ctx, id);
  }

  async search(ctx: RequestContext, query: TArchivedSearch): Promise<TArchivedPage> {
    const actor = signedIn(ctx);
    const p = ZArchivedSearch.parse(query);
    const { items, total } = await this.d.repo.search(p, {
      viewer: actor.userId,
      viewerUnit: actor.unitId,
      visible: visibleSql(actor),
    });
    return { items, total, page: p.page, pageSize: p.pageSize };
  }

  async frequent(ctx: RequestContext): Promise<TFrequent> {
    const actor = signedIn(ctx);
    return this.d.repo.frequent({ viewer: actor.userId, viewerUnit: actor.unitId, visible: visibleSql(actor) });
  }

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
    if (!(await this.d.files.isAttachedTo(ARCHIVED_FILES, [id], fileId))) throw new AppError('NOT_FOUND');
  }
}
