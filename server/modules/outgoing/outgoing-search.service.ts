import type { FastifyReply } from 'fastify';
import { vnDate } from '../../../contracts/calendar';
import {
  OUTGOING_BOXES,
  type TOutgoingBox,
  type TOutgoingBoxCounts,
  type TOutgoingPage,
  type TOutgoingSearch,
  ZOutgoingSearch,
} from '../../../contracts/outgoing';
import { type Actor, type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';
import { VERSION_FILES } from '../exchange/exchange.service';
import { renderOutgoingXlsx } from './outgoing-xlsx';
import type { BoxViewer } from './outgoing-lists.repository';
import type { OutgoingDeps } from './outgoing.deps';
import { clerkScopeSql, visibleSql } from './outgoing.policy';
import type { OutgoingService } from './outgoing.service';

/** Work boxes, search, export and files of outgoing documents. */
export class OutgoingSearchService {
  constructor(
    private readonly d: OutgoingDeps,
    private readonly outgoing: OutgoingService,
  ) {}

  private viewer(actor: Actor, days = 3): BoxViewer {
    const before = new Date(this.d.clock.now().getTime() - days * 86_400_000).toISOString();
    return {
      viewer: principalOf(actor),
      unitId: actor.unitId,
      visible: visibleSql(actor),
      clerkScope: clerkScopeSql(actor),
      trackingBefore: before,
    };
  }

  async boxCounts(ctx: RequestContext): Promise<TOutgoingBoxCounts> {
    const actor = signedIn(ctx);
    const v = this.viewer(actor);
    const counts = await Promise.all(OUTGOING_BOXES.map((b) => this.d.lists.boxCount(b, v)));
    return Object.fromEntries(OUTGOING_BOXES.map((b, i) => [b, counts[i]])) as TOutgoingBoxCounts;
  }

  async box(
    ctx: RequestContext,
    box: TOutgoingBox,
    q: { page: number; pageSize: number; days: number },
  ): Promise<TOutgoingPage> {
    const actor = signedIn(ctx);
    const { items, total } = await this.d.lists.box(box, this.viewer(actor, q.days), q.page, q.pageSize);
    return { items, total, totalCapped: false, page: q.page, pageSize: q.pageSize };
  }

  /** Tìm văn bản đi: only what the actor may see, in SQL. */
  async search(ctx: RequestContext, query: TOutgoingSearch): Promise<TOutgoingPage> {
    const actor = signedIn(ctx);
    const p = ZOutgoingSearch.parse(query);
    if (p.from && p.to && p.from > p.to) throw new AppError('VALIDATION_FAILED', { field: 'querystring.to' });
    const r = await this.d.lists.search(p, { viewer: principalOf(actor), visible: visibleSql(actor) });
    return { items: r.items, total: r.total, totalCapped: r.capped, page: p.page, pageSize: p.pageSize };
  }

  async exportXlsx(ctx: RequestContext, query: TOutgoingSearch): Promise<{ buffer: Buffer; filename: string }> {
    const actor = signedIn(ctx);
    const p = ZOutgoingSearch.parse(query);
    const r = await this.d.lists.search(p, { viewer: principalOf(actor), visible: visibleSql(actor) }, 10_000);
    const unit = await this.d.repo.unit(actor.unitId);
    const now = this.d.clock.now();
    const buffer = await renderOutgoingXlsx(r.items, { unitName: unit?.name ?? '', generatedAt: now });
    return { buffer, filename: `van-ban-di-${vnDate(now)}.xlsx` };
  }

  /** A file of one of the document's versions, to those who may see the document. */
  async sendFile(ctx: RequestContext, reply: FastifyReply, id: string, fileId: string, inline: boolean) {
    const actor = signedIn(ctx);
    await this.outgoing.visible(actor, id);
    const versions = await this.d.repo.versions(id);
    if (
      !(await this.d.files.isAttachedTo(
        VERSION_FILES,
        versions.map((v) => v.id),
        fileId,
      ))
    )
      throw new AppError('NOT_FOUND');
    return this.d.files.send(reply, fileId, { inline });
  }

  async sendPreview(ctx: RequestContext, reply: FastifyReply, id: string, fileId: string) {
    const actor = signedIn(ctx);
    await this.outgoing.visible(actor, id);
    const versions = await this.d.repo.versions(id);
    if (
      !(await this.d.files.isAttachedTo(
        VERSION_FILES,
        versions.map((v) => v.id),
        fileId,
      ))
    )
      throw new AppError('NOT_FOUND');
    return this.d.files.sendPreviewHtml(reply, fileId);
  }
}
