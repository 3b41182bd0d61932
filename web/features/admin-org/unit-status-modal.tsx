import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUnit } from '../../../contracts/admin-org';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useUnitAction } from './api';

/** Why a unit cannot stop yet, naming only what it still has ("4 người dùng", "1 đơn vị con"). */
function blockedMessage(t: TFunction, users: number, children: number): string {
  const what = [
    users > 0 ? t('adminOrg:units.users', { count: users }) : null,
    children > 0 ? t('adminOrg:units.children', { count: children }) : null,
  ].filter(Boolean);
  return t('adminOrg:units.deactivateBlocked', { what: what.join(t('adminOrg:units.and')) });
}

/** Confirms "Ngừng hoạt động" (with an optional reason) or "Kích hoạt lại"; says why a unit cannot stop yet. */
export function UnitStatusModal({ opened, unit, onClose }: { opened: boolean; unit: TAdminUnit; onClose: () => void }) {
  const { t } = useTranslation(['adminOrg', 'common', 'errors']);
  const action = useUnitAction();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const stopping = unit.active;
  const blocked = stopping && (unit.userCount > 0 || unit.childCount > 0);

  useEffect(() => {
    if (opened) {
      setReason('');
      setError(null);
    }
  }, [opened]);

  const confirm = () => {
    setError(null);
    action.mutate(
      stopping
        ? { kind: 'deactivate', id: unit.id, reason: reason.trim() || undefined }
        : { kind: 'activate', id: unit.id },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t(stopping ? 'adminOrg:units.deactivated' : 'adminOrg:units.activated', { name: saved.name }),
          });
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'IN_USE')
            return setError(
              blockedMessage(t, Number(e.details.activeUsers ?? 0), Number(e.details.activeChildren ?? 0)),
            );
          const reasonCode = e instanceof ApiError ? String(e.details.reason ?? '') : '';
          setError(reasonCode ? t(`adminOrg:units.reasons.${reasonCode}`) : errorMessage(t, e));
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(stopping ? 'adminOrg:units.deactivateTitle' : 'adminOrg:units.activateTitle')}
      size="md"
    >
      <Stack gap="md">
        <Text size="sm">
          {t(stopping ? 'adminOrg:units.deactivateBody' : 'adminOrg:units.activateBody', { name: unit.name })}
        </Text>
        {blocked && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            data-testid="unit-deactivate-blocked"
          >
            {blockedMessage(t, unit.userCount, unit.childCount)}
          </Alert>
        )}
        {error && !blocked && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {stopping && !blocked && (
          <Textarea
            label={t('adminOrg:units.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={action.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color={stopping ? 'red' : 'green'}
            onClick={confirm}
            disabled={blocked}
            loading={action.isPending}
            data-testid="unit-status-confirm"
          >
            {t(stopping ? 'adminOrg:units.deactivate' : 'adminOrg:units.activate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
