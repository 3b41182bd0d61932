import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import { ZNote, ZNoteCreate, ZNoteIdParams, ZNoteList, ZNoteReorder, ZNoteUpdate } from '../../../contracts/notes';
import type { NotesService } from './notes.service';

/** Routes of "Tích kê điện tử": the signed-in user's own notes only. */
export function notesRoutes(app: FastifyInstance, deps: { notes: NotesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['notes'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody };

  r.get('/api/notes', {
    config,
    schema: {
      tags,
      summary: 'Tích kê điện tử của tôi (ghim trước, rồi theo thứ tự, mới nhất trước)',
      response: { 200: ZNoteList, 401: ZErrorBody },
    },
    handler: (req) => deps.notes.list(req.ctx),
  });
  r.post('/api/notes', {
    config,
    schema: {
      tags,
      summary: 'Thêm tích kê (có thể đặt giờ nhắc)',
      body: ZNoteCreate,
      response: { 201: ZNote, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.notes.create(req.ctx, req.body)),
  });
  r.patch('/api/notes/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa nội dung, màu, ghim hoặc giờ nhắc của tích kê',
      params: ZNoteIdParams,
      body: ZNoteUpdate,
      response: { 200: ZNote, ...errors },
    },
    handler: (req) => deps.notes.update(req.ctx, req.params.id, req.body),
  });
  r.post('/api/notes/:id/delete', {
    config,
    schema: {
      tags,
      summary: 'Xóa tích kê (xóa mềm, nhắc việc chưa chạy sẽ không báo)',
      params: ZNoteIdParams,
      response: { 200: ZOk, ...errors },
    },
    handler: (req) => deps.notes.remove(req.ctx, req.params.id),
  });
  r.post('/api/notes/reorder', {
    config,
    schema: {
      tags,
      summary: 'Sắp xếp lại thứ tự các tích kê',
      body: ZNoteReorder,
      response: { 200: ZNoteList, ...errors },
    },
    handler: (req) => deps.notes.reorder(req.ctx, req.body),
  });
}
