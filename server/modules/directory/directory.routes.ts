import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDirectoryPage, ZDirectoryQuery, ZUnitOptions } from '../../../contracts/directory';
import { ZErrorBody } from '../../../contracts/errors';
import type { DirectoryService } from './directory.service';

/** GET /api/directory and GET /api/units/options. */
export function directoryRoutes(app: FastifyInstance, deps: { directory: DirectoryService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/directory', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['directory'],
      summary: 'Danh bạ điện thoại: tìm người theo tên (không dấu), lọc theo đơn vị',
      querystring: ZDirectoryQuery,
      response: { 200: ZDirectoryPage, 400: ZErrorBody, 401: ZErrorBody },
    },
    handler: (req) => deps.directory.search(req.ctx, req.query),
  });
  r.get('/api/units/options', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['directory'],
      summary: 'Danh sách đơn vị để chọn',
      response: { 200: ZUnitOptions, 401: ZErrorBody },
    },
    handler: (req) => deps.directory.unitOptions(req.ctx),
  });
}
