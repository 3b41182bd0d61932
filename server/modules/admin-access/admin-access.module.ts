import type { AppModule } from '../../platform/platform';
import { AuditViewerRepository } from './audit-viewer.repository';
import { auditViewerRoutes } from './audit-viewer.routes';
import { AuditViewerService } from './audit-viewer.service';
import { GroupMembersService } from './group-members.service';
import { GroupsRepository } from './groups.repository';
import { groupsRoutes } from './groups.routes';
import { GroupsService } from './groups.service';

/**
 * Module admin-access: "Tạo nhóm & phân quyền" (groups, their permissions and members with a
 * scope) and the read-only audit log viewer. The permission codes themselves are registered by
 * each module in platform/authz/permissions.ts.
 */
export const adminAccessModule: AppModule = {
  name: 'admin-access',
  register(app, platform) {
    const { db, audit, clock } = platform;
    const deps = { tx: db, groups: new GroupsRepository(db), audit, clock };
    groupsRoutes(app, { groups: new GroupsService(deps), members: new GroupMembersService(deps) });
    auditViewerRoutes(app, {
      viewer: new AuditViewerService({ tx: db, viewer: new AuditViewerRepository(db), audit }),
    });
  },
};
