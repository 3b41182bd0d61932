import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZActionBody,
  ZAdminUserDetail,
  ZAdminUserOptions,
  ZAdminUserPage,
  ZAdminUserQuery,
  ZCreatedUser,
  ZCreateUser,
  ZMoveUser,
  ZPasswordReset,
  ZSetGroups,
  ZUpdateUser,
  ZUserIdParams,
} from '../../../contracts/admin-users';
import { ZErrorBody } from '../../../contracts/errors';
import type { AccountActionsService } from './account-actions.service';
import type { AdminUsersService } from './admin-users.service';

const BASE = '/api/admin/users';
const tags = ['admin-users'];
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const writeErrors = { ...errors, 409: ZErrorBody };

/** Routes of Quản lý người dùng under /api/admin/users (the import has its own file). */
export function adminUsersRoutes(
  app: FastifyInstance,
  deps: { users: AdminUsersService; actions: AccountActionsService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };

  r.get(BASE, {
    config,
    schema: {
      tags,
      summary:
        'Danh sách người dùng trong phạm vi quản trị: tìm kiếm, lọc theo đơn vị, nhóm, trạng thái; sắp xếp, phân trang',
      querystring: ZAdminUserQuery,
      response: { 200: ZAdminUserPage, ...errors },
    },
    handler: (req) => deps.users.list(req.ctx, req.query),
  });

  r.get(`${BASE}/options`, {
    config,
    schema: {
      tags,
      summary: 'Đơn vị, chức danh, nhóm mà quản trị viên được dùng trong biểu mẫu người dùng',
      response: { 200: ZAdminUserOptions, ...errors },
    },
    handler: (req) => deps.users.options(req.ctx),
  });

  r.get(`${BASE}/:id`, {
    config,
    schema: {
      tags,
      summary: 'Thông tin một người dùng, kèm các nhóm và phạm vi',
      params: ZUserIdParams,
      response: { 200: ZAdminUserDetail, ...errors },
    },
    handler: (req) => deps.users.get(req.ctx, req.params.id),
  });

  r.post(BASE, {
    config,
    schema: {
      tags,
      summary: 'Tạo người dùng; trả về mật khẩu dùng một lần (chỉ hiển thị một lần)',
      body: ZCreateUser,
      response: { 201: ZCreatedUser, ...writeErrors },
    },
    handler: async (req, reply) => reply.code(201).send(await deps.users.create(req.ctx, req.body)),
  });

  r.patch(`${BASE}/:id`, {
    config,
    schema: {
      tags,
      summary: 'Sửa họ tên, chức danh, email, điện thoại, địa chỉ của người dùng',
      params: ZUserIdParams,
      body: ZUpdateUser,
      response: { 200: ZAdminUserDetail, ...writeErrors },
    },
    handler: (req) => deps.users.update(req.ctx, req.params.id, req.body),
  });

  r.post(`${BASE}/:id/move`, {
    config,
    schema: {
      tags,
      summary: 'Chuyển người dùng sang đơn vị khác',
      params: ZUserIdParams,
      body: ZMoveUser,
      response: { 200: ZAdminUserDetail, ...writeErrors },
    },
    handler: (req) => deps.users.move(req.ctx, req.params.id, req.body.unitId),
  });

  r.put(`${BASE}/:id/groups`, {
    config,
    schema: {
      tags,
      summary: 'Phân nhóm: thay toàn bộ các nhóm và phạm vi của người dùng',
      params: ZUserIdParams,
      body: ZSetGroups,
      response: { 200: ZAdminUserDetail, ...writeErrors },
    },
    handler: (req) => deps.users.setGroups(req.ctx, req.params.id, req.body.groups),
  });

  r.post(`${BASE}/:id/lock`, {
    config,
    schema: {
      tags,
      summary: 'Khóa tài khoản và kết thúc mọi phiên đăng nhập của người dùng',
      params: ZUserIdParams,
      body: ZActionBody,
      response: { 200: ZAdminUserDetail, ...writeErrors },
    },
    handler: (req) => deps.actions.lock(req.ctx, req.params.id, req.body?.reason),
  });

  r.post(`${BASE}/:id/unlock`, {
    config,
    schema: {
      tags,
      summary: 'Mở khóa tài khoản (cả khóa tạm do đăng nhập sai nhiều lần)',
      params: ZUserIdParams,
      body: ZActionBody,
      response: { 200: ZAdminUserDetail, ...writeErrors },
    },
    handler: (req) => deps.actions.unlock(req.ctx, req.params.id, req.body?.reason),
  });

  r.post(`${BASE}/:id/reset-password`, {
    config,
    schema: {
      tags,
      summary: 'Đặt lại mật khẩu: cấp mật khẩu dùng một lần, buộc đổi khi đăng nhập, kết thúc mọi phiên',
      params: ZUserIdParams,
      body: ZActionBody,
      response: { 200: ZPasswordReset, ...writeErrors },
    },
    handler: (req) => deps.actions.resetPassword(req.ctx, req.params.id, req.body?.reason),
  });
}
