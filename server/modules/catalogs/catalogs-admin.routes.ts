import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCatalogEntry,
  ZCatalogEntryCreate,
  ZCatalogEntryListQuery,
  ZCatalogEntryPage,
  ZCatalogEntryUpdate,
  ZDocumentType,
  ZDocumentTypeCreate,
  ZDocumentTypeListQuery,
  ZDocumentTypePage,
  ZDocumentTypeUpdate,
  ZIdParams,
  ZIssuingOrgan,
  ZIssuingOrganCreate,
  ZIssuingOrganListQuery,
  ZIssuingOrganPage,
  ZIssuingOrganUpdate,
} from '../../../contracts/catalogs';
import { ZErrorBody } from '../../../contracts/errors';
import type { RequestContext } from '../../platform/authz/actor';
import type { CatalogsService } from './catalogs.service';
import type { IssuingOrgansService } from './issuing-organs.service';

type Row = typeof ZDocumentType | typeof ZCatalogEntry | typeof ZIssuingOrgan;

/** Admin routes of "Danh mục chuẩn văn bản": lists for admin.catalogs, writes for scope `all`. */
export function catalogsAdminRoutes(
  app: FastifyInstance,
  deps: { catalogs: CatalogsService; organs: IssuingOrgansService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
  const writeErrors = { ...errors, 404: ZErrorBody, 409: ZErrorBody };
  const base = '/api/admin/catalogs';
  const config = { access: 'signed-in' as const };

  // Document types
  r.get(`${base}/document-types`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Danh sách loại văn bản (tìm, lọc, sắp xếp, phân trang)',
      querystring: ZDocumentTypeListQuery,
      response: { 200: ZDocumentTypePage, ...errors },
    },
    handler: (req) => deps.catalogs.documentTypePage(req.ctx, req.query),
  });
  r.post(`${base}/document-types`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Thêm loại văn bản',
      body: ZDocumentTypeCreate,
      response: { 200: ZDocumentType, ...writeErrors },
    },
    handler: (req) => deps.catalogs.createDocumentType(req.ctx, req.body),
  });
  r.patch(`${base}/document-types/:id`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Sửa loại văn bản',
      params: ZIdParams,
      body: ZDocumentTypeUpdate,
      response: { 200: ZDocumentType, ...writeErrors },
    },
    handler: (req) => deps.catalogs.updateDocumentType(req.ctx, req.params.id, req.body),
  });
  statusRoutes('document-types', 'loại văn bản', ZDocumentType, (ctx, id, active) =>
    deps.catalogs.setDocumentTypeActive(ctx, id, active),
  );

  // Confidentiality, urgency, fields
  r.get(`${base}/entries`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Danh sách độ mật, độ khẩn hoặc lĩnh vực (tìm, lọc, sắp xếp, phân trang)',
      querystring: ZCatalogEntryListQuery,
      response: { 200: ZCatalogEntryPage, ...errors },
    },
    handler: (req) => deps.catalogs.entryPage(req.ctx, req.query),
  });
  r.post(`${base}/entries`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Thêm độ mật, độ khẩn hoặc lĩnh vực',
      body: ZCatalogEntryCreate,
      response: { 200: ZCatalogEntry, ...writeErrors },
    },
    handler: (req) => deps.catalogs.createEntry(req.ctx, req.body),
  });
  r.patch(`${base}/entries/:id`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Sửa tên, thứ tự của độ mật, độ khẩn hoặc lĩnh vực (mã không đổi)',
      params: ZIdParams,
      body: ZCatalogEntryUpdate,
      response: { 200: ZCatalogEntry, ...writeErrors },
    },
    handler: (req) => deps.catalogs.updateEntry(req.ctx, req.params.id, req.body),
  });
  statusRoutes('entries', 'mục danh mục', ZCatalogEntry, (ctx, id, active) =>
    deps.catalogs.setEntryActive(ctx, id, active),
  );

  // Issuing organs
  r.get(`${base}/issuing-organs`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Danh sách cơ quan ban hành (tìm không dấu, lọc, sắp xếp, phân trang)',
      querystring: ZIssuingOrganListQuery,
      response: { 200: ZIssuingOrganPage, ...errors },
    },
    handler: (req) => deps.organs.page(req.ctx, req.query),
  });
  r.post(`${base}/issuing-organs`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Thêm cơ quan ban hành (từ chối tên trùng sau khi chuẩn hóa)',
      body: ZIssuingOrganCreate,
      response: { 200: ZIssuingOrgan, ...writeErrors },
    },
    handler: (req) => deps.organs.create(req.ctx, req.body),
  });
  r.patch(`${base}/issuing-organs/:id`, {
    config,
    schema: {
      tags: ['admin-catalogs'],
      summary: 'Sửa cơ quan ban hành',
      params: ZIdParams,
      body: ZIssuingOrganUpdate,
      response: { 200: ZIssuingOrgan, ...writeErrors },
    },
    handler: (req) => deps.organs.update(req.ctx, req.params.id, req.body),
  });
  statusRoutes('issuing-organs', 'cơ quan ban hành', ZIssuingOrgan, (ctx, id, active) =>
    deps.organs.setActive(ctx, id, active),
  );

  /** POST …/:id/deactivate ("Ngừng sử dụng") and …/:id/activate ("Sử dụng lại"). */
  function statusRoutes<R extends Row>(
    path: string,
    label: string,
    row: R,
    set: (ctx: RequestContext, id: string, active: boolean) => Promise<unknown>,
  ) {
    for (const [verb, active, summary] of [
      ['deactivate', false, `Ngừng sử dụng ${label}`],
      ['activate', true, `Sử dụng lại ${label}`],
    ] as const) {
      r.post(`${base}/${path}/:id/${verb}`, {
        config,
        schema: {
          tags: ['admin-catalogs'],
          summary,
          params: ZIdParams,
          response: { 200: row, ...writeErrors },
        },
        handler: (req) => set(req.ctx, req.params.id, active) as never,
      });
    }
  }
}
