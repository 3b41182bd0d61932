import { Burger, Divider, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../components/brand';
import { useIsPhone, useIsWide } from '../media';
import { useGoHome } from '../tabs/navigation';
import { BadgeButtons } from './badge-buttons';
import { ShellActions } from './shell-actions';
import { UserMenu } from './user-menu';

/** Header height: two rows on a phone (brand + user, then badges + buttons), one row from `sm`. */
export const HEADER_HEIGHT = { base: 96, sm: 56 };

function HomeBrand({ withName }: { withName: boolean }) {
  const goHome = useGoHome();
  return (
    <a
      href="/"
      style={{ textDecoration: 'none' }}
      onClick={(event) => {
        event.preventDefault();
        goHome();
      }}
    >
      <Brand withName={withName} />
    </a>
  );
}

/** Header: burger (phone) and product name; badges, Trang chủ / Chờ / Thoát and the user menu. */
export function TopBar({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation('shell');
  const isPhone = useIsPhone();
  const isWide = useIsWide();

  const burger = (
    <Burger
      opened={navOpened}
      onClick={onToggleNav}
      hiddenFrom="sm"
      size="sm"
      aria-label={navOpened ? t('closeMenu') : t('openMenu')}
      data-testid="nav-burger"
    />
  );

  if (isPhone) {
    return (
      <Stack h="100%" gap={0} px="xs" justify="center">
        <Group h={48} justify="space-between" wrap="nowrap">
          <Group gap={6} wrap="nowrap">
            {burger}
            <HomeBrand withName />
          </Group>
          <UserMenu compact />
        </Group>
        <Group h={44} justify="space-between" wrap="nowrap" pb={4}>
          <BadgeButtons compact />
          <ShellActions compact />
        </Group>
      </Stack>
    );
  }

  return (
    <Group h="100%" px="md" gap="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        {burger}
        <HomeBrand withName />
      </Group>
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        <BadgeButtons compact={false} />
        <Divider orientation="vertical" />
        <ShellActions compact={!isWide} />
        <UserMenu compact={!isWide} />
      </Group>
    </Group>
  );
}
