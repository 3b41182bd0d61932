import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUserItem, TAdminUserOptions } from '../../../contracts/admin-users';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { unitTree } from '../directory/unit-filter';
import { useMoveUser } from './api';

/** Chuyển đơn vị: picks another unit inside the administrator's scope. */
export function MoveModal({
  user,
  options,
  onClose,
}: {
  user: TAdminUserItem | null;
  options: TAdminUserOptions;
  onClose: () => void;
}) {
  const { t } = useTranslation(['adminUsers', 'common', 'errors']);
  const isPhone = useIsPhone();
  const move = useMoveUser();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The page remounts this modal (key) for every user, so the state starts empty.
  const units = useMemo(() => unitTree(options.units), [options.units]);

  const submit = () => {
    if (!user || !unitId) return;
    move.mutate(
      { id: user.id, unitId },
      {
        onSuccess: (moved) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('move.done', { name: moved.fullName, unit: moved.unit.name }),
          });
          onClose();
        },
        onError: (e) => setError(errorMessage(t, e)),
      },
    );
  };

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('move.title', { name: user.fullName }) : ''}
      fullScreen={isPhone}
      data-testid="move-modal"
    >
      <Stack gap="md">
        {error && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {error}
          </Alert>
        )}
        <div>
          <Text size="sm" c="dimmed">
            {t('move.current')}
          </Text>
          <Text fw={600}>{user?.unit.name}</Text>
        </div>
        <Select
          label={t('move.target')}
          data={units.filter((u) => u.value !== user?.unit.id).map((u) => ({ value: u.value, label: u.label }))}
          value={unitId}
          onChange={setUnitId}
          searchable
          nothingFoundMessage={t('filters.noUnit')}
          comboboxProps={{ withinPortal: true }}
          data-testid="move-unit"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={submit} disabled={!unitId} loading={move.isPending} data-testid="move-submit">
            {t('move.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
