import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZGroupCopy,
  ZGroupCreate,
  ZGroupDetail,
  ZGroupIdParams,
  ZGroupListQuery,
  ZGroupMemberParams,
  ZGroupMembersPage,
  ZGroupPage,
  ZGroupPermissionsSet,
  ZGroupUpdate,
  ZMemberAdd,
  ZMemberUpdate,
  ZMembersQuery,
  ZPermissionCatalogue,
  ZUserPickQuery,
  ZUserPicks,
} from '../../../contracts/admin-access';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import type { GroupMembersService } from './group-members.service';
import type { GroupsService } from './groups.service';

const access = { access: 'signed-in' as const };
const tags = ['admin-groups'];
const read = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const write = { ...read, 409: ZErrorBody };

/** Tạo nhóm & phân quyền: /api/admin/permissions and /api/admin/groups/**. */
export function groupsRoutes(app: FastifyInstance, deps: { groups: GroupsService; members: GroupMembersService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { groups, members } = deps;

  r.get('/api/admin/permissions', {
    config: access,
    schema: {
      tags,
      summary: 'Danh mục quyền do các phân hệ đăng ký',
      response: { 200: ZPermissionCatalogue, 401: ZErrorBody, 403: ZErrorBody },
    },
    handler: (req) => groups.permissions(req.ctx),
  });

  r.get('/api/admin/groups', {
    config: access,
    schema: {
      tags,
      summary: 'Danh sách nhóm quyền: tìm kiếm, lọc trạng thái, sắp xếp, phân trang',
      querystring: ZGroupListQuery,
      response: { 200: ZGroupPage, ...read },
    },
    handler: (req) => groups.list(req.ctx, req.query),
  });

  r.post('/api/admin/groups', {
    config: access,
    schema: {
      tags,
      summary: 'Tạo nhóm quyền mới',
      body: ZGroupCreate,
      response: { 201: ZGroupDetail, ...write },
    },
    handler: async (req, reply) => reply.code(201).send(await groups.create(req.ctx, req.body)),
  });

  r.get('/api/admin/groups/:id', {
    config: access,
    schema: {
      tags,
      summary: 'Chi tiết nhóm quyền: các quyền và thao tác được phép',
      params: ZGroupIdParams,
      response: { 200: ZGroupDetail, ...read },
    },
    handler: (req) => groups.get(req.ctx, req.params.id),
  });

  r.patch('/api/admin/groups/:id', {
    config: access,
    schema: {
      tags,
      summary: 'Sửa tên, mô tả nhóm quyền (không áp dụng cho nhóm mặc định)',
      params: ZGroupIdParams,
      body: ZGroupUpdate,
      response: { 200: ZGroupDetail, ...write },
    },
    handler: (req) => groups.update(req.ctx, req.params.id, req.body),
  });

  r.put('/api/admin/groups/:id/permissions', {
    config: access,
    schema: {
      tags,
      summary: 'Đặt lại danh sách quyền của nhóm (nhóm mặc định chỉ xem, hãy sao chép)',
      params: ZGroupIdParams,
      body: ZGroupPermissionsSet,
      response: { 200: ZGroupDetail, ...write },
    },
    handler: (req) => groups.setPermissions(req.ctx, req.params.id, req.body),
  });

  r.post('/api/admin/groups/:id/copy', {
    config: access,
    schema: {
      tags,
      summary: 'Sao chép nhóm thành nhóm mới có cùng các quyền',
      params: ZGroupIdParams,
      body: ZGroupCopy,
      response: { 201: ZGroupDetail, ...write },
    },
    handler: async (req, reply) => reply.code(201).send(await groups.copy(req.ctx, req.params.id, req.body)),
  });

  for (const [verb, active, summary] of [
    ['deactivate', false, 'Ngừng sử dụng nhóm quyền (quyền của nhóm hết hiệu lực ngay)'],
    ['activate', true, 'Sử dụng lại nhóm quyền'],
  ] as const) {
    r.post(`/api/admin/groups/:id/${verb}`, {
      config: access,
      schema: { tags, summary, params: ZGroupIdParams, response: { 200: ZGroupDetail, ...write } },
      handler: (req) => groups.setActive(req.ctx, req.params.id, active),
    });
  }

  r.get('/api/admin/groups/:id/members', {
    config: access,
    schema: {
      tags,
      summary: 'Thành viên của nhóm thuộc phạm vi quản trị, kèm đơn vị và phạm vi quyền',
      params: ZGroupIdParams,
      querystring: ZMembersQuery,
      response: { 200: ZGroupMembersPage, ...read },
    },
    handler: (req) => members.list(req.ctx, req.params.id, req.query),
  });

  r.get('/api/admin/groups/:id/candidates', {
    config: access,
    schema: {
      tags,
      summary: 'Người dùng có thể thêm vào nhóm (trong phạm vi quản trị, chưa là thành viên)',
      params: ZGroupIdParams,
      querystring: ZUserPickQuery,
      response: { 200: ZUserPicks, ...read },
    },
    handler: (req) => members.candidates(req.ctx, req.params.id, req.query),
  });

  r.post('/api/admin/groups/:id/members', {
    config: access,
    schema: {
      tags,
      summary: 'Thêm người dùng vào nhóm với phạm vi quyền',
      params: ZGroupIdParams,
      body: ZMemberAdd,
      response: { 201: ZOk, ...write },
    },
    handler: async (req, reply) => reply.code(201).send(await members.add(req.ctx, req.params.id, req.body)),
  });

  r.patch('/api/admin/groups/:id/members/:userId', {
    config: access,
    schema: {
      tags,
      summary: 'Đổi phạm vi quyền của thành viên',
      params: ZGroupMemberParams,
      body: ZMemberUpdate,
      response: { 200: ZOk, ...write },
    },
    handler: (req) => members.setScope(req.ctx, req.params.id, req.params.userId, req.body.scope),
  });

  r.delete('/api/admin/groups/:id/members/:userId', {
    config: access,
    schema: {
      tags,
      summary: 'Bỏ người dùng khỏi nhóm (được ghi nhật ký)',
      params: ZGroupMemberParams,
      response: { 200: ZOk, ...write },
    },
    handler: (req) => members.remove(req.ctx, req.params.id, req.params.userId),
  });
}
