import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAccountProfile,
  ZContactUpdate,
  ZDelegation,
  ZDelegationCreate,
  ZDelegations,
  ZEmptyBody,
  ZIdParams,
  ZJobTitleOptions,
  ZProposal,
  ZProposalCreate,
} from '../../../contracts/account';
import { ZErrorBody } from '../../../contracts/errors';
import type { AccountService } from './account.service';
import type { DelegationsService } from './delegations.service';

const tags = ['account'];
const signedIn = { access: 'signed-in' as const };
const errors = { 401: ZErrorBody, 403: ZErrorBody };

/**
 * /api/account: own profile, e-mail, proposals of changes (Điều 3.5a) and delegations (ủy quyền).
 */
export function accountRoutes(
  app: FastifyInstance,
  deps: { account: AccountService; delegations: DelegationsService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/account', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Thông tin tài khoản của người đang đăng nhập, kèm các đề xuất thay đổi',
      response: { 200: ZAccountProfile, ...errors },
    },
    handler: (req) => deps.account.profile(req.ctx),
  });

  r.patch('/api/account/contact', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Sửa thư điện tử của chính mình (không cần duyệt)',
      body: ZContactUpdate,
      response: { 200: ZAccountProfile, 400: ZErrorBody, ...errors },
    },
    handler: (req) => deps.account.updateContact(req.ctx, req.body),
  });

  r.get('/api/account/job-titles', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Chức danh đang dùng, để chọn khi đề xuất',
      response: { 200: ZJobTitleOptions, ...errors },
    },
    handler: (req) => deps.account.jobTitleOptions(req.ctx),
  });

  r.post('/api/account/proposals', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Đề xuất thay đổi chức danh, đơn vị, địa chỉ, số điện thoại (chờ quản trị duyệt)',
      body: ZProposalCreate,
      response: { 200: ZProposal, 400: ZErrorBody, 409: ZErrorBody, ...errors },
    },
    handler: (req) => deps.account.propose(req.ctx, req.body),
  });

  r.post('/api/account/proposals/:id/withdraw', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Rút lại đề xuất đang chờ duyệt',
      params: ZIdParams,
      body: ZEmptyBody,
      response: { 200: ZProposal, 400: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody, ...errors },
    },
    handler: (req) => deps.account.withdraw(req.ctx, req.params.id),
  });

  r.get('/api/account/delegations', {
    config: signedIn,
    schema: { tags, summary: 'Ủy quyền đã giao và đã nhận', response: { 200: ZDelegations, ...errors } },
    handler: (req) => deps.delegations.list(req.ctx),
  });

  r.post('/api/account/delegations', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Ủy quyền xử lý công việc cho người khác trong khoảng ngày',
      body: ZDelegationCreate,
      response: { 200: ZDelegation, 400: ZErrorBody, 409: ZErrorBody, ...errors },
    },
    handler: (req) => deps.delegations.create(req.ctx, req.body),
  });

  r.post('/api/account/delegations/:id/revoke', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Thu hồi ủy quyền',
      params: ZIdParams,
      body: ZEmptyBody,
      response: { 200: ZDelegation, 400: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody, ...errors },
    },
    handler: (req) => deps.delegations.revoke(req.ctx, req.params.id),
  });
}
