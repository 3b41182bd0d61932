import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZAssignedQuery,
  ZReceivedCounts,
  ZReceivedParams,
  ZTaskAssign,
  ZTaskAssignmentParams,
  ZTaskBoard,
  ZTaskChangeDue,
  ZTaskClose,
  ZTaskCreate,
  ZTaskDecision,
  ZTaskDetail,
  ZTaskFileParams,
  ZTaskHandOn,
  ZTaskIdParams,
  ZTaskNote,
  ZTaskPage,
  ZTaskPageQuery,
  ZTaskPropose,
  ZTaskReason,
  ZTaskReport,
  ZTaskUpdate,
  ZTaskUrge,
} from '../../../contracts/tasks';
import type { RequestContext } from '../../platform/authz/actor';
import type { FileService } from '../../platform/files/files.service';
import type { TasksFlowService } from './tasks-flow.service';
import type { TasksListsService } from './tasks-lists.service';
import type { TasksService } from './tasks.service';

export interface TasksRouteDeps {
  tasks: TasksService;
  flow: TasksFlowService;
  lists: TasksListsService;
  files: FileService;
}

/** Routes of "Quản lý công việc" (Việc giao, Việc nhận — Điều 3.2a–b): /api/tasks/… */
export function tasksRoutes(app: FastifyInstance, deps: TasksRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['tasks'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
  const detail = { 200: ZTaskDetail, ...errors };

  r.get('/api/tasks/received/counts', {
    config,
    schema: { tags, summary: 'Số công việc trong từng hộp Việc nhận', response: { 200: ZReceivedCounts, ...errors } },
    handler: (req) => deps.lists.receivedCounts(req.ctx),
  });
  r.get('/api/tasks/received/:box', {
    config,
    schema: {
      tags,
      summary: 'Việc nhận: chờ tiếp nhận, đang xử lý, theo dõi, đã xong',
      params: ZReceivedParams,
      querystring: ZTaskPageQuery,
      response: { 200: ZTaskPage, ...errors },
    },
    handler: (req) => deps.lists.received(req.ctx, req.params.box, req.query.page, req.query.pageSize),
  });
  r.get('/api/tasks/assigned', {
    config,
    schema: {
      tags,
      summary: 'Việc giao: công việc tôi đã tạo, lọc theo trạng thái, hạn xử lý, đề xuất chờ duyệt',
      querystring: ZAssignedQuery,
      response: { 200: ZTaskPage, ...errors },
    },
    handler: (req) => deps.lists.assigned(req.ctx, req.query),
  });
  r.get('/api/tasks/board', {
    config,
    schema: {
      tags,
      summary: 'Bảng theo dõi việc giao: số việc theo trạng thái và hạn xử lý',
      response: { 200: ZTaskBoard, ...errors },
    },
    handler: (req) => deps.lists.board(req.ctx),
  });
  r.post('/api/tasks', {
    config,
    schema: {
      tags,
      summary: 'Tạo công việc (tự xử lý, hoặc giao cho người, đơn vị; việc con)',
      body: ZTaskCreate,
      response: { 201: ZTaskDetail, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.tasks.create(req.ctx, req.body)),
  });
  r.get('/api/tasks/:id', {
    config,
    schema: {
      tags,
      summary: 'Xem công việc: thông tin, người thực hiện, tiến độ, quá trình, việc con',
      params: ZTaskIdParams,
      response: detail,
    },
    handler: (req) => deps.tasks.detail(req.ctx, req.params.id),
  });
  r.patch('/api/tasks/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa công việc (người tạo): tiêu đề, nội dung, độ ưu tiên, văn bản liên quan, thêm tệp',
      params: ZTaskIdParams,
      body: ZTaskUpdate,
      response: detail,
    },
    handler: (req) => deps.tasks.update(req.ctx, req.params.id, req.body),
  });

  const action = <B extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: RequestContext, id: string, body: z.output<B>) => Promise<unknown>,
  ) =>
    r.post(`/api/tasks/:id/${path}`, {
      config,
      schema: { tags, summary, params: ZTaskIdParams, body, response: detail },
      handler: (req) => run(req.ctx, req.params.id, req.body as z.output<B>) as never,
    });

  action('assign', 'Giao thêm người, đơn vị', ZTaskAssign, (c, id, b) => deps.flow.assign(c, id, b));
  action('accept', 'Tiếp nhận công việc', ZTaskNote, (c, id, b) => deps.flow.accept(c, id, b));
  action('propose', 'Đề xuất tự xử lý (kế hoạch, hạn đề xuất)', ZTaskPropose, (c, id, b) =>
    deps.flow.propose(c, id, b),
  );
  action('hand-on', 'Giao lại cho người khác', ZTaskHandOn, (c, id, b) => deps.flow.handOn(c, id, b));
  action('report', 'Báo cáo tiến độ (phần trăm, ghi chú, tệp)', ZTaskReport, (c, id, b) => deps.flow.report(c, id, b));
  action('urge', 'Đôn đốc người thực hiện', ZTaskUrge, (c, id, b) => deps.flow.urge(c, id, b));
  action('change-due', 'Gia hạn, đổi hạn xử lý (kèm lý do)', ZTaskChangeDue, (c, id, b) =>
    deps.flow.changeDue(c, id, b),
  );
  action('close', 'Đóng và đánh giá công việc', ZTaskClose, (c, id, b) => deps.flow.close(c, id, b));
  action('cancel', 'Hủy công việc (kèm lý do)', ZTaskReason, (c, id, b) => deps.flow.cancel(c, id, b));

  r.post('/api/tasks/:id/proposals/:assignmentId/approve', {
    config,
    schema: {
      tags,
      summary: 'Chấp thuận đề xuất tự xử lý',
      params: ZTaskAssignmentParams,
      body: ZTaskDecision,
      response: detail,
    },
    handler: (req) => deps.flow.approve(req.ctx, req.params.id, req.params.assignmentId, req.body),
  });
  r.post('/api/tasks/:id/proposals/:assignmentId/reject', {
    config,
    schema: {
      tags,
      summary: 'Không chấp thuận đề xuất tự xử lý (kèm lý do)',
      params: ZTaskAssignmentParams,
      body: ZTaskReason,
      response: detail,
    },
    handler: (req) => deps.flow.reject(req.ctx, req.params.id, req.params.assignmentId, req.body),
  });

  const isAttachedTo = deps.files.isAttachedTo.bind(deps.files);
  r.get('/api/tasks/:id/files/:fileId/content', {
    config,
    schema: {
      tags,
      summary: 'Tệp đính kèm của công việc hoặc của báo cáo tiến độ (xem trực tiếp PDF, ảnh; tải về)',
      params: ZTaskFileParams,
      querystring: z.object({ download: z.enum(['1', '0']).optional() }),
      response: { 404: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: async (req, reply) => {
      await deps.tasks.checkFile(req.ctx, req.params.id, req.params.fileId, isAttachedTo);
      return deps.files.send(reply, req.params.fileId, { inline: req.query.download !== '1' });
    },
  });
  r.get('/api/tasks/:id/files/:fileId/preview', {
    config,
    schema: {
      tags,
      summary: 'Xem tệp DOCX dưới dạng trang HTML',
      params: ZTaskFileParams,
      response: { 404: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: async (req, reply) => {
      await deps.tasks.checkFile(req.ctx, req.params.id, req.params.fileId, isAttachedTo);
      return deps.files.sendPreviewHtml(reply, req.params.fileId);
    },
  });
}
