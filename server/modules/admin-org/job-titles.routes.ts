import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZIdParams,
  ZJobTitle,
  ZJobTitleCreate,
  ZJobTitleList,
  ZJobTitleListQuery,
  ZJobTitleReorder,
  ZJobTitleUpdate,
} from '../../../contracts/admin-org';
import { ZErrorBody } from '../../../contracts/errors';
import type { JobTitlesService } from './job-titles.service';

/** Body of activate / deactivate: nothing to say. */
const ZNoBody = z.object({}).strict();

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

/** /api/admin/job-titles: the job title catalogue (Danh mục chức danh). */
export function jobTitlesRoutes(app: FastifyInstance, deps: { titles: JobTitlesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin-job-titles'];

  r.get('/api/admin/job-titles', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Danh mục chức danh theo thứ tự (lãnh đạo trước), kèm số người giữ chức danh',
      querystring: ZJobTitleListQuery,
      response: { 200: ZJobTitleList, 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: (req) => deps.titles.list(req.ctx, req.query),
  });

  r.post('/api/admin/job-titles', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Thêm chức danh',
      body: ZJobTitleCreate,
      response: { 201: ZJobTitle, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.titles.create(req.ctx, req.body)),
  });

  r.post('/api/admin/job-titles/reorder', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Sắp xếp lại thứ tự chức danh (10, 20, 30… theo thứ tự gửi lên)',
      body: ZJobTitleReorder,
      response: { 200: ZJobTitleList, ...errors },
    },
    handler: (req) => deps.titles.reorder(req.ctx, req.body),
  });

  r.patch('/api/admin/job-titles/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Sửa tên, thứ tự của chức danh',
      params: ZIdParams,
      body: ZJobTitleUpdate,
      response: { 200: ZJobTitle, ...errors },
    },
    handler: (req) => deps.titles.update(req.ctx, req.params.id, req.body),
  });

  r.post('/api/admin/job-titles/:id/deactivate', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Ngừng sử dụng chức danh (người đang giữ vẫn giữ nguyên)',
      params: ZIdParams,
      body: ZNoBody,
      response: { 200: ZJobTitle, ...errors },
    },
    handler: (req) => deps.titles.deactivate(req.ctx, req.params.id),
  });

  r.post('/api/admin/job-titles/:id/activate', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Dùng lại chức danh đã ngừng',
      params: ZIdParams,
      body: ZNoBody,
      response: { 200: ZJobTitle, ...errors },
    },
    handler: (req) => deps.titles.activate(req.ctx, req.params.id),
  });
}
