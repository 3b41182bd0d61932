import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorBody } from '../../../contracts/errors';
import { ZSettingKeyParams, ZSettingsUpdate, ZSettingsView } from '../../../contracts/settings';
import type { SettingsAdminService } from './settings-admin.service';

/** GET/PUT /api/admin/settings and POST /api/admin/settings/:key/reset. */
export function settingsAdminRoutes(app: FastifyInstance, deps: { settings: SettingsAdminService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/admin/settings', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['admin-settings'],
      summary: 'Tùy chọn quản trị: giá trị, mặc định và các mục đã thay đổi',
      response: { 200: ZSettingsView, 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: (req) => deps.settings.view(req.ctx),
  });
  r.put('/api/admin/settings', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['admin-settings'],
      summary: 'Lưu tùy chọn quản trị (lưu tất cả hoặc không lưu gì)',
      body: ZSettingsUpdate,
      response: { 200: ZSettingsView, 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: (req) => deps.settings.update(req.ctx, req.body),
  });
  r.post('/api/admin/settings/:key/reset', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['admin-settings'],
      summary: 'Khôi phục một tùy chọn quản trị về giá trị mặc định',
      params: ZSettingKeyParams,
      response: { 200: ZSettingsView, 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
    },
    handler: (req) => deps.settings.reset(req.ctx, req.params.key),
  });
}
