import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../components/brand';
import classes from './auth.module.css';

/** Centered card with the logo, a title and the organisation, for the sign-in and first-password pages. */
export function AuthCard({ title, toolbar, children }: { title: string; toolbar?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation(['common', 'auth']);
  return (
    <main className={classes.page}>
      <Paper className={classes.card} withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Brand size="lg" withName={false} />
            {toolbar}
          </Group>
          <Stack gap={4}>
            <Title order={1} fz={{ base: 22, sm: 26 }} c="blue.9">
              {title}
            </Title>
            <Text c="dimmed" size="sm">
              {t('common:organisation')}
            </Text>
          </Stack>
          {children}
        </Stack>
      </Paper>
      <p className={classes.footer}>
        {t('common:appName')} · {t('auth:login.footer')}
      </p>
    </main>
  );
}
