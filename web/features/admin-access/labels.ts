import type { TFunction } from 'i18next';
import { PERMISSION_MODULES, type TPermissionInfo } from '../../../contracts/admin-access';

/** Vietnamese/English label of a permission code; the code itself when a module added no label yet. */
export function permissionLabel(t: TFunction, code: string): string {
  return t(`adminAccess:permissions.${code}`, { defaultValue: code });
}

/** Label of a module of the permission catalogue. */
export function moduleLabel(t: TFunction, module: string): string {
  return t(`adminAccess:modules.${module}`, { defaultValue: module });
}

/** Label of an audit action code (dots become '_' in the i18n key); the code when unknown. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`adminAccess:actions.${action.replaceAll('.', '_')}`, { defaultValue: action });
}

/** Label of an audited entity type; the type itself when unknown. */
export function entityTypeLabel(t: TFunction, type: string): string {
  return t(`adminAccess:entityTypes.${type.replaceAll('.', '_')}`, { defaultValue: type });
}

/** The catalogue grouped by module: known modules in the order of the regulation, others after by name. */
export function groupByModule(catalogue: readonly TPermissionInfo[]): { module: string; codes: string[] }[] {
  const byModule = new Map<string, string[]>();
  for (const p of catalogue) byModule.set(p.module, [...(byModule.get(p.module) ?? []), p.code]);
  const order = (m: string) => {
    const i = (PERMISSION_MODULES as readonly string[]).indexOf(m);
    return i < 0 ? PERMISSION_MODULES.length : i;
  };
  return [...byModule.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([module, codes]) => ({ module, codes }));
}
