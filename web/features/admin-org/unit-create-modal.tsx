import { Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUnit, TAdminUnitDetail } from '../../../contracts/admin-org';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { useUnitAction } from './api';
import {
  FormButtons,
  UnitFields,
  type UnitFormValues,
  applyServerErrors,
  unitBody,
  unitFormValues,
  useUnitForm,
} from './unit-form';

/** "Thêm đơn vị con" (under `parent`) or "Thêm đơn vị gốc" (parent null) in a modal, full screen on a phone. */
export function UnitCreateModal({
  opened,
  parent,
  onClose,
  onCreated,
}: {
  opened: boolean;
  parent: TAdminUnit | null;
  onClose: () => void;
  onCreated: (unit: TAdminUnitDetail) => void;
}) {
  const { t } = useTranslation(['adminOrg', 'common', 'errors']);
  const isPhone = useIsPhone();
  const action = useUnitAction();
  const form = useUnitForm(unitFormValues());
  const { reset } = form;

  useEffect(() => {
    if (opened) reset();
  }, [opened, reset]);

  const submit = (values: UnitFormValues) =>
    action.mutate(
      { kind: 'create', body: { parentId: parent?.id ?? null, ...unitBody(values) } },
      {
        onSuccess: (unit) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('adminOrg:units.created', { name: unit.name }),
          });
          onClose();
          onCreated(unit);
        },
        onError: (error) => {
          if (!applyServerErrors(form, error, t)) notifications.show({ color: 'red', message: errorMessage(t, error) });
        },
      },
    );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={parent ? t('adminOrg:units.addChild') : t('adminOrg:units.addRoot')}
      size="lg"
      fullScreen={isPhone}
    >
      <form noValidate onSubmit={form.onSubmit(submit)} data-testid="unit-create-form">
        <Text size="sm" c="dimmed" mb="sm">
          {parent ? t('adminOrg:units.createUnder', { name: parent.name }) : t('adminOrg:units.noParent')}
        </Text>
        <UnitFields
          form={form}
          actions={
            <FormButtons
              onCancel={onClose}
              cancelLabel={t('common:actions.cancel')}
              submitLabel={t('common:actions.save')}
              loading={action.isPending}
              testId="unit-create-submit"
            />
          }
        />
      </form>
    </Modal>
  );
}
