import { Alert, Button, Center, Grid, Group, Input, Loader, Modal, Select, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TAdminUserDetail,
  type TAdminUserOptions,
  isValidEmail,
  isValidPhone,
  isValidUsername,
} from '../../../contracts/admin-users';
import i18n from '../../app/i18n';
import { useIsPhone } from '../../app/media';
import { unitTree } from '../directory/unit-filter';
import { useCreateUser, useUpdateUser, userDetailQueryOptions } from './api';
import { applyServerError } from './form-errors';
import { type GrantDraft, GroupsEditor, draft, toGrants } from './groups-editor';

interface Values {
  username: string;
  fullName: string;
  unitId: string | null;
  jobTitleId: string | null;
  email: string;
  phone: string;
  address: string;
  groups: GrantDraft[];
}

const EMPTY: Values = {
  username: '',
  fullName: '',
  unitId: null,
  jobTitleId: null,
  email: '',
  phone: '',
  address: '',
  groups: [],
};

const tr = (key: string) => i18n.t(`adminUsers:form.errors.${key}`);

function fromDetail(u: TAdminUserDetail): Values {
  return {
    username: u.username,
    fullName: u.fullName,
    unitId: u.unit.id,
    jobTitleId: u.jobTitle?.id ?? null,
    email: u.email ?? '',
    phone: u.phone ?? '',
    address: u.address ?? '',
    groups: u.groups.map((g) => draft(g.groupId, g.scope)),
  };
}

/**
 * Create (userId null) or edit a user. Creating shows the one-time password afterwards through
 * `onCreated`; unit and groups of an existing user change through their own actions.
 */
export function UserFormModal({
  opened,
  userId,
  options,
  onClose,
  onCreated,
}: {
  opened: boolean;
  userId: string | null;
  options: TAdminUserOptions;
  onClose: () => void;
  onCreated: (username: string, oneTimePassword: string) => void;
}) {
  const { t } = useTranslation(['adminUsers', 'common', 'errors']);
  const isPhone = useIsPhone();
  const editing = userId !== null;
  const detail = useQuery({ ...userDetailQueryOptions(userId ?? ''), enabled: opened && editing });
  const create = useCreateUser();
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const units = useMemo(() => unitTree(options.units), [options.units]);

  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: {
      username: (v) =>
        editing
          ? null
          : !v.trim()
            ? tr('usernameRequired')
            : isValidUsername(v.trim().toLowerCase())
              ? null
              : tr('usernameFormat'),
      fullName: (v) => (v.trim() ? null : tr('fullNameRequired')),
      unitId: (v) => (editing || v ? null : tr('unitRequired')),
      email: (v) => (!v.trim() || isValidEmail(v) ? null : tr('emailFormat')),
      phone: (v) => (!v.trim() || isValidPhone(v) ? null : tr('phoneFormat')),
    },
  });
  const { setValues, resetDirty, reset } = form;

  useEffect(() => {
    if (!opened) return;
    setFormError(null);
    if (!editing) {
      reset();
      setValues({ ...EMPTY, unitId: options.units.length === 1 ? options.units[0].id : null });
    } else if (detail.data) {
      setValues(fromDetail(detail.data));
      resetDirty(fromDetail(detail.data));
    }
  }, [opened, editing, detail.data, options.units, setValues, resetDirty, reset]);

  const onError = (error: unknown) => setFormError(applyServerError(t, error, form.setFieldError, Object.keys(EMPTY)));

  const submit = (v: Values) => {
    setFormError(null);
    const contacts = {
      jobTitleId: v.jobTitleId,
      email: v.email.trim() || null,
      phone: v.phone.trim() || null,
      address: v.address.trim() || null,
    };
    if (editing) {
      update.mutate(
        { id: userId, body: { fullName: v.fullName, ...contacts } },
        {
          onSuccess: (user) => {
            notifications.show({
              color: 'green',
              icon: <IconCheck size={18} />,
              message: t('form.saved', { name: user.fullName }),
            });
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      {
        username: v.username.trim().toLowerCase(),
        fullName: v.fullName,
        unitId: v.unitId as string,
        ...contacts,
        groups: toGrants(v.groups),
      },
      {
        onSuccess: ({ user, oneTimePassword }) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('form.created', { username: user.username }),
          });
          onClose();
          onCreated(user.username, oneTimePassword);
        },
        onError,
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? t('form.editTitle') : t('form.createTitle')}
      size="lg"
      fullScreen={isPhone}
      data-testid="user-form-modal"
    >
      {editing && detail.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <form noValidate onSubmit={form.onSubmit(submit)} data-testid="user-form">
          {formError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
              {formError}
            </Alert>
          )}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('form.username')}
                description={editing ? undefined : t('form.usernameHint')}
                required={!editing}
                disabled={editing}
                autoComplete="off"
                data-testid="form-username"
                {...form.getInputProps('username')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('form.fullName')}
                required
                data-testid="form-fullName"
                {...form.getInputProps('fullName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('form.unit')}
                placeholder={t('form.unitPlaceholder')}
                required={!editing}
                disabled={editing}
                data={
                  editing && detail.data
                    ? [{ value: detail.data.unit.id, label: detail.data.unit.name }]
                    : units.map((u) => ({ value: u.value, label: u.label }))
                }
                searchable
                nothingFoundMessage={t('filters.noUnit')}
                comboboxProps={{ withinPortal: true }}
                data-testid="form-unit"
                {...form.getInputProps('unitId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('form.jobTitle')}
                placeholder={t('form.noJobTitle')}
                data={options.jobTitles.map((j) => ({ value: j.id, label: j.name }))}
                clearable
                searchable
                comboboxProps={{ withinPortal: true }}
                data-testid="form-jobTitle"
                {...form.getInputProps('jobTitleId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('form.email')}
                type="email"
                data-testid="form-email"
                {...form.getInputProps('email')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('form.phone')}
                description={t('form.phoneHint')}
                type="tel"
                data-testid="form-phone"
                {...form.getInputProps('phone')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('form.address')} autosize minRows={1} maxRows={3} {...form.getInputProps('address')} />
            </Grid.Col>
            {!editing && (
              <Grid.Col span={12}>
                <Input.Wrapper label={t('form.groups')}>
                  <GroupsEditor
                    value={form.values.groups}
                    onChange={(groups) => form.setFieldValue('groups', groups)}
                    options={options}
                    error={form.errors.groups as string | undefined}
                  />
                </Input.Wrapper>
              </Grid.Col>
            )}
          </Grid>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="form-submit">
              {editing ? t('form.save') : t('form.create')}
            </Button>
          </Group>
        </form>
      )}
    </Modal>
  );
}
