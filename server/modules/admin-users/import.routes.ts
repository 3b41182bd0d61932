import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_MAX_BYTES, ZImportResult, ZImportUsers } from '../../../contracts/admin-users';
import { ZErrorBody } from '../../../contracts/errors';
import type { UsersImportService } from './import.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['admin-users'];

/** GET /api/admin/users/import-template and POST /api/admin/users/import. */
export function usersImportRoutes(app: FastifyInstance, deps: { importer: UsersImportService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/users/import-template', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Tải tệp Excel mẫu để nhập người dùng (kèm trang hướng dẫn, mã đơn vị, mã nhóm)',
      response: { 200: z.any().describe('Tệp XLSX'), 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: async (req, reply) => {
      const file = await deps.importer.template(req.ctx);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="mau-nhap-nguoi-dung.xlsx"`)
        .send(file);
    },
  });

  r.post('/api/admin/users/import', {
    config: { access: 'signed-in' },
    // The file travels base64-encoded in JSON: a third larger than the file itself.
    bodyLimit: Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024,
    schema: {
      tags,
      summary: 'Nhập người dùng từ tệp Excel: kiểm tra mọi dòng, có dòng lỗi thì không nhập dòng nào',
      body: ZImportUsers,
      response: {
        200: ZImportResult,
        400: ZErrorBody,
        401: ZErrorBody,
        403: ZErrorBody,
        409: ZErrorBody,
        413: ZErrorBody,
        422: ZErrorBody,
      },
    },
    handler: (req) => deps.importer.import(req.ctx, req.body),
  });
}
