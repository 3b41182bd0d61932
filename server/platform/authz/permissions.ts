import { FUNCTIONS } from '../../../contracts/functions';

/**
 * The permission catalogue. Modules register the codes they check; the function catalogue's
 * codes are registered here so that groups can be built before every module exists.
 */
const catalogue = new Map<string, { module: string }>();

export function registerPermissions(module: string, codes: readonly string[]): void {
  for (const code of codes) if (!catalogue.has(code)) catalogue.set(code, { module });
}

export function isKnownPermission(code: string): boolean {
  return catalogue.has(code);
}

export function allPermissions(): { code: string; module: string }[] {
  return [...catalogue.entries()]
    .map(([code, v]) => ({ code, module: v.module }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

for (const f of FUNCTIONS) if (f.permission) registerPermissions(f.permission.split('.')[0], [f.permission]);
registerPermissions('admin', [
  'admin.settings',
  'admin.units',
  'admin.jobTitles',
  'admin.groups',
  'admin.users',
  'admin.catalogs',
  'admin.audit',
]);
registerPermissions('schedule', ['schedule.edit', 'schedule.publish']);
