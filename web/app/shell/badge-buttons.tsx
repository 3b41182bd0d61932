import { ActionIcon, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BADGE_META, useBadgeKeys, useBadges, useOpenBadge } from '../badges';
import { useIsOpenable } from '../functions';
import classes from './shell.module.css';

/**
 * Counters of Điều 3.7 f–k (Đề xuất thay đổi thông tin for administrators, Ý kiến, Tin nhắn
 * mới, Văn bản đến/đi chưa xem, Xem công việc). Each wrapper `badge-<key>` holds the count as
 * its only text, zero included.
 */
export function BadgeButtons({ compact }: { compact: boolean }) {
  const { t } = useTranslation('shell');
  const badges = useBadges();
  const keys = useBadgeKeys();
  const isOpenable = useIsOpenable();
  const openBadge = useOpenBadge();
  return (
    <Group gap={compact ? 6 : 8} wrap="nowrap">
      {keys.map((key) => {
        const { icon: Icon, functionId } = BADGE_META[key];
        const count = badges?.[key] ?? 0;
        const name = t(`badges.${key}`);
        const openable = functionId !== null && isOpenable(functionId);
        return (
          <div key={key} className={classes.badge} data-testid={`badge-${key}`} data-count={count}>
            <Tooltip label={name} withArrow>
              <ActionIcon
                variant="subtle"
                color={count > 0 ? 'blue' : 'gray'}
                size={compact ? 30 : 'lg'}
                aria-label={name}
                onClick={openable ? () => openBadge(key) : undefined}
              >
                <Icon size={compact ? 18 : 20} stroke={1.7} aria-hidden />
              </ActionIcon>
            </Tooltip>
            {count > 0 ? <span className={classes.count}>{count}</span> : <VisuallyHidden>{count}</VisuallyHidden>}
          </div>
        );
      })}
    </Group>
  );
}
