import { Alert, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconInfoCircle, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAccountProfile } from '../../../contracts/account';
import { hasErrorCode } from '../../app/api';
import { errorMessage } from '../../app/errors';
import i18n from '../../app/i18n';
import { useUpdateContact } from './api';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function Field({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  const { t } = useTranslation('account');
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId} c={value ? undefined : 'dimmed'}>
        {value || t('profile.none')}
      </Text>
    </div>
  );
}

/** "Thông tin": the profile as stored (read-only) and the e-mail, the one detail edited directly. */
export function ProfileTab({ profile, onPropose }: { profile: TAccountProfile; onPropose: () => void }) {
  const { t } = useTranslation(['account', 'common', 'errors']);
  const update = useUpdateContact();
  const form = useForm({
    initialValues: { email: profile.email ?? '' },
    validate: {
      email: (v) => (v.trim() === '' || EMAIL.test(v.trim()) ? null : i18n.t('account:profile.emailInvalid')),
    },
  });

  const save = form.onSubmit(({ email }) =>
    update.mutate(
      { email: email.trim() || null },
      {
        onSuccess: (next) => {
          form.setInitialValues({ email: next.email ?? '' });
          form.setValues({ email: next.email ?? '' });
          notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('account:profile.saved') });
        },
        onError: (error) => {
          if (hasErrorCode(error, 'VALIDATION_FAILED')) form.setFieldError('email', t('account:profile.emailInvalid'));
          else notifications.show({ color: 'red', message: errorMessage(t, error) });
        },
      },
    ),
  );

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="md" mb="md">
            {t('account:profile.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
            <Field label={t('account:fields.username')} value={profile.username} />
            <Field label={t('account:fields.fullName')} value={profile.fullName} />
            <Field label={t('account:fields.unit')} value={profile.unit.name} testId="profile-unit" />
            <Field
              label={t('account:fields.jobTitle')}
              value={profile.jobTitle?.name ?? null}
              testId="profile-job-title"
            />
            <Field label={t('account:fields.phone')} value={profile.phone} testId="profile-phone" />
            <Field label={t('account:fields.address')} value={profile.address} testId="profile-address" />
          </SimpleGrid>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md" mb={4}>
            {t('account:fields.groups')}
          </Text>
          <Group gap={6}>
            {profile.groups.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('account:profile.none')}
              </Text>
            )}
            {profile.groups.map((g) => (
              <Badge key={g.name} variant="light" radius="sm" tt="none" fw={500}>
                {g.name} · {t(`account:scopes.${g.scope}`)}
              </Badge>
            ))}
          </Group>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Paper withBorder radius="md" p="md" component="form" onSubmit={save} noValidate>
            <Title order={3} fz="md" mb="sm">
              {t('account:profile.contactTitle')}
            </Title>
            <TextInput
              label={t('account:fields.email')}
              type="email"
              leftSection={<IconMail size={16} aria-hidden />}
              maxLength={200}
              data-testid="profile-email"
              {...form.getInputProps('email')}
            />
            <Group justify="flex-end" mt="md">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()} data-testid="profile-save">
                {t('common:actions.save')}
              </Button>
            </Group>
          </Paper>
          <Alert
            variant="light"
            color="blue"
            icon={<IconInfoCircle aria-hidden />}
            title={t('account:profile.helpTitle')}
          >
            <Text size="sm">{t('account:profile.help')}</Text>
            <Button variant="light" size="compact-sm" mt="sm" onClick={onPropose} data-testid="profile-go-propose">
              {t('account:profile.goPropose')}
            </Button>
          </Alert>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
