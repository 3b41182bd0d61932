import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCatalogEntryList,
  ZDocumentTypeList,
  ZIncludeInactiveQuery,
  ZIssuingOrganOptions,
  ZLevelsQuery,
  ZOrganSearchQuery,
  ZSimilarOrgans,
  ZSimilarOrgansQuery,
} from '../../../contracts/catalogs';
import { ZErrorBody } from '../../../contracts/errors';
import type { CatalogsService } from './catalogs.service';
import type { IssuingOrgansService } from './issuing-organs.service';

/** Catalog reads for every document form: /api/catalogs/… (any signed-in user). */
export function catalogsRoutes(
  app: FastifyInstance,
  deps: { catalogs: CatalogsService; organs: IssuingOrgansService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
  r.get('/api/catalogs/document-types', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['catalogs'],
      summary: 'Loại văn bản và chữ viết tắt (đang sử dụng; tất cả nếu là quản trị danh mục)',
      querystring: ZIncludeInactiveQuery,
      response: { 200: ZDocumentTypeList, ...errors },
    },
    handler: (req) => deps.catalogs.documentTypes(req.ctx, req.query.includeInactive),
  });
  r.get('/api/catalogs/levels', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['catalogs'],
      summary: 'Độ mật, độ khẩn hoặc lĩnh vực (đang sử dụng; tất cả nếu là quản trị danh mục)',
      querystring: ZLevelsQuery,
      response: { 200: ZCatalogEntryList, ...errors },
    },
    handler: (req) => deps.catalogs.entries(req.ctx, req.query.catalog, req.query.includeInactive),
  });
  r.get('/api/catalogs/issuing-organs', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['catalogs'],
      summary: 'Tìm cơ quan ban hành khi gõ (không dấu, viết tắt như UBND, GD&ĐT)',
      querystring: ZOrganSearchQuery,
      response: { 200: ZIssuingOrganOptions, ...errors },
    },
    handler: (req) => deps.organs.search(req.ctx, req.query.q, req.query.limit),
  });
  r.get('/api/catalogs/issuing-organs/similar', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['catalogs'],
      summary: 'Cơ quan ban hành có tên gần giống (cảnh báo trùng)',
      querystring: ZSimilarOrgansQuery,
      response: { 200: ZSimilarOrgans, ...errors },
    },
    handler: (req) => deps.organs.similar(req.ctx, req.query.name),
  });
}
