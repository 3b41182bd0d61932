import { ActionIcon, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import { useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessagesDrawer } from '../../features/announcements/messages-drawer';
import { BADGE_META, useBadgeKeys, useBadges, useOpenBadge } from '../badges';
import { useIsOpenable } from '../functions';
import classes from './shell.module.css';

/**
 * Counters of Điều 3.7 f–k (Đề xuất thay đổi thông tin for administrators, Ý kiến, Tin nhắn
 * mới — which opens the drawer of received announcements —, Văn bản đến/đi chưa xem, Xem công việc). Each wrapper `badge-<key>` holds the count as
 * its only text, zero included.
 */
export function BadgeButtons({ compact }: { compact: boolean }) {
  const { t } = useTranslation('shell');
  const badges = useBadges();
  const keys = useBadgeKeys();
  const isOpenable = useIsOpenable();
  const openBadge = useOpenBadge();
  const [messagesOpen, setMessagesOpen] = useState(false);
  // A notification of an announcement links to `/?messages=1`: open the drawer, then drop the flag.
  const router = useRouter();
  const searchStr = useRouterState({ select: (s) => s.location.searchStr });
  useEffect(() => {
    const params = new URLSearchParams(searchStr);
    if (params.get('messages') !== '1') return;
    setMessagesOpen(true);
    params.delete('messages');
    const rest = params.toString();
    router.history.replace(`${router.state.location.pathname}${rest ? `?${rest}` : ''}`);
  }, [searchStr, router]);
  return (
    <Group gap={compact ? 6 : 8} wrap="nowrap">
      <MessagesDrawer opened={messagesOpen} onClose={() => setMessagesOpen(false)} />
      {keys.map((key) => {
        const { icon: Icon, functionId } = BADGE_META[key];
        const count = badges?.[key] ?? 0;
        const name = t(`badges.${key}`);
        // Everyone receives announcements: the messages counter opens its drawer.
        const isMessages = key === 'messages';
        const openable = isMessages || (functionId !== null && isOpenable(functionId));
        return (
          <div key={key} className={classes.badge} data-testid={`badge-${key}`} data-count={count}>
            <Tooltip label={name} withArrow>
              <ActionIcon
                variant="subtle"
                color={count > 0 ? 'blue' : 'gray'}
                size={compact ? 30 : 'lg'}
                aria-label={name}
                onClick={isMessages ? () => setMessagesOpen(true) : openable ? () => openBadge(key) : undefined}
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
