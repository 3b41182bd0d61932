import type { FastifyReply } from 'fastify';
import { vnDate } from '../../../contracts/calendar';
import { formatArrivalNumber, type TIncomingSearch } from '../../../contracts/incoming';
import { type RequestContext, signedIn } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { FileService } from '../../platform/files/files.service';
import type { IncomingSearchService } from './incoming-search.service';
import type { IncomingService } from './incoming.service';
import { DOC_FILES, OPINION_FILES } from './incoming.deps';
import type { IncomingRepository } from './incoming.repository';
import { renderIncomingXlsx } from './render/incoming-xlsx';
import { filterWords } from './render/labels';
import { renderProcessingSlip } from './render/processing-slip';

/**
 * What leaves the module as files: attachments (only to those who may see the document), the
 * Phiếu giải quyết văn bản đến as PDF and the search result as XLSX.
 */
export class IncomingFilesService {
  constructor(
    private readonly d: {
      incoming: IncomingService;
      search: IncomingSearchService;
      repo: IncomingRepository;
      files: FileService;
      clock: Clock;
    },
  ) {}

  /** A file of the document or of one of its opinions; 404 for anything else. */
  private async checkFile(ctx: RequestContext, id: string, fileId: string): Promise<void> {
    const actor = signedIn(ctx);
    await this.d.incoming.visible(actor, id);
    if (await this.d.files.isAttachedTo(DOC_FILES, [id], fileId)) return;
    const opinionIds = await this.d.repo.opinionIds(id);
    if (opinionIds.length && (await this.d.files.isAttachedTo(OPINION_FILES, opinionIds, fileId))) return;
    throw new AppError('NOT_FOUND');
  }

  async sendFile(ctx: RequestContext, reply: FastifyReply, id: string, fileId: string, inline: boolean) {
    await this.checkFile(ctx, id, fileId);
    return this.d.files.send(reply, fileId, { inline });
  }

  async sendPreview(ctx: RequestContext, reply: FastifyReply, id: string, fileId: string) {
    await this.checkFile(ctx, id, fileId);
    return this.d.files.sendPreviewHtml(reply, fileId);
  }

  /** Phiếu giải quyết văn bản đến (ND30 Phụ lục IV) of a document the user may see. */
  async slip(ctx: RequestContext, id: string): Promise<{ buffer: Buffer; filename: string }> {
    const doc = await this.d.incoming.detail(ctx, id);
    const organ = await this.d.repo.parentUnitName(doc.unitId);
    const buffer = await renderProcessingSlip({
      organName: organ ?? '',
      unitName: doc.unitName,
      doc,
      printedAt: this.d.clock.now(),
    });
    return { buffer, filename: `phieu-giai-quyet-${formatArrivalNumber(doc.arrivalNumber)}-${doc.year}.pdf` };
  }

  /** The search result as an Excel file (up to the count cap). */
  async exportXlsx(ctx: RequestContext, query: TIncomingSearch): Promise<{ buffer: Buffer; filename: string }> {
    const actor = signedIn(ctx);
    const rows = await this.d.search.searchAll(ctx, query);
    const units = await this.d.repo.unitNames([actor.unitId]);
    const now = this.d.clock.now();
    const filters = filterWords(query);
    const buffer = await renderIncomingXlsx(rows, {
      title: 'DANH SÁCH VĂN BẢN ĐẾN',
      unitName: units[0]?.name ?? '',
      filters,
      generatedAt: now,
    });
    return { buffer, filename: `van-ban-den-${vnDate(now)}.xlsx` };
  }
}
