import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconUsers } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_TITLE_NAME_MAX, type TJobTitle } from '../../../contracts/admin-org';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { useJobTitleAction } from './api';

/** Add (title null) or edit a job title: name and rank. */
export function JobTitleModal({
  opened,
  title,
  onClose,
}: {
  opened: boolean;
  title: TJobTitle | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['adminOrg', 'common', 'errors']);
  const isPhone = useIsPhone();
  const action = useJobTitleAction();
  const form = useForm<{ name: string; rank: number | string }>({
    initialValues: { name: '', rank: '' },
    validate: {
      name: (v) => {
        if (!v.trim()) return t('adminOrg:jobTitles.validation.required');
        if (v.trim().length > JOB_TITLE_NAME_MAX)
          return t('adminOrg:jobTitles.validation.tooLong', { max: JOB_TITLE_NAME_MAX });
        return null;
      },
      rank: (v) =>
        v === '' || (typeof v === 'number' && Number.isInteger(v) && v >= 0)
          ? null
          : t('adminOrg:jobTitles.validation.rank'),
    },
  });
  const { setValues, resetDirty, clearErrors } = form;

  useEffect(() => {
    if (!opened) return;
    const values = { name: title?.name ?? '', rank: title?.rank ?? '' };
    setValues(values);
    resetDirty(values);
    clearErrors();
  }, [opened, title, setValues, resetDirty, clearErrors]);

  const submit = (values: { name: string; rank: number | string }) => {
    const body = { name: values.name.trim(), ...(typeof values.rank === 'number' ? { rank: values.rank } : {}) };
    action.mutate(title ? { kind: 'update', id: title.id, body } : { kind: 'create', body }, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          icon: <IconCheck size={18} />,
          message: t(title ? 'adminOrg:jobTitles.saved' : 'adminOrg:jobTitles.created', { name: saved.name }),
        });
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'DUPLICATE')
          form.setFieldError('name', t('adminOrg:jobTitles.validation.nameTaken'));
        else if (e instanceof ApiError && e.fields.some((f) => f.path === 'body.rank'))
          form.setFieldError('rank', t('adminOrg:jobTitles.validation.rank'));
        else notifications.show({ color: 'red', message: errorMessage(t, e) });
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(title ? 'adminOrg:jobTitles.editTitle' : 'adminOrg:jobTitles.createTitle')}
      fullScreen={isPhone}
    >
      <form noValidate onSubmit={form.onSubmit(submit)} data-testid="title-form">
        <Stack gap="sm">
          <TextInput
            label={t('adminOrg:jobTitles.name')}
            withAsterisk
            maxLength={JOB_TITLE_NAME_MAX}
            data-autofocus
            data-testid="title-name"
            {...form.getInputProps('name')}
          />
          <NumberInput
            label={t('adminOrg:jobTitles.rank')}
            description={t('adminOrg:jobTitles.rankHint')}
            min={0}
            allowDecimal={false}
            data-testid="title-rank"
            {...form.getInputProps('rank')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={action.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={action.isPending} data-testid="title-submit">
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Confirms stopping (saying how many people hold the title) or bringing back a job title. */
export function JobTitleStatusModal({ title, onClose }: { title: TJobTitle | null; onClose: () => void }) {
  const { t } = useTranslation(['adminOrg', 'common', 'errors']);
  const action = useJobTitleAction();
  const stopping = Boolean(title?.active);

  const confirm = () => {
    if (!title) return;
    action.mutate(
      { kind: stopping ? 'deactivate' : 'activate', id: title.id },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t(stopping ? 'adminOrg:jobTitles.deactivated' : 'adminOrg:jobTitles.activated', {
              name: saved.name,
            }),
          });
          onClose();
        },
        onError: (e) =>
          notifications.show({
            color: 'red',
            message:
              e instanceof ApiError && e.code === 'DUPLICATE'
                ? t('adminOrg:jobTitles.validation.nameTaken')
                : errorMessage(t, e),
          }),
      },
    );
  };

  return (
    <Modal
      opened={title !== null}
      onClose={onClose}
      title={t(stopping ? 'adminOrg:jobTitles.deactivateTitle' : 'adminOrg:jobTitles.activateTitle')}
    >
      {title && (
        <Stack gap="md">
          <Text size="sm">
            {t(stopping ? 'adminOrg:jobTitles.deactivateBody' : 'adminOrg:jobTitles.activateBody', {
              name: title.name,
            })}
          </Text>
          {stopping && title.userCount > 0 && (
            <Alert color="blue" variant="light" icon={<IconUsers aria-hidden />} data-testid="title-holders-warning">
              {t('adminOrg:jobTitles.deactivateHolders', { count: title.userCount })}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={action.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color={stopping ? 'red' : 'green'}
              onClick={confirm}
              loading={action.isPending}
              data-testid="title-status-confirm"
            >
              {t(stopping ? 'adminOrg:jobTitles.deactivate' : 'adminOrg:jobTitles.activate')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
