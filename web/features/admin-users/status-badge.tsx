import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TUserStatus } from '../../../contracts/admin-users';
import { formatDate, formatTime } from '../../app/format';

const COLOURS: Record<TUserStatus, string> = { active: 'green', disabled: 'red', 'locked-out': 'orange' };

/** Account status as a coloured badge; a temporary lock shows until when in a tooltip. */
export function StatusBadge({ status, lockedUntil }: { status: TUserStatus; lockedUntil: string | null }) {
  const { t } = useTranslation('adminUsers');
  const badge = (
    <Badge
      color={COLOURS[status]}
      variant="light"
      radius="sm"
      tt="none"
      styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
      data-testid="user-status"
    >
      {t(`status.${status}`)}
    </Badge>
  );
  if (status !== 'locked-out' || !lockedUntil) return badge;
  return (
    <Tooltip label={t('status.lockedUntil', { time: formatTime(lockedUntil), date: formatDate(lockedUntil) })}>
      {badge}
    </Tooltip>
  );
}
