import { randomInt } from 'node:crypto';
import { count } from 'drizzle-orm';
import { personSortKey } from '../../contracts/text';
import { jobTitles, units } from '../modules/org/org.schema';
import { userPreferences, users } from '../modules/users/users.schema';
import { hashPassword } from '../platform/auth/password';
import { groupPermissions, groups, userGroups } from '../platform/authz/authz.schema';
import { allPermissions } from '../platform/authz/permissions';
import type { Database } from '../platform/db/database';
import { uuidv7 } from '../platform/db/ids';

export const DEMO_PASSWORD = 'Demo@2026';

/** Built-in groups for the roles of spec/domain.md; administrators copy and adjust them. */
export const BUILTIN_GROUPS: {
  code: string;
  name: string;
  description: string;
  permissions: (all: string[]) => string[];
}[] = [
  {
    code: 'quan-tri',
    name: 'Quản trị hệ thống',
    description: 'Đơn vị, người dùng, nhóm quyền, danh mục, cài đặt, nhật ký',
    permissions: (all) => all.filter((p) => p.startsWith('admin.')),
  },
  {
    code: 'van-thu',
    name: 'Văn thư',
    description: 'Tiếp nhận, đăng ký văn bản đến; phát hành văn bản đi; in sổ',
    permissions: () => [
      'incoming.register',
      'incoming.forward',
      'incoming.view',
      'outgoing.issue',
      'outgoing.view',
      'outgoing.draft',
      'internal.create',
      'internal.view',
      'internal.numbering',
      'archived.manage',
      'archived.view',
      'documents.link',
      'reports.registers',
      'tasks.use',
      'announcements.send',
      'library.use',
      'schedule.edit',
    ],
  },
  {
    code: 'lanh-dao',
    name: 'Lãnh đạo',
    description: 'Phê duyệt, chỉ đạo văn bản đến; ký văn bản đi; giao việc; báo cáo',
    permissions: () => [
      'incoming.direct',
      'incoming.view',
      'outgoing.view',
      'outgoing.draft',
      'internal.create',
      'internal.view',
      'archived.view',
      'documents.link',
      'reports.summary',
      'reports.registers',
      'tasks.use',
      'tasks.assign',
      'announcements.send',
      'votes.manage',
      'attendance.manage',
      'library.use',
      'schedule.edit',
      'schedule.publish',
    ],
  },
  {
    code: 'chuyen-vien',
    name: 'Chuyên viên, giáo viên',
    description: 'Xử lý văn bản được giao, soạn thảo văn bản, nhận việc',
    permissions: () => [
      'incoming.view',
      'outgoing.view',
      'outgoing.draft',
      'internal.create',
      'internal.view',
      'archived.view',
      'tasks.use',
      'library.use',
    ],
  },
];

/** Creates the built-in groups with their permissions; returns code → id. */
export async function createBuiltinGroups(db: Database): Promise<Map<string, string>> {
  const all = allPermissions().map((p) => p.code);
  const groupIds = new Map<string, string>();
  for (const g of BUILTIN_GROUPS) {
    const id = uuidv7();
    groupIds.set(g.code, id);
    await db.q.insert(groups).values({ id, code: g.code, name: g.name, description: g.description, builtin: true });
    const perms = g.permissions(all);
    if (perms.length)
      await db.q.insert(groupPermissions).values(perms.map((permission) => ({ groupId: id, permission })));
  }
  return groupIds;
}

type Role = 'quan-tri' | 'van-thu' | 'lanh-dao' | 'chuyen-vien';
interface DemoUser {
  username: string;
  fullName: string;
  title: string;
  role: Role;
  scope: 'own' | 'subtree' | 'all';
}

const TITLES = [
  ['Trưởng phòng', 1],
  ['Phó Trưởng phòng', 2],
  ['Hiệu trưởng', 3],
  ['Phó Hiệu trưởng', 4],
  ['Chuyên viên', 10],
  ['Văn thư', 20],
  ['Giáo viên', 30],
  ['Quản trị hệ thống', 40],
] as const;

const SCHOOLS = [
  {
    prefix: 'mn',
    code: 'MNAM',
    name: 'Trường Mầm non An Minh',
    shortName: 'MNAM',
    kind: 'kindergarten',
    people: ['Nguyễn Thị Hồng', 'Trần Thị Thu Hà', 'Lê Thị Mai', 'Phạm Ngọc Ánh'],
  },
  {
    prefix: 'th',
    code: 'THAM',
    name: 'Trường Tiểu học An Minh',
    shortName: 'THAM',
    kind: 'primary',
    people: ['Võ Văn Tâm', 'Đặng Thị Kim Liên', 'Huỳnh Văn Đức', 'Bùi Thị Ngọc Trâm'],
  },
  {
    prefix: 'thcs',
    code: 'THCSAM',
    name: 'Trường THCS An Minh',
    shortName: 'THCSAM',
    kind: 'secondary',
    people: ['Lâm Quốc Bảo', 'Dương Thị Yến', 'Trịnh Minh Khoa', 'Hồ Thị Cẩm Tú'],
  },
];

