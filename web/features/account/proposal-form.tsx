import { Alert, Button, Grid, Group, Paper, Select, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compactPhone, isValidPhone, type TAccountProfile, type TProposalCreate } from '../../../contracts/account';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import i18n from '../../app/i18n';
import { unitOptionsQueryOptions } from '../directory/api';
import { unitTree } from '../directory/unit-filter';
import { jobTitlesQueryOptions, usePropose } from './api';

interface Values {
  unitId: string | null;
  jobTitleId: string | null;
  address: string;
  phone: string;
  reason: string;
}

const EMPTY: Values = { unitId: null, jobTitleId: null, address: '', phone: '', reason: '' };
const FIELD_OF: Record<string, keyof Values> = {
  'body.unitId': 'unitId',
  'body.jobTitleId': 'jobTitleId',
  'body.address': 'address',
  'body.phone': 'phone',
  'body.reason': 'reason',
};

const msg = (key: string) => i18n.t(`account:proposals.errors.${key}`);

/** The proposal form: leave a field empty to keep it; at least one change and a reason. */
export function ProposalForm({ profile, disabled }: { profile: TAccountProfile; disabled: boolean }) {
  const { t } = useTranslation(['account', 'errors']);
  const propose = usePropose();
  const units = useQuery(unitOptionsQueryOptions);
  const titles = useQuery(jobTitlesQueryOptions);
  const unitOptions = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const depth = useMemo(() => new Map(unitOptions.map((o) => [o.value, o.depth])), [unitOptions]);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: {
      unitId: (v) => (v && v === profile.unit.id ? msg('unchanged') : null),
      jobTitleId: (v) => (v && v === profile.jobTitle?.id ? msg('unchanged') : null),
      address: (v) => (v.trim() && v.trim() === profile.address ? msg('unchanged') : null),
      phone: (v) => {
        if (!v.trim()) return null;
        if (!isValidPhone(v)) return msg('phone');
        return profile.phone && compactPhone(v) === compactPhone(profile.phone) ? msg('unchanged') : null;
      },
      reason: (v) => (v.trim() ? null : msg('reasonRequired')),
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const body: TProposalCreate = { reason: v.reason.trim() };
    if (v.unitId) body.unitId = v.unitId;
    if (v.jobTitleId) body.jobTitleId = v.jobTitleId;
    if (v.address.trim()) body.address = v.address.trim();
    if (v.phone.trim()) body.phone = v.phone.trim();
    if (Object.keys(body).length === 1) {
      setFormError(msg('noChange'));
      return;
    }
    propose.mutate(body, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('account:proposals.sent') });
      },
      onError: (error) => {
        const field = error instanceof ApiError ? error.fields.map((f) => FIELD_OF[f.path]).find(Boolean) : undefined;
        if (field) {
          const reason = error instanceof ApiError ? error.details.reason : undefined;
          form.setFieldError(field, reason === 'UNCHANGED' ? msg('unchanged') : msg(field));
        } else setFormError(errorMessage(t, error));
      },
    });
  });

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="proposal-form">
      <Title order={3} fz="md" mb={4}>
        {t('account:proposals.formTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('account:proposals.formHint')}
      </Text>
      {disabled && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} mb="md">
          {t('account:proposals.pendingExists')}
        </Alert>
      )}
      <fieldset disabled={disabled} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('account:fields.unit')}
              placeholder={profile.unit.name}
              data={unitOptions.map(({ value, label }) => ({ value, label }))}
              searchable
              clearable
              nothingFoundMessage={t('account:proposals.nothingFound')}
              renderOption={({ option }) => (
                <span style={{ paddingLeft: (depth.get(option.value) ?? 0) * 14 }}>{option.label}</span>
              )}
              comboboxProps={{ withinPortal: true }}
              data-testid="proposal-unit"
              {...form.getInputProps('unitId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('account:fields.jobTitle')}
              placeholder={profile.jobTitle?.name ?? t('account:profile.none')}
              data={(titles.data ?? []).map((j) => ({ value: j.id, label: j.name }))}
              searchable
              clearable
              nothingFoundMessage={t('account:proposals.nothingFound')}
              comboboxProps={{ withinPortal: true }}
              data-testid="proposal-job-title"
              {...form.getInputProps('jobTitleId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('account:fields.phone')}
              placeholder={profile.phone ?? '0912 345 678'}
              description={t('account:proposals.phoneHint')}
              inputMode="tel"
              maxLength={30}
              data-testid="proposal-phone"
              {...form.getInputProps('phone')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('account:fields.address')}
              placeholder={profile.address ?? ''}
              description={t('account:proposals.addressHint')}
              maxLength={300}
              data-testid="proposal-address"
              {...form.getInputProps('address')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('account:proposals.reason')}
              withAsterisk
              autosize
              minRows={2}
              maxLength={500}
              data-testid="proposal-reason"
              {...form.getInputProps('reason')}
            />
          </Grid.Col>
        </Grid>
        {formError && (
          <Text c="red" size="sm" mt="sm" role="alert" data-testid="proposal-error">
            {formError}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={propose.isPending} disabled={disabled} data-testid="proposal-submit">
            {t('account:proposals.submit')}
          </Button>
        </Group>
      </fieldset>
    </Paper>
  );
}
