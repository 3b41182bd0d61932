import { Alert, Badge, Button, Center, Divider, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArrowsMove,
  IconCheck,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUnit, TAdminUnitDetail } from '../../../contracts/admin-org';
import { errorMessage } from '../../app/errors';
import { unitQueryOptions, useUnitAction } from './api';
import { UnitCreateModal } from './unit-create-modal';
import {
  FormButtons,
  UnitFields,
  type UnitFormValues,
  applyServerErrors,
  unitBody,
  unitFormValues,
  useUnitForm,
} from './unit-form';
import { UnitMoveModal } from './unit-move-modal';
import { UnitStatusModal } from './unit-status-modal';

type Dialog = 'create' | 'move' | 'status' | null;

/** Details of the selected unit: header, actions allowed by its abilities, and the edit form. */
export function UnitPanel({
  id,
  allUnits,
  canCreateRoot,
  onSelect,
}: {
  id: string;
  allUnits: TAdminUnit[];
  canCreateRoot: boolean;
  onSelect: (id: string, parentId?: string | null) => void;
}) {
  const { t } = useTranslation(['adminOrg', 'errors']);
  const query = useQuery(unitQueryOptions(id));
  const [dialog, setDialog] = useState<Dialog>(null);

  if (query.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (query.isError)
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
        {errorMessage(t, query.error)}
      </Alert>
    );
  const unit = query.data;
  const { abilities } = unit;

  return (
    <Stack gap="md" data-testid="unit-panel">
      <div>
        <Group gap="xs" wrap="wrap" align="center">
          <Title order={3} fz="lg" style={{ overflowWrap: 'anywhere' }} data-testid="unit-panel-title">
            {unit.name}
          </Title>
          {!unit.active && (
            <Badge color="gray" variant="filled" tt="none" data-testid="unit-inactive-badge">
              {t('units.inactive')}
            </Badge>
          )}
        </Group>
        <Group gap="md" mt={4} wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('units.parent')}: {unit.parentName ?? t('units.parentNone')}
          </Text>
          <Group gap={4} wrap="nowrap">
            <IconUsers size={14} color="var(--mantine-color-dimmed)" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('units.users', { count: unit.userCount })} · {t('units.children', { count: unit.childCount })}
            </Text>
          </Group>
        </Group>
      </div>

      {(abilities.createChild || abilities.move || abilities.changeStatus) && (
        <Group gap="xs" wrap="wrap">
          {abilities.createChild && unit.active && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setDialog('create')}
              data-testid="unit-add-child"
            >
              {t('units.addChild')}
            </Button>
          )}
          {abilities.move && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconArrowsMove size={14} />}
              onClick={() => setDialog('move')}
              data-testid="unit-move"
            >
              {t('units.move')}
            </Button>
          )}
          {abilities.changeStatus && (
            <Button
              size="xs"
              variant="light"
              color={unit.active ? 'red' : 'green'}
              leftSection={unit.active ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />}
              onClick={() => setDialog('status')}
              data-testid={unit.active ? 'unit-deactivate' : 'unit-activate'}
            >
              {unit.active ? t('units.deactivate') : t('units.activate')}
            </Button>
          )}
        </Group>
      )}

      <Divider label={t('units.details')} labelPosition="left" />
      <UnitEditForm key={unit.id} unit={unit} />

      <UnitCreateModal
        opened={dialog === 'create'}
        parent={unit}
        onClose={() => setDialog(null)}
        onCreated={(created) => onSelect(created.id, created.parentId)}
      />
      <UnitMoveModal
        opened={dialog === 'move'}
        unit={unit}
        allUnits={allUnits}
        canRoot={canCreateRoot}
        onClose={() => setDialog(null)}
      />
      <UnitStatusModal opened={dialog === 'status'} unit={unit} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function UnitEditForm({ unit }: { unit: TAdminUnitDetail }) {
  const { t } = useTranslation(['adminOrg', 'common', 'errors']);
  const action = useUnitAction();
  const form = useUnitForm(unitFormValues(unit));
  const readOnly = !unit.abilities.edit;

  const submit = (values: UnitFormValues) =>
    action.mutate(
      { kind: 'update', id: unit.id, body: unitBody(values) },
      {
        onSuccess: (saved) => {
          const next = unitFormValues(saved);
          form.setInitialValues(next);
          form.setValues(next);
          form.resetDirty(next);
          notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('adminOrg:units.saved') });
        },
        onError: (error) => {
          if (!applyServerErrors(form, error, t)) notifications.show({ color: 'red', message: errorMessage(t, error) });
        },
      },
    );

  return (
    <Paper component="form" noValidate onSubmit={form.onSubmit(submit)} data-testid="unit-edit-form">
      <UnitFields
        form={form}
        readOnly={readOnly}
        actions={
          !readOnly && (
            <FormButtons
              onCancel={() => form.reset()}
              cancelLabel={t('adminOrg:units.reset')}
              submitLabel={t('common:actions.save')}
              loading={action.isPending}
              disabled={!form.isDirty()}
              testId="unit-save"
            />
          )
        }
      />
    </Paper>
  );
}
