import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAuditFacets,
  ZAuditFilters,
  ZAuditPage,
  ZAuditQuery,
  ZUserPickQuery,
  ZUserPicks,
} from '../../../contracts/admin-access';
import { ZErrorBody } from '../../../contracts/errors';
import type { AuditViewerService } from './audit-viewer.service';

const access = { access: 'signed-in' as const };
const tags = ['admin-audit'];
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Nhật ký hệ thống, read-only: GET /api/admin/audit, /export, /facets, /actors. There is no
 * route that changes or removes an entry; PUT/PATCH/DELETE on /api/admin/audit/:id answer 404.
 */
export function auditViewerRoutes(app: FastifyInstance, deps: { viewer: AuditViewerService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { viewer } = deps;

  r.get('/api/admin/audit', {
    config: access,
    schema: {
      tags,
      summary: 'Nhật ký hệ thống: lọc theo người thực hiện, đối tượng, hành động, ngày; mới nhất trước',
      querystring: ZAuditQuery,
      response: { 200: ZAuditPage, ...errors },
    },
    handler: (req) => viewer.list(req.ctx, req.query),
  });

  r.get('/api/admin/audit/export', {
    config: access,
    schema: {
      tags,
      summary: 'Xuất nhật ký ra Excel (XLSX), tối đa 50.000 dòng',
      querystring: ZAuditFilters,
      response: { 200: z.any().describe('Tệp XLSX'), ...errors },
    },
    handler: async (req, reply) => {
      const { file, truncated, rows } = await viewer.export(req.ctx, req.query);
      const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="nhat-ky-${stamp}.xlsx"`)
        .header('x-export-rows', String(rows))
        .header('x-export-truncated', String(truncated))
        .send(file);
    },
  });

  r.get('/api/admin/audit/facets', {
    config: access,
    schema: {
      tags,
      summary: 'Các hành động và loại đối tượng có trong nhật ký (cho bộ lọc)',
      response: { 200: ZAuditFacets, 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: (req) => viewer.facets(req.ctx),
  });

  r.get('/api/admin/audit/actors', {
    config: access,
    schema: {
      tags,
      summary: 'Người thực hiện để lọc nhật ký (trong phạm vi được xem)',
      querystring: ZUserPickQuery,
      response: { 200: ZUserPicks, ...errors },
    },
    handler: (req) => viewer.actors(req.ctx, req.query),
  });
}
