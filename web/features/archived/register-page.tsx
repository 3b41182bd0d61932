import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TArchivedDetail } from '../../../contracts/archived';
import { useMe } from '../../app/auth';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { archivedSearchQuery, useCreateArchived } from './api';
import { ArchivedForm, metadataOf } from './archived-form';
import { ArchivedList } from './archived-list';
import { ArchivedDrawer } from './archived-view';

/** Nhập văn bản lưu (Điều 3.1d): the entry form and the documents entered last. */
export default function ArchivedRegisterPage() {
  const { t } = useTranslation(['archived', 'functions']);
  const me = useMe();
  const isPhone = useIsPhone();
  const create = useCreateArchived();
  const [saved, setSaved] = useState<TArchivedDetail | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const recent = useQuery(archivedSearchQuery({ page: 1, pageSize: 8 }));

  return (
    <div data-testid="page-archived-register">
      <PageHeader
        title={t('functions:archived-register')}
        description={t('register.description', { unit: me.unit.name })}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder radius="md" p={isPhone ? 'sm' : 'md'}>
            <Stack gap="sm">
              {saved && (
                <Alert
                  color="green"
                  variant="light"
                  icon={<IconCheck size={18} aria-hidden />}
                  withCloseButton
                  onClose={() => setSaved(null)}
                  data-testid="archived-saved"
                >
                  <Group gap="xs" justify="space-between">
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {t('register.saved', { subject: saved.subject })}
                    </Text>
                    <Button size="compact-xs" variant="white" onClick={() => setOpenId(saved.id)}>
                      {t('register.open')}
                    </Button>
                  </Group>
                </Alert>
              )}
              <ArchivedForm
                submitLabel={t('register.save')}
                loading={create.isPending}
                save={(v, done) =>
                  create.mutate(
                    { ...metadataOf(v), fileIds: v.files.map((f) => f.id) },
                    {
                      onSuccess: (doc) => {
                        setSaved(doc);
                        notifications.show({ color: 'green', message: t('register.saved', { subject: doc.subject }) });
                        done.ok();
                      },
                      onError: done.fail,
                    },
                  )
                }
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('register.recentTitle')}
            </Title>
            <ArchivedList
              rows={recent.data?.items ?? []}
              onOpen={setOpenId}
              loading={recent.isPending}
              emptyText={t('register.recentEmpty')}
              cards
              data-testid="archived-recent"
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <ArchivedDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
