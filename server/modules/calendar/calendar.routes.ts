import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZCalendarEntry,
  ZCalendarEntryInput,
  ZCalendarEntryParams,
  ZCalendarFeed,
  ZCalendarFeedQuery,
  ZCalendarSkip,
} from '../../../contracts/personal-calendar';
import type { CalendarService } from './calendar.service';

/** Routes of "Lịch cá nhân" (Điều 3.2c): the signed-in person's own calendar only. */
export function calendarRoutes(app: FastifyInstance, deps: { calendar: CalendarService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['calendar'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody };

  r.get('/api/calendar/feed', {
    config,
    schema: {
      tags,
      summary:
        'Lịch cá nhân của một khoảng ngày: sự kiện, lịch hẹn, nhật ký (lặp lại đã trải ra), hạn công việc và văn bản',
      querystring: ZCalendarFeedQuery,
      response: { 200: ZCalendarFeed, ...errors },
    },
    handler: (req) => deps.calendar.feed(req.ctx, req.query),
  });
  r.post('/api/calendar/entries', {
    config,
    schema: {
      tags,
      summary: 'Thêm sự kiện, lịch hẹn hoặc nhật ký (lặp lại, nhắc trước)',
      body: ZCalendarEntryInput,
      response: { 201: ZCalendarEntry, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.calendar.create(req.ctx, req.body)),
  });
  r.get('/api/calendar/entries/:id', {
    config,
    schema: {
      tags,
      summary: 'Một mục lịch của tôi',
      params: ZCalendarEntryParams,
      response: { 200: ZCalendarEntry, ...errors },
    },
    handler: (req) => deps.calendar.get(req.ctx, req.params.id),
  });
  r.put('/api/calendar/entries/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa một mục lịch (mọi lần lặp)',
      params: ZCalendarEntryParams,
      body: ZCalendarEntryInput,
      response: { 200: ZCalendarEntry, ...errors },
    },
    handler: (req) => deps.calendar.update(req.ctx, req.params.id, req.body),
  });
  r.post('/api/calendar/entries/:id/delete', {
    config,
    schema: {
      tags,
      summary: 'Xóa một mục lịch (mọi lần lặp; xóa mềm)',
      params: ZCalendarEntryParams,
      response: { 200: ZOk, ...errors },
    },
    handler: (req) => deps.calendar.remove(req.ctx, req.params.id),
  });
  r.post('/api/calendar/entries/:id/skip', {
    config,
    schema: {
      tags,
      summary: 'Bỏ một lần của lịch lặp lại',
      params: ZCalendarEntryParams,
      body: ZCalendarSkip,
      response: { 200: ZCalendarEntry, ...errors },
    },
    handler: (req) => deps.calendar.skip(req.ctx, req.params.id, req.body),
  });
}
