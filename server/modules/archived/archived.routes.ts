import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZArchivedCreate,
  ZArchivedDetail,
  ZArchivedFileParams,
  ZArchivedIdParams,
  ZArchivedPage,
  ZArchivedSearch,
  ZArchivedUpdate,
  ZFrequent,
  ZPin,
} from '../../../contracts/archived';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import type { ArchivedService } from './archived.service';

/** Routes of "Văn bản lưu" (Điều 3.1d, 4.1): /api/archived/… */
export function archivedRoutes(app: FastifyInstance, deps: { archived: ArchivedService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['archived'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
  const a = deps.archived;
  const detail = { 200: ZArchivedDetail, ...errors };

  r.get('/api/archived', {
    config,
    schema: {
      tags,
      summary: 'Tìm kiếm văn bản lưu (không dấu; lọc theo loại, lĩnh vực, ngày, số ký hiệu, cơ quan)',
      querystring: ZArchivedSearch,
      response: { 200: ZArchivedPage, ...errors },
    },
    handler: (req) => a.search(req.ctx, req.query),
  });
  r.get('/api/archived/frequent', {
    config,
    schema: {
      tags,
      summary: 'Văn bản hay dùng: đã ghim và mở nhiều nhất',
      response: { 200: ZFrequent, ...errors },
    },
    handler: (req) => a.frequent(req.ctx),
  });
  r.post('/api/archived', {
    config,
    schema: {
      tags,
      summary: 'Nhập văn bản lưu (thông tin, tệp, chia sẻ cho đơn vị trực thuộc)',
      body: ZArchivedCreate,
      response: { 201: ZArchivedDetail, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await a.create(req.ctx, req.body)),
  });
  r.get('/api/archived/:id', {
    config,
    schema: { tags, summary: 'Xem văn bản lưu', params: ZArchivedIdParams, response: detail },
    handler: (req) => a.detail(req.ctx, req.params.id),
  });
  r.patch('/api/archived/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa văn bản lưu (thông tin, thêm và bỏ tệp)',
      params: ZArchivedIdParams,
      body: ZArchivedUpdate,
      response: detail,
    },
    handler: (req) => a.update(req.ctx, req.params.id, req.body),
  });
  r.delete('/api/archived/:id', {
    config,
    schema: {
      tags,
      summary: 'Gỡ văn bản lưu khỏi danh sách (không xóa hẳn)',
      params: ZArchivedIdParams,
      response: { 200: ZOk, ...errors },
    },
    handler: (req) => a.remove(req.ctx, req.params.id),
  });
  r.post('/api/archived/:id/opened', {
    config,
    schema: {
      tags,
      summary: 'Ghi nhận một lần mở văn bản (xếp hạng văn bản hay dùng)',
      params: ZArchivedIdParams,
      response: { 200: ZOk, ...errors },
    },
    handler: (req) => a.opened(req.ctx, req.params.id),
  });
  r.post('/api/archived/:id/pin', {
    config,
    schema: {
      tags,
      summary: 'Ghim hoặc bỏ ghim văn bản trong mục hay dùng',
      params: ZArchivedIdParams,
      body: ZPin,
      response: detail,
    },
    handler: (req) => a.pin(req.ctx, req.params.id, req.body.pinned),
  });
  r.get('/api/archived/:id/files/:fileId/content', {
    config,
    schema: {
      tags,
      summary: 'Tệp đính kèm của văn bản lưu (xem trực tiếp PDF, ảnh; tải về)',
      params: ZArchivedFileParams,
      querystring: z.object({ download: z.enum(['1', '0']).optional() }),
      response: { 401: ZErrorBody, 404: ZErrorBody },
    },
    handler: (req, reply) => a.sendFile(req.ctx, reply, req.params.id, req.params.fileId, req.query.download !== '1'),
  });
  r.get('/api/archived/:id/files/:fileId/preview', {
    config,
    schema: {
      tags,
      summary: 'Xem tệp DOCX của văn bản lưu dưới dạng trang HTML',
      params: ZArchivedFileParams,
      response: { 401: ZErrorBody, 404: ZErrorBody },
    },
    handler: (req, reply) => a.sendPreview(req.ctx, reply, req.params.id, req.params.fileId),
  });
}
