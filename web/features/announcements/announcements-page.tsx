import { Grid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { ComposeForm } from './compose-form';
import { SentList } from './sent-list';

/** Function "Gửi thông báo" (Điều 3.2f): compose on the left, what was sent (with read receipts) on the right. */
export default function AnnouncementsPage() {
  const { t } = useTranslation(['announcements', 'functions']);
  return (
    <div data-testid="page-announcements">
      <PageHeader title={t('functions:announcements')} description={t('announcements:description')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ComposeForm />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SentList />
        </Grid.Col>
      </Grid>
    </div>
  );
}
