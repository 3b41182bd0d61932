import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAdminProposal,
  ZAdminProposalPage,
  ZAdminProposalQuery,
  ZApproveBody,
  ZIdParams,
  ZRejectBody,
} from '../../../contracts/account';
import { ZErrorBody } from '../../../contracts/errors';
import type { ProposalsAdminService } from './proposals-admin.service';

const tags = ['account'];
const signedIn = { access: 'signed-in' as const };
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const decided = { 200: ZAdminProposal, 404: ZErrorBody, 409: ZErrorBody, ...errors };

/** /api/admin/account-proposals: the approval queue of Điều 3.7f (permission admin.users). */
export function proposalsAdminRoutes(app: FastifyInstance, deps: { proposals: ProposalsAdminService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/account-proposals', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Danh sách đề xuất thay đổi thông tin trong phạm vi quản trị',
      querystring: ZAdminProposalQuery,
      response: { 200: ZAdminProposalPage, ...errors },
    },
    handler: (req) => deps.proposals.queue(req.ctx, req.query),
  });

  r.post('/api/admin/account-proposals/:id/approve', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Duyệt đề xuất: cập nhật đơn vị, chức danh, địa chỉ, số điện thoại của người dùng',
      params: ZIdParams,
      body: ZApproveBody,
      response: decided,
    },
    handler: (req) => deps.proposals.approve(req.ctx, req.params.id, req.body.note),
  });

  r.post('/api/admin/account-proposals/:id/reject', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Từ chối đề xuất (bắt buộc ghi lý do)',
      params: ZIdParams,
      body: ZRejectBody,
      response: decided,
    },
    handler: (req) => deps.proposals.reject(req.ctx, req.params.id, req.body.note),
  });
}
