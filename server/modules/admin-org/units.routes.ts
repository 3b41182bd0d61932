import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAdminUnitDetail,
  ZIdParams,
  ZUnitCreate,
  ZUnitListQuery,
  ZUnitMove,
  ZUnitList,
  ZUnitUpdate,
} from '../../../contracts/admin-org';
import { ZErrorBody } from '../../../contracts/errors';
import type { UnitsService } from './units.service';

/** Body of deactivate: an optional reason kept in the audit log. */
const ZDeactivate = z.object({ reason: z.string().trim().max(500).optional() }).strict();
/** Body of activate: nothing to say. */
const ZActivate = z.object({}).strict();

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

/** /api/admin/units: the unit tree (Đơn vị trực thuộc). */
export function unitsRoutes(app: FastifyInstance, deps: { units: UnitsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin-units'];

  r.get('/api/admin/units', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Cây đơn vị trong phạm vi quản trị (tìm theo tên, mã, tên viết tắt không dấu)',
      querystring: ZUnitListQuery,
      response: { 200: ZUnitList, 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: (req) => deps.units.list(req.ctx, req.query),
  });

  r.get('/api/admin/units/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Thông tin một đơn vị',
      params: ZIdParams,
      response: { 200: ZAdminUnitDetail, ...errors },
    },
    handler: (req) => deps.units.get(req.ctx, req.params.id),
  });

  r.post('/api/admin/units', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Thêm đơn vị (đơn vị con, hoặc đơn vị gốc với phạm vi toàn hệ thống)',
      body: ZUnitCreate,
      response: { 201: ZAdminUnitDetail, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.units.create(req.ctx, req.body)),
  });

  r.patch('/api/admin/units/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Đổi tên, sửa thông tin đơn vị',
      params: ZIdParams,
      body: ZUnitUpdate,
      response: { 200: ZAdminUnitDetail, ...errors },
    },
    handler: (req) => deps.units.update(req.ctx, req.params.id, req.body),
  });

  r.post('/api/admin/units/:id/move', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Chuyển đơn vị (cùng các đơn vị con) sang đơn vị cấp trên khác',
      params: ZIdParams,
      body: ZUnitMove,
      response: { 200: ZAdminUnitDetail, ...errors },
    },
    handler: (req) => deps.units.move(req.ctx, req.params.id, req.body),
  });

  r.post('/api/admin/units/:id/deactivate', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Ngừng hoạt động đơn vị (không còn người dùng, đơn vị con đang hoạt động)',
      params: ZIdParams,
      body: ZDeactivate,
      response: { 200: ZAdminUnitDetail, ...errors },
    },
    handler: (req) => deps.units.deactivate(req.ctx, req.params.id, req.body.reason),
  });

  r.post('/api/admin/units/:id/activate', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Kích hoạt lại đơn vị',
      params: ZIdParams,
      body: ZActivate,
      response: { 200: ZAdminUnitDetail, ...errors },
    },
    handler: (req) => deps.units.activate(req.ctx, req.params.id),
  });
}
