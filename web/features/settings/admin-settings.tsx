import { Alert, Center, Loader, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SETTING_SECTIONS } from '../../../contracts/settings';
import { hasErrorCode } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { adminSettingsQueryOptions } from './api';
import { SettingsSection } from './settings-section';

/** "Tùy chọn quản trị": every system setting, in sections that save on their own. */
export function AdminSettings() {
  const { t } = useTranslation(['settings', 'errors']);
  const query = useQuery(adminSettingsQueryOptions);
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} data-testid="settings-admin-error">
        {hasErrorCode(query.error, 'FORBIDDEN') ? t('settings:adminForbidden') : errorMessage(t, query.error)}
      </Alert>
    );
  }
  const items = Object.fromEntries(query.data.items.map((i) => [i.key, i]));
  return (
    <Stack gap="md" data-testid="settings-admin">
      {SETTING_SECTIONS.map((section) => (
        <SettingsSection key={section.id} id={section.id} keys={section.keys} items={items} />
      ))}
    </Stack>
  );
}