/** A random one-time password that meets the default password rules. */
export function oneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[randomInt(alphabet.length)];
  return `${out}#${randomInt(10, 99)}`;
}

/**
 * Creates the organisation of the regulation (Phòng GD&ĐT huyện An Minh and three schools)
 * with a user for each role, when the database has no user yet. Returns the demo accounts
 * and their passwords, or null when the database already had users.
 */
export async function seedDemo(db: Database, opts: { fixedPasswords: boolean }) {
  const [{ n }] = await db.q.select({ n: count() }).from(users);
  if (n > 0) return null;

  return db.transaction(async () => {
    const titleIds = new Map<string, string>();
    for (const [name, rank] of TITLES) {
      const id = uuidv7();
      titleIds.set(name, id);
      await db.q.insert(jobTitles).values({ id, name, rank });
    }

    const groupIds = await createBuiltinGroups(db);

    const rootId = uuidv7();
    await db.q.insert(units).values({
      id: rootId,
      parentId: null,
      path: `/${rootId}/`,
      code: 'PGDDT',
      name: 'Phòng Giáo dục và Đào tạo huyện An Minh',
      shortName: 'PGDĐT',
      kind: 'department',
      address: 'Thị trấn Thứ Mười Một, huyện An Minh, tỉnh Kiên Giang',
      phone: '0297 3866 123',
      email: 'pgddt@anminh.edu.vn',
      organId: '000.00.31.H33',
      sortOrder: 0,
    });
    const plan: { unitId: string; unitName: string; user: DemoUser }[] = [
      { username: 'admin', fullName: 'Quản Trị Hệ Thống', title: 'Quản trị hệ thống', role: 'quan-tri', scope: 'all' },
      { username: 'vanthu', fullName: 'Nguyễn Thị Lan', title: 'Văn thư', role: 'van-thu', scope: 'own' },
      {
        username: 'truongphong',
        fullName: 'Huỳnh Văn Tiến',
        title: 'Trưởng phòng',
        role: 'lanh-dao',
        scope: 'subtree',
      },
      {
        username: 'photruongphong',
        fullName: 'Trần Minh Quang',
        title: 'Phó Trưởng phòng',
        role: 'lanh-dao',
        scope: 'subtree',
      },
      { username: 'chuyenvien1', fullName: 'Lê Hoàng Nam', title: 'Chuyên viên', role: 'chuyen-vien', scope: 'own' },
      {
        username: 'chuyenvien2',
        fullName: 'Phạm Thị Thanh Xuân',
        title: 'Chuyên viên',
        role: 'chuyen-vien',
        scope: 'own',
      },
    ].map((user) => ({ unitId: rootId, unitName: 'PGDĐT', user: user as DemoUser }));

    for (const [i, school] of SCHOOLS.entries()) {
      const id = uuidv7();
      await db.q.insert(units).values({
        id,
        parentId: rootId,
        path: `/${rootId}/${id}/`,
        code: school.code,
        name: school.name,
        shortName: school.shortName,
        kind: school.kind,
        address: 'Huyện An Minh, tỉnh Kiên Giang',
        sortOrder: i + 1,
      });
      const staff = [
        { username: `${school.prefix}.hieutruong`, title: 'Hiệu trưởng', role: 'lanh-dao', scope: 'subtree' },
        { username: `${school.prefix}.vanthu`, title: 'Văn thư', role: 'van-thu', scope: 'own' },
        { username: `${school.prefix}.gv1`, title: 'Giáo viên', role: 'chuyen-vien', scope: 'own' },
        { username: `${school.prefix}.gv2`, title: 'Giáo viên', role: 'chuyen-vien', scope: 'own' },
      ] as const;
      plan.push(
        ...staff.map((u, j) => ({
          unitId: id,
          unitName: school.shortName,
          user: { ...u, fullName: school.people[j] },
        })),
      );
    }

    const accounts: { username: string; fullName: string; unit: string; password: string }[] = [];
    const fixedHash = opts.fixedPasswords ? await hashPassword(DEMO_PASSWORD) : null;
    for (const [i, { unitId, unitName, user }] of plan.entries()) {
      const password = opts.fixedPasswords ? DEMO_PASSWORD : oneTimePassword();
      const id = uuidv7();
      await db.q.insert(users).values({
        id,
        username: user.username,
        fullName: user.fullName,
        sortKey: personSortKey(user.fullName),
        unitId,
        jobTitleId: titleIds.get(user.title) ?? null,
        email: `${user.username}@anminh.edu.vn`,
        phone: `09${String(12345670 + i * 7919).slice(0, 8)}`,
        passwordHash: fixedHash ?? (await hashPassword(password)),
        mustChangePassword: !opts.fixedPasswords,
      });
      await db.q
        .insert(userGroups)
        .values({ userId: id, groupId: groupIds.get(user.role) as string, scope: user.scope });
      await db.q.insert(userPreferences).values({ userId: id, favourites: ['directory', 'change-password'] });
      accounts.push({ username: user.username, fullName: user.fullName, unit: unitName, password });
    }
    return accounts;
  });
}
