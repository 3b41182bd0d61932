import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../../contracts/errors';
import {
  ZDeliveryFileParams,
  ZDeliveryParams,
  ZEdxmlImport,
  ZInboxDetail,
  ZInboxList,
  ZOutgoingReason,
} from '../../../contracts/outgoing';
import { AppError } from '../../platform/errors';
import type { ExchangeService } from './exchange.service';

/** Routes of the recipient unit's side of the exchange: /api/exchange/… */
export function exchangeRoutes(app: FastifyInstance, exchange: ExchangeService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['exchange'];
  const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

  r.post('/api/exchange/edxml', {
    config,
    validatorCompiler: () => () => ({ value: undefined }),
    schema: {
      tags,
      summary: 'Đọc gói edXML (QCVN 102:2016) của cơ quan ngoài để nhập văn bản đến',
      consumes: ['multipart/form-data'],
      body: z.object({ file: z.any().describe('Gói edXML (.xml)') }),
      response: { 200: ZEdxmlImport, ...errors, 413: ZErrorBody, 415: ZErrorBody },
    },
    handler: async (req) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await req.file();
      if (part?.fieldname !== 'file') {
        part?.file.resume();
        throw new AppError('VALIDATION_FAILED', { field: 'body.file' });
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.file.truncated) throw new AppError('FILE_TOO_LARGE');
      return exchange.importEdxml(req.ctx, Buffer.concat(chunks));
    },
  });
  r.get('/api/exchange/inbox', {
    config,
    schema: {
      tags,
      summary: 'Văn bản điện tử đến từ đơn vị khác, chờ vào sổ; yêu cầu thu hồi',
      response: { 200: ZInboxList, ...errors },
    },
    handler: (req) => exchange.inbox(req.ctx),
  });
  r.get('/api/exchange/inbox/:deliveryId', {
    config,
    schema: {
      tags,
      summary: 'Thông tin văn bản gửi đến để vào sổ',
      params: ZDeliveryParams,
      response: { 200: ZInboxDetail, ...errors },
    },
    handler: (req) => exchange.inboxDetail(req.ctx, req.params.deliveryId),
  });
  for (const path of [
    '/api/exchange/inbox/:deliveryId/files/:fileId',
    '/api/exchange/inbox/:deliveryId/files/:fileId/content',
  ])
    r.get(path, {
      config,
      schema: {
        tags,
        summary: 'Tệp của văn bản gửi đến',
        params: ZDeliveryFileParams,
        querystring: z.object({ download: z.enum(['1', '0']).optional() }),
        response: { 404: ZErrorBody, 401: ZErrorBody },
      },
      handler: (req, reply) =>
        exchange.sendInboxFile(req.ctx, reply, req.params.deliveryId, req.params.fileId, req.query.download !== '1'),
    });
  r.post('/api/exchange/inbox/:deliveryId/refuse', {
    config,
    schema: {
      tags,
      summary: 'Từ chối văn bản gửi nhầm (kèm lý do)',
      params: ZDeliveryParams,
      body: ZOutgoingReason,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await exchange.refuse(req.ctx, req.params.deliveryId, req.body.reason);
      return reply.code(204).send(null);
    },
  });
  r.post('/api/exchange/inbox/:deliveryId/confirm-recall', {
    config,
    schema: {
      tags,
      summary: 'Xác nhận thu hồi văn bản',
      params: ZDeliveryParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await exchange.confirmRecall(req.ctx, req.params.deliveryId);
      return reply.code(204).send(null);
    },
  });
}
