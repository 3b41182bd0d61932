import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZInternalCancel,
  ZInternalCreate,
  ZInternalDetail,
  ZInternalFileParams,
  ZInternalFormOptions,
  ZInternalIdParams,
  ZInternalPage,
  ZInternalSearch,
  ZNumbering,
  ZNumberingAdd,
  ZNumberingParams,
} from '../../../contracts/internal';
import type { InternalNumberingService } from './internal-numbering.service';
import type { InternalService } from './internal.service';

/** Routes of "Văn bản nội bộ" (Điều 3.1c): /api/internal/… */
export function internalRoutes(
  app: FastifyInstance,
  deps: { internal: InternalService; numbering: InternalNumberingService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['internal'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
  const { internal, numbering } = deps;

  r.get('/api/internal/form', {
    config,
    schema: {
      tags,
      summary: 'Dữ liệu cho biểu mẫu nhập văn bản nội bộ (loại được cấp số, số tiếp theo)',
      response: { 200: ZInternalFormOptions, ...errors },
    },
    handler: (req) => internal.formOptions(req.ctx),
  });
  r.get('/api/internal/numbering', {
    config,
    schema: {
      tags,
      summary: 'Các loại văn bản nội bộ đơn vị cấp số (mỗi loại một sổ, theo năm)',
      response: { 200: ZNumbering, ...errors },
    },
    handler: (req) => numbering.list(req.ctx),
  });
  r.post('/api/internal/numbering', {
    config,
    schema: {
      tags,
      summary: 'Cấp số cho một loại văn bản nội bộ',
      body: ZNumberingAdd,
      response: { 200: ZNumbering, ...errors },
    },
    handler: (req) => numbering.add(req.ctx, req.body.documentTypeId),
  });
  r.delete('/api/internal/numbering/:documentTypeId', {
    config,
    schema: {
      tags,
      summary: 'Thôi cấp số cho một loại văn bản nội bộ (sổ và các số đã cấp giữ nguyên)',
      params: ZNumberingParams,
      response: { 200: ZNumbering, ...errors },
    },
    handler: (req) => numbering.remove(req.ctx, req.params.documentTypeId),
  });
  r.get('/api/internal', {
    config,
    schema: {
      tags,
      summary: 'Văn bản nội bộ: đã nhận, đã tạo, tìm kiếm (không dấu, lọc theo loại, ngày, số, người tạo)',
      querystring: ZInternalSearch,
      response: { 200: ZInternalPage, ...errors },
    },
    handler: (req) => internal.list(req.ctx, req.query),
  });
  r.post('/api/internal', {
    config,
    schema: {
      tags,
      summary: 'Nhập văn bản nội bộ (cấp số nếu đơn vị cấp số cho loại này, gửi người nhận trong đơn vị)',
      body: ZInternalCreate,
      response: { 201: ZInternalDetail, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await internal.create(req.ctx, req.body)),
  });
  r.get('/api/internal/:id', {
    config,
    schema: {
      tags,
      summary: 'Xem văn bản nội bộ',
      params: ZInternalIdParams,
      response: { 200: ZInternalDetail, ...errors },
    },
    handler: (req) => internal.detail(req.ctx, req.params.id),
  });
  r.post('/api/internal/:id/seen', {
    config,
    schema: {
      tags,
      summary: 'Ghi nhận người nhận đã xem văn bản',
      params: ZInternalIdParams,
      response: { 200: ZOk, ...errors },
    },
    handler: (req) => internal.markSeen(req.ctx, req.params.id),
  });
  r.post('/api/internal/:id/cancel', {
    config,
    schema: {
      tags,
      summary: 'Hủy văn bản nội bộ (kèm lý do; văn bản và số giữ nguyên)',
      params: ZInternalIdParams,
      body: ZInternalCancel,
      response: { 200: ZInternalDetail, ...errors },
    },
    handler: (req) => internal.cancel(req.ctx, req.params.id, req.body.reason),
  });
  r.get('/api/internal/:id/files/:fileId/content', {
    config,
    schema: {
      tags,
      summary: 'Tệp đính kèm của văn bản nội bộ (xem trực tiếp PDF, ảnh; tải về)',
      params: ZInternalFileParams,
      querystring: z.object({ download: z.enum(['1', '0']).optional() }),
      response: { 401: ZErrorBody, 404: ZErrorBody },
    },
    handler: (req, reply) =>
      internal.sendFile(req.ctx, reply, req.params.id, req.params.fileId, req.query.download !== '1'),
  });
  r.get('/api/internal/:id/files/:fileId/preview', {
    config,
    schema: {
      tags,
      summary: 'Xem tệp DOCX của văn bản nội bộ dưới dạng trang HTML',
      params: ZInternalFileParams,
      response: { 401: ZErrorBody, 404: ZErrorBody },
    },
    handler: (req, reply) => internal.sendPreview(req.ctx, reply, req.params.id, req.params.fileId),
  });
}
