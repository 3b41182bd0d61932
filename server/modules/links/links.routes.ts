import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZDocumentSummaries,
  ZLinkCreate,
  ZLinkCreated,
  ZLinkIdParams,
  ZLinkSearchQuery,
  ZLinkTree,
  ZLinkTreeQuery,
} from '../../../contracts/links';
import type { LinksService } from './links.service';

/** Routes of "Tạo liên kết văn bản" (Điều 3.1e): /api/links/… */
export function linksRoutes(app: FastifyInstance, deps: { links: LinksService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['links'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
  const l = deps.links;

  r.get('/api/links/tree', {
    config,
    schema: {
      tags,
      summary: 'Cây liên kết của một văn bản (hai chiều, sâu tối đa 5, chỉ văn bản người dùng được xem)',
      querystring: ZLinkTreeQuery,
      response: { 200: ZLinkTree, ...errors },
    },
    handler: (req) => l.tree(req.ctx, req.query),
  });
  r.get('/api/links/search', {
    config,
    schema: {
      tags,
      summary: 'Tìm văn bản để liên kết (theo trích yếu không dấu hoặc số, ký hiệu)',
      querystring: ZLinkSearchQuery,
      response: { 200: ZDocumentSummaries, ...errors },
    },
    handler: (req) => l.search(req.ctx, req.query),
  });
  r.post('/api/links', {
    config,
    schema: {
      tags,
      summary: 'Tạo liên kết giữa hai văn bản (trả lời, thực hiện, thay thế, sửa đổi, liên quan)',
      body: ZLinkCreate,
      response: { 201: ZLinkCreated, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await l.create(req.ctx, req.body)),
  });
  r.delete('/api/links/:id', {
    config,
    schema: {
      tags,
      summary: 'Bỏ liên kết (giữ lại trong nhật ký)',
      params: ZLinkIdParams,
      response: { 200: ZOk, ...errors },
    },
    handler: (req) => l.remove(req.ctx, req.params.id),
  });
}
