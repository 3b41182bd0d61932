import { ActionIcon, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BADGE_KEYS } from '../../../contracts/badges';
import { BADGE_META, useBadges } from '../badges';
import { useIsOpenable } from '../functions';
import { useOpenFunction } from '../tabs/navigation';
import classes from './shell.module.css';

/**
 * Counters of Điều 3.7 g–k (Ý kiến, Tin nhắn mới, Văn bản đến/đi chưa xem, Xem công việc).
 * Each wrapper `badge-<key>` holds the count as its only text, zero included.
 */
export function BadgeButtons({ compact }: { compact: boolean }) {
  const { t } = useTranslation('shell');
  const badges = useBadges();
  const isOpenable = useIsOpenable();
  const openFunction = useOpenFunction();
  return (
    <Group gap={compact ? 6 : 8} wrap="nowrap">
      {BADGE_KEYS.map((key) => {
        const { icon: Icon, functionId } = BADGE_META[key];
        const count = badges?.[key] ?? 0;
        const name = t(`badges.${key}`);
        const target = functionId && isOpenable(functionId) ? functionId : null;
        return (
          <div key={key} className={classes.badge} data-testid={`badge-${key}`} data-count={count}>
            <Tooltip label={name} withArrow>
              <ActionIcon
                variant="subtle"
                color={count > 0 ? 'blue' : 'gray'}
                size={compact ? 30 : 'lg'}
                aria-label={name}
                onClick={target ? () => openFunction(target) : undefined}
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
