import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZScheduleCopyResult,
  ZScheduleEntry,
  ZScheduleEntryCreate,
  ZScheduleEntryIdParams,
  ZScheduleEntryUpdate,
  ZScheduleUnitList,
  ZScheduleUnitsQuery,
  ZScheduleWeek,
  ZScheduleWeekQuery,
  ZScheduleWeekRef,
} from '../../../contracts/schedule';
import type { ScheduleService } from './schedule.service';

/** Routes of "Lịch đơn vị": read a week, write its lines, publish, copy, print. */
export function scheduleRoutes(app: FastifyInstance, deps: { schedule: ScheduleService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['schedule'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

  r.get('/api/schedule/units', {
    config,
    schema: {
      tags,
      summary: 'Các đơn vị có thể xem lịch (đơn vị mình trước), lịch tuần đã công bố hay chưa',
      querystring: ZScheduleUnitsQuery,
      response: { 200: ZScheduleUnitList, 400: ZErrorBody, 401: ZErrorBody },
    },
    handler: (req) => deps.schedule.units(req.ctx, req.query.weekStart),
  });
  r.get('/api/schedule/week', {
    config,
    schema: {
      tags,
      summary: 'Lịch công tác một tuần của một đơn vị (bản nháp chỉ người soạn, người công bố thấy)',
      querystring: ZScheduleWeekQuery,
      response: { 200: ZScheduleWeek, 400: ZErrorBody, 401: ZErrorBody },
    },
    handler: (req) => deps.schedule.week(req.ctx, req.query.unitId, req.query.weekStart),
  });
  r.get('/api/schedule/week.pdf', {
    config,
    schema: {
      tags,
      summary: 'In lịch công tác tuần (PDF, A4 ngang)',
      querystring: ZScheduleWeekQuery,
      response: { 200: z.any().describe('Tệp PDF'), 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody },
    },
    handler: async (req, reply) => {
      const { buffer, filename } = await deps.schedule.pdf(req.ctx, req.query.unitId, req.query.weekStart);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(buffer);
    },
  });
  r.post('/api/schedule/entries', {
    config,
    schema: {
      tags,
      summary: 'Thêm một dòng lịch vào tuần (ngày phải thuộc tuần)',
      body: ZScheduleEntryCreate,
      response: { 201: ZScheduleEntry, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.schedule.createEntry(req.ctx, req.body)),
  });
  r.patch('/api/schedule/entries/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa một dòng lịch',
      params: ZScheduleEntryIdParams,
      body: ZScheduleEntryUpdate,
      response: { 200: ZScheduleEntry, ...errors },
    },
    handler: (req) => deps.schedule.updateEntry(req.ctx, req.params.id, req.body),
  });
  r.post('/api/schedule/entries/:id/delete', {
    config,
    schema: {
      tags,
      summary: 'Xóa một dòng lịch (xóa mềm)',
      params: ZScheduleEntryIdParams,
      response: { 200: ZOk, ...errors },
    },
    handler: (req) => deps.schedule.deleteEntry(req.ctx, req.params.id),
  });
  r.post('/api/schedule/publish', {
    config,
    schema: {
      tags,
      summary: 'Công bố lịch tuần (lãnh đạo): mọi đơn vị xem được',
      body: ZScheduleWeekRef,
      response: { 200: ZScheduleWeek, ...errors },
    },
    handler: (req) => deps.schedule.publish(req.ctx, req.body.unitId, req.body.weekStart),
  });
  r.post('/api/schedule/unpublish', {
    config,
    schema: {
      tags,
      summary: 'Hủy công bố lịch tuần, trở lại bản nháp (lãnh đạo)',
      body: ZScheduleWeekRef,
      response: { 200: ZScheduleWeek, ...errors },
    },
    handler: (req) => deps.schedule.unpublish(req.ctx, req.body.unitId, req.body.weekStart),
  });
  r.post('/api/schedule/copy-previous', {
    config,
    schema: {
      tags,
      summary: 'Sao chép các dòng lịch của tuần trước sang tuần này',
      body: ZScheduleWeekRef,
      response: { 200: ZScheduleCopyResult, ...errors },
    },
    handler: (req) => deps.schedule.copyPrevious(req.ctx, req.body.unitId, req.body.weekStart),
  });
}
