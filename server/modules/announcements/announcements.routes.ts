import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAnnouncementCreate,
  ZAnnouncementCreated,
  ZAnnouncementFileParams,
  ZAnnouncementIdParams,
  ZAnnouncementPageQuery,
  ZComposeOptions,
  ZGroupOptions,
  ZInboxPage,
  ZReadResult,
  ZReceipts,
  ZSentPage,
} from '../../../contracts/announcements';
import { ZErrorBody } from '../../../contracts/errors';
import type { AnnouncementsService } from './announcements.service';

/** Routes of "Gửi thông báo" (Điều 3.2f) and of the received messages ("Tin nhắn mới", Điều 3.7h). */
export function announcementsRoutes(app: FastifyInstance, deps: { announcements: AnnouncementsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['announcements'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
  const a = deps.announcements;

  r.get('/api/announcements/options', {
    config,
    schema: {
      tags,
      summary: 'Tùy chọn của mẫu gửi thông báo (có gửi SMS được không)',
      response: { 200: ZComposeOptions, ...errors },
    },
    handler: (req) => a.options(req.ctx),
  });
  r.get('/api/announcements/groups', {
    config,
    schema: {
      tags,
      summary: 'Các nhóm người dùng đang hoạt động (kèm số thành viên) để chọn người nhận',
      response: { 200: ZGroupOptions, ...errors },
    },
    handler: (req) => a.groups(req.ctx),
  });
  r.post('/api/announcements', {
    config,
    schema: {
      tags,
      summary: 'Gửi thông báo (nội dung, tệp) tới người, đơn vị, nhóm; có thể gửi kèm SMS',
      body: ZAnnouncementCreate,
      response: { 201: ZAnnouncementCreated, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await a.send(req.ctx, req.body)),
  });
  r.get('/api/announcements/inbox', {
    config,
    schema: {
      tags,
      summary: 'Tin nhắn mới: các thông báo đã nhận (mới nhất trước)',
      querystring: ZAnnouncementPageQuery,
      response: { 200: ZInboxPage, ...errors },
    },
    handler: (req) => a.inbox(req.ctx, req.query.page),
  });
  r.post('/api/announcements/:id/read', {
    config,
    schema: {
      tags,
      summary: 'Đánh dấu đã đọc thông báo (báo đã đọc cho người gửi)',
      params: ZAnnouncementIdParams,
      response: { 200: ZReadResult, ...errors },
    },
    handler: (req) => a.markRead(req.ctx, req.params.id),
  });
  r.get('/api/announcements/sent', {
    config,
    schema: {
      tags,
      summary: 'Thông báo đã gửi, kèm số người đã đọc',
      querystring: ZAnnouncementPageQuery,
      response: { 200: ZSentPage, ...errors },
    },
    handler: (req) => a.sent(req.ctx, req.query.page),
  });
  r.get('/api/announcements/:id/receipts', {
    config,
    schema: {
      tags,
      summary: 'Danh sách người nhận, thời điểm đọc và tình trạng SMS (chỉ người gửi)',
      params: ZAnnouncementIdParams,
      response: { 200: ZReceipts, ...errors },
    },
    handler: (req) => a.receipts(req.ctx, req.params.id),
  });
  r.get('/api/announcements/:id/files/:fileId/content', {
    config,
    schema: {
      tags,
      summary: 'Tệp đính kèm của thông báo (người gửi và người nhận)',
      params: ZAnnouncementFileParams,
      querystring: z.object({ download: z.enum(['1', '0']).optional() }),
      response: { 401: ZErrorBody, 404: ZErrorBody },
    },
    handler: (req, reply) => a.sendFile(req.ctx, reply, req.params.id, req.params.fileId, req.query.download !== '1'),
  });
}
