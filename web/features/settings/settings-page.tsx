import { Tabs } from '@mantine/core';
import { IconSettings, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { AdminSettings } from './admin-settings';
import { PersonalSettings } from './personal-settings';

/** Permission that shows the "Tùy chọn quản trị" tab. */
const ADMIN_PERMISSION = 'admin.settings';

/**
 * Function "Cài đặt tùy chọn" (Điều 3.6a): "Tùy chọn cá nhân" for everyone, "Tùy chọn quản
 * trị" only for system administrators.
 */
export default function SettingsPage() {
  const { t } = useTranslation(['settings', 'functions']);
  const me = useMe();
  const isAdmin = me.permissions.includes(ADMIN_PERMISSION);
  const [tab, setTab] = useState<string | null>('personal');
  return (
    <div data-testid="page-admin-settings">
      <PageHeader title={t('functions:admin-settings')} description={t('settings:description')} />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="personal" leftSection={<IconUser size={16} />} data-testid="settings-tab-personal">
            {t('settings:tabs.personal')}
          </Tabs.Tab>
          {isAdmin && (
            <Tabs.Tab value="admin" leftSection={<IconSettings size={16} />} data-testid="settings-tab-admin">
              {t('settings:tabs.admin')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="personal">
          <PersonalSettings />
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="admin">
            <AdminSettings />
          </Tabs.Panel>
        )}
      </Tabs>
    </div>
  );
}
