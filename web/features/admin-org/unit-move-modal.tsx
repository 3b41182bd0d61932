import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUnit } from '../../../contracts/admin-org';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { useUnitAction } from './api';
import { moveTargets } from './tree-model';

const ROOT = '__root__';

/** "Chuyển đơn vị": choose the new parent among the units in scope that may take it. */
export function UnitMoveModal({
  opened,
  unit,
  allUnits,
  canRoot,
  onClose,
}: {
  opened: boolean;
  unit: TAdminUnit;
  allUnits: TAdminUnit[];
  canRoot: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['adminOrg', 'common', 'errors']);
  const isPhone = useIsPhone();
  const action = useUnitAction();
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setTarget(null);
      setError(null);
    }
  }, [opened]);

  const options = useMemo(() => {
    const minDepth = allUnits.reduce((m, u) => Math.min(m, u.depth), Number.POSITIVE_INFINITY);
    const current = (id: string | null) => (id === unit.parentId ? ` (${t('adminOrg:units.moveCurrent')})` : '');
    const list = moveTargets(allUnits, unit).map((u) => ({
      value: u.id,
      label: `${u.name}${current(u.id)}`,
      depth: u.depth - minDepth,
      disabled: u.id === unit.parentId,
    }));
    if (canRoot)
      list.unshift({
        value: ROOT,
        label: `${t('adminOrg:units.moveRoot')}${current(null)}`,
        depth: 0,
        disabled: unit.parentId === null,
      });
    return list;
  }, [allUnits, unit, canRoot, t]);
  const depth = useMemo(() => new Map(options.map((o) => [o.value, o.depth])), [options]);

  const submit = () => {
    if (!target) return;
    setError(null);
    action.mutate(
      { kind: 'move', id: unit.id, parentId: target === ROOT ? null : target },
      {
        onSuccess: (moved) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('adminOrg:units.moved', { name: moved.name }),
          });
          onClose();
        },
        onError: (e) => {
          const reason = e instanceof ApiError ? String(e.details.reason ?? '') : '';
          setError(
            reason ? t(`adminOrg:units.reasons.${reason}`, { defaultValue: errorMessage(t, e) }) : errorMessage(t, e),
          );
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('adminOrg:units.moveTitle', { name: unit.name })}
      fullScreen={isPhone}
      size="md"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('adminOrg:units.moveHelp')}
        </Text>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Select
          label={t('adminOrg:units.moveTarget')}
          placeholder={t('adminOrg:units.moveTargetPlaceholder')}
          data={options.map(({ value, label, disabled }) => ({ value, label, disabled }))}
          value={target}
          onChange={setTarget}
          searchable
          nothingFoundMessage={t('adminOrg:units.moveNothing')}
          renderOption={({ option }) => (
            <span style={{ paddingLeft: Math.min(depth.get(option.value) ?? 0, 8) * 14 }}>{option.label}</span>
          )}
          comboboxProps={{ withinPortal: true }}
          data-testid="unit-move-target"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={action.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={submit} disabled={!target} loading={action.isPending} data-testid="unit-move-submit">
            {t('adminOrg:units.moveSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
