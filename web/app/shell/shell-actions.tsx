import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { type Icon, IconCalendarWeek, IconHome, IconLogout, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NotesButton } from '../../features/notes/notes-drawer';
import { useSignOut } from '../sign-out';
import { useIsOpenable } from '../functions';
import { useActiveFunctionId, useGoHome, useOpenFunction } from '../tabs/navigation';
import { useTabs } from '../tabs/tabs-context';

interface ActionProps {
  testId: string;
  icon: Icon;
  label: string;
  ariaLabel: string;
  tooltip: string;
  compact: boolean;
  color?: string;
  disabled?: boolean;
  onClick: () => void;
}

function ShellAction({
  testId,
  icon: Icon,
  label,
  ariaLabel,
  tooltip,
  compact,
  color,
  disabled,
  onClick,
}: ActionProps) {
  const button = compact ? (
    <ActionIcon
      variant="light"
      color={color}
      size={30}
      data-testid={testId}
      aria-label={ariaLabel}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon size={18} aria-hidden />
    </ActionIcon>
  ) : (
    <Button
      variant="light"
      color={color}
      size="compact-md"
      leftSection={<Icon size={18} aria-hidden />}
      data-testid={testId}
      aria-label={ariaLabel}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </Button>
  );
  return (
    <Tooltip label={tooltip} withArrow disabled={disabled}>
      {button}
    </Tooltip>
  );
}

/** Điều 3.7e: every unit's published work schedule, one click from anywhere. */
function ScheduleButton() {
  const { t } = useTranslation('shell');
  const isOpenable = useIsOpenable();
  const openFunction = useOpenFunction();
  if (!isOpenable('unit-schedule')) return null;
  const label = t('unitSchedule');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="light"
        color="teal"
        size={30}
        aria-label={label}
        onClick={() => openFunction('unit-schedule')}
        data-testid="btn-unit-schedule"
      >
        <IconCalendarWeek size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

/** The buttons of Điều 3.7 a, b, d, e: Trang chủ (đóng tất cả), Chờ, Thoát, Xem lịch công tác. */
export function ShellActions({ compact }: { compact: boolean }) {
  const { t } = useTranslation('shell');
  const tabs = useTabs();
  const active = useActiveFunctionId();
  const goHome = useGoHome();
  const signOut = useSignOut();
  const canPark = active !== null && (tabs.open.includes(active) || tabs.parked.includes(active));

  return (
    <Group gap={compact ? 6 : 8} wrap="nowrap">
      <NotesButton />
      {/* On narrow screens the top bar has no room for it; the menu has Lịch đơn vị. */}
      {!compact && <ScheduleButton />}
      <ShellAction
        testId="btn-home"
        icon={IconHome}
        label={t('home')}
        ariaLabel={t('homeFull')}
        tooltip={t('homeFull')}
        compact={compact}
        onClick={() => {
          tabs.closeAll();
          goHome();
        }}
      />
      <ShellAction
        testId="btn-wait"
        icon={IconPlayerPause}
        label={t('wait')}
        ariaLabel={t('wait')}
        tooltip={t('waitFull')}
        compact={compact}
        color="orange"
        disabled={!canPark}
        onClick={() => {
          if (!active) return;
          tabs.park(active);
          goHome();
        }}
      />
      <ShellAction
        testId="btn-logout"
        icon={IconLogout}
        label={t('logout')}
        ariaLabel={t('logout')}
        tooltip={t('logoutFull')}
        compact={compact}
        color="red"
        onClick={() => void signOut()}
      />
    </Group>
  );
}
