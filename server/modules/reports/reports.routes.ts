import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZExportCreated,
  ZExportParams,
  ZRegisterExportCreate,
  ZRegisterFileQuery,
  ZRegisterKindParams,
  ZRegisterPlan,
  ZRegisterQuery,
  ZReportExport,
  ZReportUnits,
  ZReportUnitsQuery,
  ZSummaryFileQuery,
  ZSummaryQuery,
  ZSummaryReport,
  ZUsageFileQuery,
  ZUsageQuery,
  ZUsageReport,
} from '../../../contracts/reports';
import { contentDisposition } from '../../platform/files/present';
import type { RegisterPrintService } from './registers.service';
import type { SummaryService } from './summary.service';
import type { UsageService } from './usage.service';

export interface ReportsRouteDeps {
  registers: RegisterPrintService;
  summary: SummaryService;
  usage: UsageService;
}

/** Sends a made file as a download, with its length (the browser shows the progress) and row count. */
function sendFile(reply: FastifyReply, f: { buffer: Buffer; filename: string; mime: string; rows?: number }) {
  reply
    .type(f.mime)
    .header('content-disposition', contentDisposition('attachment', f.filename))
    .header('content-length', String(f.buffer.length))
    .header('cache-control', 'no-store');
  if (f.rows !== undefined) reply.header('x-row-count', String(f.rows));
  return reply.send(f.buffer);
}

/** Routes of "Thống kê, báo cáo" (Điều 3.1f, Điều 12): /api/reports/… */
export function reportsRoutes(app: FastifyInstance, deps: ReportsRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['reports'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
  const file = { 200: z.any().describe('Tệp PDF hoặc XLSX'), ...errors };

  r.get('/api/reports/units', {
    config,
    schema: {
      tags,
      summary: 'Đơn vị được in sổ hoặc lập báo cáo (và sổ mật được in)',
      querystring: ZReportUnitsQuery,
      response: { 200: ZReportUnits, ...errors },
    },
    handler: (req) => deps.registers.units(req.ctx, req.query.purpose),
  });

  r.get('/api/reports/registers/:kind/plan', {
    config,
    schema: {
      tags,
      summary: 'Số dòng của sổ và cách lập (ngay hoặc chạy nền)',
      params: ZRegisterKindParams,
      querystring: ZRegisterQuery,
      response: { 200: ZRegisterPlan, ...errors },
    },
    handler: (req) => deps.registers.plan(req.ctx, req.params.kind, req.query),
  });

  r.get('/api/reports/registers/:kind/file', {
    config,
    schema: {
      tags,
      summary: 'In sổ (PDF khổ A4 ngang hoặc Excel), tối đa 10.000 dòng',
      params: ZRegisterKindParams,
      querystring: ZRegisterFileQuery,
      response: file,
    },
    handler: async (req, reply) => sendFile(reply, await deps.registers.file(req.ctx, req.params.kind, req.query)),
  });

  r.post('/api/reports/registers/:kind/exports', {
    config,
    schema: {
      tags,
      summary: 'Lập sổ lớn chạy nền; người yêu cầu nhận thông báo kèm liên kết tải tệp',
      params: ZRegisterKindParams,
      body: ZRegisterExportCreate,
      response: { 202: ZExportCreated, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(202).send(await deps.registers.requestExport(req.ctx, req.params.kind, req.body)),
  });

  r.get('/api/reports/exports/:id', {
    config,
    schema: {
      tags,
      summary: 'Trạng thái sổ lập chạy nền',
      params: ZExportParams,
      response: { 200: ZReportExport, ...errors },
    },
    handler: (req) => deps.registers.exportInfo(req.ctx, req.params.id),
  });

  r.get('/api/reports/exports/:id/file', {
    config,
    schema: { tags, summary: 'Tải tệp sổ lập chạy nền', params: ZExportParams, response: file },
    handler: (req, reply) => deps.registers.sendExport(req.ctx, req.params.id, reply),
  });

  r.get('/api/reports/summary', {
    config,
    schema: {
      tags,
      summary: 'Báo cáo tổng hợp: văn bản đến, đi theo loại, lĩnh vực, độ khẩn, tháng; kết quả giải quyết',
      querystring: ZSummaryQuery,
      response: { 200: ZSummaryReport, ...errors },
    },
    handler: (req) => deps.summary.report(req.ctx, req.query),
  });

  r.get('/api/reports/summary/file', {
    config,
    schema: { tags, summary: 'Xuất báo cáo tổng hợp (PDF, Excel)', querystring: ZSummaryFileQuery, response: file },
    handler: async (req, reply) => sendFile(reply, await deps.summary.file(req.ctx, req.query)),
  });

  r.get('/api/reports/usage', {
    config,
    schema: {
      tags,
      summary: 'Báo cáo tình hình sử dụng hệ thống theo tháng, đơn vị và người dùng',
      querystring: ZUsageQuery,
      response: { 200: ZUsageReport, ...errors },
    },
    handler: (req) => deps.usage.report(req.ctx, req.query),
  });

  r.get('/api/reports/usage/file', {
    config,
    schema: {
      tags,
      summary: 'Xuất báo cáo tình hình sử dụng (PDF, Excel)',
      querystring: ZUsageFileQuery,
      response: file,
    },
    handler: async (req, reply) => sendFile(reply, await deps.usage.file(req.ctx, req.query)),
  });
}
