import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import i18n from '../../app/i18n';

/** Name and description of a group, as the form edits them. */
export interface GroupFormValues {
  name: string;
  description: string;
}

/**
 * Modal form for creating, renaming or copying a group. `onSubmit` calls the API; a DUPLICATE
 * answer shows under the name field, other errors above the buttons.
 */
export function GroupFormModal(props: GroupFormProps & { opened: boolean; title: string }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered size="lg">
      {/* The form lives inside the modal's content, so each opening starts from fresh values. */}
      <GroupForm mode={props.mode} initial={props.initial} onClose={props.onClose} onSubmit={props.onSubmit} />
    </Modal>
  );
}

interface GroupFormProps {
  mode: 'create' | 'edit' | 'copy';
  initial: GroupFormValues;
  onClose: () => void;
  onSubmit: (values: { name: string; description: string | null }) => Promise<unknown>;
}

function GroupForm(props: GroupFormProps) {
  const { t } = useTranslation(['adminAccess', 'common', 'errors']);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<GroupFormValues>({
    initialValues: props.initial,
    validate: {
      name: (v) => {
        if (!v.trim()) return i18n.t('adminAccess:groups.form.nameRequired');
        return v.trim().length > 150 ? i18n.t('adminAccess:groups.form.nameTooLong') : null;
      },
      description: (v) => (v.trim().length > 500 ? i18n.t('adminAccess:groups.form.descriptionTooLong') : null),
    },
  });
  const submit = async (values: GroupFormValues) => {
    setFormError(null);
    setBusy(true);
    try {
      await props.onSubmit({ name: values.name.trim(), description: values.description.trim() || null });
      props.onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DUPLICATE') {
        form.setFieldError('name', t('adminAccess:groups.form.nameTaken'));
      } else setFormError(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="group-form">
      <Stack gap="sm">
        {props.mode === 'copy' && (
          <Text size="sm" c="dimmed">
            {t('adminAccess:groups.form.copyHint')}
          </Text>
        )}
        <TextInput
          label={t('adminAccess:groups.form.name')}
          placeholder={t('adminAccess:groups.form.namePlaceholder')}
          withAsterisk
          data-autofocus
          data-testid="group-form-name"
          {...form.getInputProps('name')}
        />
        {props.mode !== 'copy' && (
          <Textarea
            label={t('adminAccess:groups.form.descriptionLabel')}
            autosize
            minRows={2}
            maxRows={6}
            data-testid="group-form-description"
            {...form.getInputProps('description')}
          />
        )}
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="group-form-submit">
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
