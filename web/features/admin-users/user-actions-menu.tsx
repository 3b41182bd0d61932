import { ActionIcon, Menu } from '@mantine/core';
import {
  IconArrowsExchange,
  IconDots,
  IconKey,
  IconLock,
  IconLockOpen,
  IconPencil,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAdminUserItem } from '../../../contracts/admin-users';

/** What a row's menu asks the page to open. */
export type UserAction = 'edit' | 'move' | 'groups' | 'lock' | 'unlock' | 'reset-password';

/** The per-user actions menu; items come from the abilities the server computed. */
export function UserActionsMenu({ user, onAction }: { user: TAdminUserItem; onAction: (a: UserAction) => void }) {
  const { t } = useTranslation('adminUsers');
  const a = user.abilities;
  const items: { action: UserAction; allowed: boolean; label: string; icon: React.ReactNode; color?: string }[] = [
    { action: 'edit', allowed: a.edit, label: t('actions.edit'), icon: <IconPencil size={16} /> },
    { action: 'move', allowed: a.move, label: t('actions.move'), icon: <IconArrowsExchange size={16} /> },
    { action: 'groups', allowed: a.groups, label: t('actions.groups'), icon: <IconUsersGroup size={16} /> },
    { action: 'lock', allowed: a.lock, label: t('actions.lock'), icon: <IconLock size={16} />, color: 'red' },
    { action: 'unlock', allowed: a.unlock, label: t('actions.unlock'), icon: <IconLockOpen size={16} /> },
    {
      action: 'reset-password',
      allowed: a.resetPassword,
      label: t('actions.resetPassword'),
      icon: <IconKey size={16} />,
    },
  ];
  const shown = items.filter((i) => i.allowed);
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('actions.menu', { name: user.fullName })}
          disabled={shown.length === 0}
          data-testid={`user-actions-${user.username}`}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {shown.map((i) => (
          <Menu.Item
            key={i.action}
            leftSection={i.icon}
            color={i.color}
            onClick={() => onAction(i.action)}
            data-testid={`action-${i.action}`}
          >
            {i.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
