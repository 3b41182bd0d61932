import type { Actor } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permission of "Cài đặt tùy chọn" › "Tùy chọn quản trị". */
export const SETTINGS_PERMISSION = 'admin.settings';

/**
 * System settings govern the whole organisation (Điều 3.6a: "quản trị các thông tin trên toàn
 * hệ thống"), so reading and changing them needs admin.settings with scope `all`; an
 * administrator of one school (scope own or subtree) is refused.
 */
export function authorizeSystemSettings(actor: Actor | null): Actor {
  const a = authorize(actor, SETTINGS_PERMISSION);
  if (a.permissions.get(SETTINGS_PERMISSION) !== 'all') throw new AppError('FORBIDDEN');
  return a;
}
