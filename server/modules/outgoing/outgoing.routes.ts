import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZApprove,
  ZFlow,
  ZFlowInput,
  ZFlowList,
  ZFlowQuery,
  ZIssue,
  ZOutgoingBoxCounts,
  ZOutgoingBoxParams,
  ZOutgoingBoxQuery,
  ZOutgoingCreate,
  ZOutgoingDetail,
  ZOutgoingFileParams,
  ZOutgoingFormOptions,
  ZOutgoingIdParams,
  ZOutgoingPage,
  ZOutgoingReason,
  ZOutgoingSearch,
  ZOutgoingUpdate,
  ZSubmit,
  ZVersionCreate,
} from '../../../contracts/outgoing';
import type { OutgoingFlowService } from './outgoing-flow.service';
import type { FlowsService } from './outgoing-flows.service';
import type { OutgoingIssueService } from './outgoing-issue.service';
import type { OutgoingSearchService } from './outgoing-search.service';
import type { OutgoingService } from './outgoing.service';

export interface OutgoingRouteDeps {
  outgoing: OutgoingService;
  flow: OutgoingFlowService;
  issue: OutgoingIssueService;
  search: OutgoingSearchService;
  flows: FlowsService;
}

/** Routes of "Quản lý, phát hành công văn đi" (Điều 3.1b): /api/outgoing/… */
export function outgoingRoutes(app: FastifyInstance, deps: OutgoingRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['outgoing'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
  const detail = { 200: ZOutgoingDetail, ...errors };
  const fileQuery = z.object({ download: z.enum(['1', '0']).optional() });

  r.get('/api/outgoing/form', {
    config,
    schema: {
      tags,
      summary: 'Dữ liệu cho biểu mẫu soạn, phát hành văn bản đi',
      response: { 200: ZOutgoingFormOptions, ...errors },
    },
    handler: (req) => deps.outgoing.formOptions(req.ctx),
  });
  r.get('/api/outgoing/box-counts', {
    config,
    schema: {
      tags,
      summary: 'Số văn bản trong từng hộp công việc văn bản đi',
      response: { 200: ZOutgoingBoxCounts, ...errors },
    },
    handler: (req) => deps.search.boxCounts(req.ctx),
  });
  r.get('/api/outgoing/box/:box', {
    config,
    schema: {
      tags,
      summary: 'Hộp công việc: dự thảo, chờ duyệt, chờ phát hành, đã phát hành, gửi để biết, theo dõi hồi báo',
      params: ZOutgoingBoxParams,
      querystring: ZOutgoingBoxQuery,
      response: { 200: ZOutgoingPage, ...errors },
    },
    handler: (req) => deps.search.box(req.ctx, req.params.box, req.query),
  });
  r.get('/api/outgoing', {
    config,
    schema: {
      tags,
      summary: 'Tìm văn bản đi',
      querystring: ZOutgoingSearch,
      response: { 200: ZOutgoingPage, ...errors },
    },
    handler: (req) => deps.search.search(req.ctx, req.query),
  });
  r.get('/api/outgoing/export.xlsx', {
    config,
    schema: {
      tags,
      summary: 'Xuất kết quả tìm văn bản đi ra Excel',
      querystring: ZOutgoingSearch,
      response: { 200: z.any().describe('Tệp XLSX'), ...errors },
    },
    handler: async (req, reply) => {
      const { buffer, filename } = await deps.search.exportXlsx(req.ctx, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(buffer);
    },
  });

  // Approval flows (thiết kế luồng công việc)
  r.get('/api/outgoing/flows', {
    config,
    schema: {
      tags,
      summary: 'Luồng duyệt văn bản đi của các đơn vị',
      querystring: ZFlowQuery,
      response: { 200: ZFlowList, ...errors },
    },
    handler: (req) => deps.flows.list(req.ctx, req.query.unitId),
  });
  r.post('/api/outgoing/flows', {
    config,
    schema: { tags, summary: 'Thiết kế luồng duyệt mới', body: ZFlowInput, response: { 201: ZFlow, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await deps.flows.create(req.ctx, req.body)),
  });
  r.put('/api/outgoing/flows/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa luồng duyệt',
      params: ZOutgoingIdParams,
      body: ZFlowInput,
      response: { 200: ZFlow, ...errors },
    },
    handler: (req) => deps.flows.update(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/flows/:id/deactivate', {
    config,
    schema: { tags, summary: 'Ngừng dùng luồng duyệt', params: ZOutgoingIdParams, response: { 200: ZFlow, ...errors } },
    handler: (req) => deps.flows.deactivate(req.ctx, req.params.id),
  });

  r.post('/api/outgoing', {
    config,
    schema: {
      tags,
      summary: 'Soạn văn bản đi (dự thảo, tệp là phiên bản 1)',
      body: ZOutgoingCreate,
      response: { 201: ZOutgoingDetail, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.outgoing.create(req.ctx, req.body)),
  });
  r.get('/api/outgoing/:id', {
    config,
    schema: {
      tags,
      summary: 'Xem văn bản đi (ghi nhận lần xem đầu của người nhận để biết)',
      params: ZOutgoingIdParams,
      response: detail,
    },
    handler: (req) => deps.outgoing.detail(req.ctx, req.params.id, true),
  });
  r.patch('/api/outgoing/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa dự thảo / văn bản chờ phát hành',
      params: ZOutgoingIdParams,
      body: ZOutgoingUpdate,
      response: detail,
    },
    handler: (req) => deps.outgoing.update(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/:id/versions', {
    config,
    schema: {
      tags,
      summary: 'Thêm phiên bản tệp của dự thảo',
      params: ZOutgoingIdParams,
      body: ZVersionCreate,
      response: detail,
    },
    handler: (req) => deps.outgoing.addVersion(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/:id/submit', {
    config,
    schema: {
      tags,
      summary: 'Trình duyệt theo luồng của đơn vị',
      params: ZOutgoingIdParams,
      body: ZSubmit,
      response: detail,
    },
    handler: (req) => deps.flow.submit(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/:id/approve', {
    config,
    schema: { tags, summary: 'Duyệt / ký dự thảo', params: ZOutgoingIdParams, body: ZApprove, response: detail },
    handler: (req) => deps.flow.approve(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/:id/return', {
    config,
    schema: {
      tags,
      summary: 'Trả lại dự thảo cho người soạn (kèm ý kiến)',
      params: ZOutgoingIdParams,
      body: ZOutgoingReason,
      response: detail,
    },
    handler: (req) => deps.flow.returnToDrafter(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/:id/cancel', {
    config,
    schema: {
      tags,
      summary: 'Hủy dự thảo (kèm lý do)',
      params: ZOutgoingIdParams,
      body: ZOutgoingReason,
      response: detail,
    },
    handler: (req) => deps.flow.cancel(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/:id/issue', {
    config,
    schema: {
      tags,
      summary: 'Phát hành: cấp số, vào sổ, gửi',
      params: ZOutgoingIdParams,
      body: ZIssue,
      response: detail,
    },
    handler: (req) => deps.issue.issue(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/:id/send', {
    config,
    schema: {
      tags,
      summary: 'Gửi văn bản đã phát hành cho nơi nhận chưa gửi',
      params: ZOutgoingIdParams,
      response: detail,
    },
    handler: (req) => deps.issue.send(req.ctx, req.params.id),
  });
  r.post('/api/outgoing/:id/recall', {
    config,
    schema: {
      tags,
      summary: 'Thu hồi văn bản đã gửi',
      params: ZOutgoingIdParams,
      body: ZOutgoingReason,
      response: detail,
    },
    handler: (req) => deps.issue.recall(req.ctx, req.params.id, req.body),
  });
  r.post('/api/outgoing/:id/replace', {
    config,
    schema: {
      tags,
      summary: 'Soạn văn bản thay thế văn bản đã phát hành',
      params: ZOutgoingIdParams,
      response: { 201: ZOutgoingDetail, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.issue.replace(req.ctx, req.params.id)),
  });
  r.get('/api/outgoing/:id/edxml', {
    config,
    schema: {
      tags,
      summary: 'Gói edXML (QCVN 102:2016) của văn bản đã phát hành',
      params: ZOutgoingIdParams,
      querystring: z.object({ deliveryId: z.string().uuid().optional() }),
      response: { 200: z.any().describe('Tệp edXML'), ...errors },
    },
    handler: async (req, reply) => {
      const { xml, filename } = await deps.issue.edxml(req.ctx, req.params.id, req.query.deliveryId);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(filename)}"`)
        .send(xml);
    },
  });
  for (const path of ['/api/outgoing/:id/files/:fileId', '/api/outgoing/:id/files/:fileId/content']) {
    r.get(path, {
      config,
      schema: {
        tags,
        summary: 'Tệp của văn bản đi (xem trực tiếp PDF, ảnh; tải về)',
        params: ZOutgoingFileParams,
        querystring: fileQuery,
        response: { 404: ZErrorBody, 401: ZErrorBody },
      },
      handler: (req, reply) =>
        deps.search.sendFile(req.ctx, reply, req.params.id, req.params.fileId, req.query.download !== '1'),
    });
  }
  r.get('/api/outgoing/:id/files/:fileId/preview', {
    config,
    schema: {
      tags,
      summary: 'Xem tệp DOCX dưới dạng trang HTML',
      params: ZOutgoingFileParams,
      response: { 404: ZErrorBody, 401: ZErrorBody },
    },
    handler: (req, reply) => deps.search.sendPreview(req.ctx, reply, req.params.id, req.params.fileId),
  });
}
