import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserShare } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getActingFor, switchActingFor, takeActingForEnded } from '../acting-for';
import { useMe } from '../auth';
import classes from './shell.module.css';

/** YYYY-MM-DD → dd/mm/yyyy. */
function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/**
 * Coloured strip under the top bar while the user works for a delegator (ủy quyền): whose
 * rights apply, until when, and "Thôi làm thay". Also tells once that a delegation ended.
 */
export function ActingForBanner() {
  const { t } = useTranslation('shell');
  const me = useMe();

  useEffect(() => {
    if (takeActingForEnded()) notifications.show({ color: 'orange', message: t('actingFor.ended'), autoClose: 10_000 });
  }, [t]);

  if (!me.actingFor) return null;
  const stored = getActingFor();
  const endsOn = stored?.userId === me.actingFor.userId ? stored.endsOn : '';
  return (
    <div className={classes.actingFor} role="status" data-testid="acting-for-banner">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <IconUserShare size={20} aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" fw={600}>
          {t('actingFor.banner', { name: me.actingFor.fullName })}
          {endsOn && (
            <Text span size="sm" fw={400}>
              {' '}
              {t('actingFor.until', { date: dmy(endsOn) })}
            </Text>
          )}
        </Text>
      </Group>
      <Button
        size="compact-sm"
        color="orange"
        variant="white"
        onClick={() => switchActingFor(null)}
        data-testid="acting-for-stop"
      >
        {t('actingFor.stop')}
      </Button>
    </div>
  );
}
