import { Button, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOpenFunction } from './navigation';
import { useTabs } from './tabs-context';
import classes from './workspace.module.css';

/** "Đang chờ" tray: functions put on hold with "Chờ"; clicking one brings it back with its state. */
export function ParkedTray() {
  const { t } = useTranslation(['shell', 'functions']);
  const { parked } = useTabs();
  const openFunction = useOpenFunction();
  if (parked.length === 0) return null;
  return (
    <div className={classes.tray} data-testid="parked-tray">
      <Text size="xs" fw={600} c="orange.8" tt="uppercase">
        {t('shell:tabs.parked')}
      </Text>
      {parked.map((id) => {
        const name = t(`functions:${id}`);
        return (
          <Tooltip key={id} label={t('shell:tabs.restore', { name })} withArrow>
            <Button
              size="compact-sm"
              variant="light"
              color="orange"
              radius="xl"
              leftSection={<IconPlayerPause size={14} aria-hidden />}
              data-testid={`parked-${id}`}
              onClick={() => openFunction(id)}
            >
              {name}
            </Button>
          </Tooltip>
        );
      })}
    </div>
  );
}
