import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZInteractionGroup,
  ZInteractionGroupInput,
  ZInteractionGroupList,
  ZInteractionGroupParams,
} from '../../../contracts/interaction-groups';
import type { InteractionGroupsService } from './interaction-groups.service';

/** Routes of Nhóm tương tác: /api/interaction-groups/… */
export function interactionGroupRoutes(app: FastifyInstance, svc: InteractionGroupsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['interaction-groups'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody };
  r.get('/api/interaction-groups', {
    config,
    schema: { tags, summary: 'Nhóm tương tác của tôi', response: { 200: ZInteractionGroupList, ...errors } },
    handler: (req) => svc.list(req.ctx),
  });
  r.post('/api/interaction-groups', {
    config,
    schema: {
      tags,
      summary: 'Tạo nhóm tương tác',
      body: ZInteractionGroupInput,
      response: { 201: ZInteractionGroup, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await svc.save(req.ctx, null, req.body)),
  });
  r.put('/api/interaction-groups/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa nhóm tương tác',
      params: ZInteractionGroupParams,
      body: ZInteractionGroupInput,
      response: { 200: ZInteractionGroup, ...errors },
    },
    handler: (req) => svc.save(req.ctx, req.params.id, req.body),
  });
  r.post('/api/interaction-groups/:id/remove', {
    config,
    schema: {
      tags,
      summary: 'Xóa nhóm tương tác',
      params: ZInteractionGroupParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await svc.remove(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
}
