import { Button, Grid, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type TAccountProfile, vietnamDate } from '../../../contracts/account';
import { ApiError, hasErrorCode } from '../../app/api';
import { errorMessage } from '../../app/errors';
import i18n from '../../app/i18n';
import { weekdayDate } from './account-format';
import { useDelegate } from './api';
import { DelegatePicker } from './delegate-picker';

interface Values {
  toUserId: string | null;
  startsOn: string;
  endsOn: string;
  note: string;
}

const msg = (key: string) => i18n.t(`account:delegations.errors.${key}`);

/** Gives a delegation: to whom, from which day to which day (dd/mm/yyyy in the browser), and why. */
export function DelegationForm({ profile }: { profile: TAccountProfile }) {
  const { t, i18n: tr } = useTranslation(['account', 'errors']);
  const delegate = useDelegate();
  const today = vietnamDate(new Date());
  const form = useForm<Values>({
    initialValues: { toUserId: null, startsOn: today, endsOn: today, note: '' },
    validate: {
      toUserId: (v) => (v ? null : msg('toRequired')),
      startsOn: (v) => (!v ? msg('dateRequired') : v < today ? msg('past') : null),
      endsOn: (v, all) => (!v ? msg('dateRequired') : v < all.startsOn ? msg('endBeforeStart') : null),
    },
  });

  const submit = form.onSubmit((v) =>
    delegate.mutate(
      { toUserId: v.toUserId as string, startsOn: v.startsOn, endsOn: v.endsOn, note: v.note.trim() || undefined },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('account:delegations.given'),
          });
        },
        onError: (error) => {
          if (hasErrorCode(error, 'DUPLICATE')) form.setFieldError('startsOn', msg('overlap'));
          else if (error instanceof ApiError && error.fields[0]?.path === 'body.toUserId')
            form.setFieldError('toUserId', msg('toInvalid'));
          else if (error instanceof ApiError && error.fields[0]?.path === 'body.startsOn')
            form.setFieldError('startsOn', msg('past'));
          else if (error instanceof ApiError && error.fields[0]?.path === 'body.endsOn')
            form.setFieldError('endsOn', msg('endBeforeStart'));
          else notifications.show({ color: 'red', message: errorMessage(t, error) });
        },
      },
    ),
  );

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="delegation-form">
      <Title order={3} fz="md" mb={4}>
        {t('account:delegations.formTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('account:delegations.formHint')}
      </Text>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DelegatePicker
            unitId={profile.unit.id}
            selfId={profile.id}
            value={form.values.toUserId}
            error={form.errors.toUserId as string | undefined}
            onChange={(id) => form.setFieldValue('toUserId', id)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput
            type="date"
            label={t('account:delegations.startsOn')}
            withAsterisk
            min={today}
            description={weekdayDate(form.values.startsOn, tr.language)}
            data-testid="delegation-starts"
            {...form.getInputProps('startsOn')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput
            type="date"
            label={t('account:delegations.endsOn')}
            withAsterisk
            min={form.values.startsOn || today}
            description={weekdayDate(form.values.endsOn, tr.language)}
            data-testid="delegation-ends"
            {...form.getInputProps('endsOn')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TextInput
            label={t('account:delegations.note')}
            placeholder={t('account:delegations.notePlaceholder')}
            maxLength={300}
            data-testid="delegation-note"
            {...form.getInputProps('note')}
          />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={delegate.isPending} data-testid="delegation-submit">
          {t('account:delegations.submit')}
        </Button>
      </Group>
    </Paper>
  );
}
