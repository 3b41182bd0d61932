import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUserItem } from '../../../contracts/admin-users';
import { errorMessage } from '../../app/errors';
import { type AccountAction, useAccountAction } from './api';

const KEYS: Record<AccountAction, { title: string; body: string; button: string; color: string }> = {
  lock: { title: 'confirm.lockTitle', body: 'confirm.lockBody', button: 'actions.lock', color: 'red' },
  unlock: { title: 'confirm.unlockTitle', body: 'confirm.unlockBody', button: 'actions.unlock', color: 'green' },
  'reset-password': {
    title: 'confirm.resetTitle',
    body: 'confirm.resetBody',
    button: 'actions.resetPassword',
    color: 'orange',
  },
};

/** Confirms Khóa / Mở khóa / Đặt lại mật khẩu; a reset hands the one-time password to `onPassword`. */
export function ConfirmActionModal({
  target,
  onClose,
  onPassword,
}: {
  target: { user: TAdminUserItem; action: AccountAction } | null;
  onClose: () => void;
  onPassword: (username: string, password: string) => void;
}) {
  const { t } = useTranslation(['adminUsers', 'common', 'errors']);
  const run = useAccountAction();
  const [reason, setReason] = useState('');
  // The page remounts this modal (key) for every new target, so the state starts empty.
  const [error, setError] = useState<string | null>(null);

  if (!target) return <Modal opened={false} onClose={onClose} />;
  const { user, action } = target;
  const keys = KEYS[action];

  const confirm = () =>
    run.mutate(
      { id: user.id, action, reason: reason.trim() || undefined },
      {
        onSuccess: (result) => {
          onClose();
          if ('oneTimePassword' in result) return onPassword(user.username, result.oneTimePassword);
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t(action === 'lock' ? 'confirm.locked' : 'confirm.unlocked', { username: user.username }),
          });
        },
        onError: (e) => setError(errorMessage(t, e)),
      },
    );

  return (
    <Modal opened onClose={onClose} title={t(keys.title)} data-testid="confirm-modal">
      <Stack gap="md">
        <Text size="sm">{t(keys.body, { name: user.fullName, username: user.username })}</Text>
        {action === 'lock' && (
          <TextInput
            label={t('confirm.reason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="confirm-reason"
          />
        )}
        {error && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color={keys.color} onClick={confirm} loading={run.isPending} data-testid="confirm-submit">
            {t(keys.button)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
