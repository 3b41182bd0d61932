import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZBoxCounts,
  ZBoxParams,
  ZBoxQuery,
  ZComplete,
  ZDirect,
  ZDuplicateList,
  ZDuplicateQuery,
  ZForward,
  ZForwardLeader,
  ZIncomingCreate,
  ZIncomingCreated,
  ZIncomingDetail,
  ZIncomingFileParams,
  ZIncomingFormOptions,
  ZIncomingIdParams,
  ZIncomingPage,
  ZIncomingSearch,
  ZIncomingUpdate,
  ZOpinionCreate,
  ZOpinionRequest,
  ZPeopleQuery,
  ZPersonOptions,
  ZPresent,
  ZProgress,
  ZReason,
  ZReassign,
} from '../../../contracts/incoming';
import type { IncomingFilesService } from './incoming-files.service';
import type { IncomingFlowService } from './incoming-flow.service';
import type { IncomingSearchService } from './incoming-search.service';
import type { IncomingService } from './incoming.service';

export interface IncomingRouteDeps {
  incoming: IncomingService;
  flow: IncomingFlowService;
  search: IncomingSearchService;
  files: IncomingFilesService;
}

/** Routes of "Quản lý công văn đến" (Điều 3.1a): /api/incoming/… */
export function incomingRoutes(app: FastifyInstance, deps: IncomingRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['incoming'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
  const detail = { 200: ZIncomingDetail, ...errors };

  r.get('/api/incoming/form', {
    config,
    schema: {
      tags,
      summary: 'Dữ liệu cho biểu mẫu nhập văn bản đến (số đến tiếp theo, lần nhập trước)',
      response: { 200: ZIncomingFormOptions, ...errors },
    },
    handler: (req) => deps.incoming.formOptions(req.ctx),
  });
  r.get('/api/incoming/duplicates', {
    config,
    schema: {
      tags,
      summary: 'Văn bản đã đăng ký cùng số, ký hiệu và cơ quan ban hành (cảnh báo)',
      querystring: ZDuplicateQuery,
      response: { 200: ZDuplicateList, ...errors },
    },
    handler: (req) => deps.incoming.duplicates(req.ctx, req.query),
  });
  r.get('/api/incoming/people', {
    config,
    schema: {
      tags,
      summary: 'Người nhận, lãnh đạo, người xử lý để chọn',
      querystring: ZPeopleQuery,
      response: { 200: ZPersonOptions, ...errors },
    },
    handler: (req) => deps.incoming.people(req.ctx, req.query),
  });
  r.get('/api/incoming/boxes', {
    config,
    schema: { tags, summary: 'Số văn bản trong từng hộp công việc', response: { 200: ZBoxCounts, ...errors } },
    handler: (req) => deps.search.boxCounts(req.ctx),
  });
  r.get('/api/incoming/box/:box', {
    config,
    schema: {
      tags,
      summary: 'Hộp công việc: chờ phân loại, chờ chỉ đạo, cần xử lý, để biết, xin ý kiến, đã xử lý',
      params: ZBoxParams,
      querystring: ZBoxQuery,
      response: { 200: ZIncomingPage, ...errors },
    },
    handler: (req) => deps.search.box(req.ctx, req.params.box, req.query.page, req.query.pageSize),
  });
  r.get('/api/incoming', {
    config,
    schema: {
      tags,
      summary: 'Tìm kiếm văn bản đến (không dấu, lọc, sắp xếp, phân trang)',
      querystring: ZIncomingSearch,
      response: { 200: ZIncomingPage, ...errors },
    },
    handler: (req) => deps.search.search(req.ctx, req.query),
  });
  r.get('/api/incoming/export.xlsx', {
    config,
    schema: {
      tags,
      summary: 'Xuất kết quả tìm kiếm ra tệp Excel',
      querystring: ZIncomingSearch,
      response: { 200: z.any().describe('Tệp XLSX'), 400: ZErrorBody, 401: ZErrorBody },
    },
    handler: async (req, reply) => {
      const { buffer, filename } = await deps.files.exportXlsx(req.ctx, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(buffer);
    },
  });
  r.post('/api/incoming', {
    config,
    schema: {
      tags,
      summary: 'Nhập văn bản đến (cấp số đến, đính kèm tệp, gửi người nhận)',
      body: ZIncomingCreate,
      response: { 201: ZIncomingCreated, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.incoming.register(req.ctx, req.body)),
  });
  r.get('/api/incoming/:id', {
    config,
    schema: {
      tags,
      summary: 'Xem văn bản đến: thông tin, tệp, người xử lý, quá trình, ý kiến',
      params: ZIncomingIdParams,
      response: detail,
    },
    handler: (req) => deps.incoming.detail(req.ctx, req.params.id),
  });
  r.patch('/api/incoming/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa thông tin văn bản đến (văn thư; số đến không đổi)',
      params: ZIncomingIdParams,
      body: ZIncomingUpdate,
      response: detail,
    },
    handler: (req) => deps.incoming.update(req.ctx, req.params.id, req.body),
  });
  r.post('/api/incoming/:id/seen', {
    config,
    schema: {
      tags,
      summary: 'Ghi nhận người dùng đã xem văn bản',
      params: ZIncomingIdParams,
      response: { 200: ZOk, ...errors },
    },
    handler: (req) => deps.incoming.markSeen(req.ctx, req.params.id),
  });

  const action = <B extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: Parameters<IncomingService['detail']>[0], id: string, body: z.output<B>) => Promise<unknown>,
  ) =>
    r.post(`/api/incoming/:id/${path}`, {
      config,
      schema: { tags, summary, params: ZIncomingIdParams, body, response: detail },
      handler: (req) => run(req.ctx, req.params.id, req.body as z.output<B>) as never,
    });

  action('present', 'Trình lãnh đạo cho ý kiến chỉ đạo', ZPresent, (c, id, b) => deps.flow.present(c, id, b));
  action('forward', 'Chuyển tiếp cho người hoặc đơn vị', ZForward, (c, id, b) => deps.flow.forward(c, id, b));
  action('return', 'Trả lại văn bản gửi nhầm (kèm lý do)', ZReason, (c, id, b) =>
    deps.flow.returnToSender(c, id, b.reason),
  );
  action('cancel', 'Hủy văn bản vào sổ nhầm (giữ số đến, kèm lý do)', ZReason, (c, id, b) =>
    deps.incoming.cancel(c, id, b.reason),
  );
  action('direct', 'Phê duyệt: ý kiến chỉ đạo, giao chủ trì, phối hợp, để biết', ZDirect, (c, id, b) =>
    deps.flow.direct(c, id, b),
  );
  action('forward-leader', 'Chuyển lãnh đạo khác cho ý kiến chỉ đạo', ZForwardLeader, (c, id, b) =>
    deps.flow.forwardLeader(c, id, b),
  );
  action('reassign', 'Lãnh đạo đơn vị phân công lại trong đơn vị', ZReassign, (c, id, b) =>
    deps.flow.reassign(c, id, b),
  );
  action('opinions', 'Cho ý kiến (kèm tệp, trả lời phiếu xin ý kiến)', ZOpinionCreate, (c, id, b) =>
    deps.flow.opinion(c, id, b),
  );
  action('opinion-requests', 'Gửi phiếu xin ý kiến', ZOpinionRequest, (c, id, b) => deps.flow.askOpinion(c, id, b));
  action('progress', 'Báo cáo tiến độ xử lý', ZProgress, (c, id, b) => deps.flow.progress(c, id, b));
  action('complete', 'Hoàn thành phần xử lý (kết quả, văn bản trả lời)', ZComplete, (c, id, b) =>
    deps.flow.complete(c, id, b),
  );

  r.get('/api/incoming/:id/files/:fileId/content', {
    config,
    schema: {
      tags,
      summary: 'Tệp đính kèm của văn bản hoặc của ý kiến (xem trực tiếp PDF, ảnh; tải về)',
      params: ZIncomingFileParams,
      querystring: z.object({ download: z.enum(['1', '0']).optional() }),
      response: { 404: ZErrorBody, 401: ZErrorBody },
    },
    handler: (req, reply) =>
      deps.files.sendFile(req.ctx, reply, req.params.id, req.params.fileId, req.query.download !== '1'),
  });
  r.get('/api/incoming/:id/files/:fileId/preview', {
    config,
    schema: {
      tags,
      summary: 'Xem tệp DOCX dưới dạng trang HTML',
      params: ZIncomingFileParams,
      response: { 404: ZErrorBody, 401: ZErrorBody },
    },
    handler: (req, reply) => deps.files.sendPreview(req.ctx, reply, req.params.id, req.params.fileId),
  });
  r.get('/api/incoming/:id/slip.pdf', {
    config,
    schema: {
      tags,
      summary: 'In phiếu giải quyết văn bản đến (PDF)',
      params: ZIncomingIdParams,
      response: { 200: z.any().describe('Tệp PDF'), 404: ZErrorBody, 401: ZErrorBody },
    },
    handler: async (req, reply) => {
      const { buffer, filename } = await deps.files.slip(req.ctx, req.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(buffer);
    },
  });
}
