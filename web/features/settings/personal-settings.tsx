import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../../contracts/auth';
import { FUNCTION_GROUPS } from '../../../contracts/functions';
import type { TNotifyChannel } from '../../../contracts/preferences';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { useIsOpenable, useVisibleFunctions } from '../../app/functions';
import { applyLocale } from '../../app/i18n';
import { useUpdatePreferences } from '../personal/api';

const HOME = '__home__';
const PAGE_SIZES = ['10', '20', '50', '100', '200'];

/** "Tùy chọn cá nhân": language, rows per page, the screen after sign-in, notification channels. */
export function PersonalSettings() {
  const { t } = useTranslation(['settings', 'functions', 'common', 'errors']);
  const me = useMe();
  const visible = useVisibleFunctions();
  const isOpenable = useIsOpenable();
  const update = useUpdatePreferences();
  const saved = me.preferences;
  const [locale, setLocale] = useState<TLocale>(saved.locale);
  const [pageSize, setPageSize] = useState(String(saved.pageSize));
  const [landing, setLanding] = useState(saved.landingFunction ?? HOME);
  const [channels, setChannels] = useState<string[]>(saved.notifyChannels);

  const dirty =
    locale !== saved.locale ||
    Number(pageSize) !== saved.pageSize ||
    (landing === HOME ? null : landing) !== saved.landingFunction ||
    [...channels].sort().join() !== [...saved.notifyChannels].sort().join();

  const landingData = [
    {
      group: t('settings:personal.landingHomeGroup'),
      items: [{ value: HOME, label: t('settings:personal.landingHome') }],
    },
    ...FUNCTION_GROUPS.map((group) => ({
      group: t(`functions:groups.${group}`),
      items: visible
        .filter((fn) => fn.group === group && isOpenable(fn.id))
        .map((fn) => ({ value: fn.id, label: t(`functions:${fn.id}`) })),
    })).filter((g) => g.items.length > 0),
  ];

  const submit = () =>
    update.mutate(
      {
        locale,
        pageSize: Number(pageSize),
        landingFunction: landing === HOME ? null : landing,
        notifyChannels: channels as TNotifyChannel[],
      },
      {
        onSuccess: async (prefs) => {
          await applyLocale(prefs.locale);
          notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('settings:personal.saved') });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} data-testid="settings-personal">
      <Title order={3} fz="lg">
        {t('settings:personal.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings:personal.description')}
      </Text>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
          <Select
            label={t('common:language')}
            description={t('settings:personal.languageHelp')}
            allowDeselect={false}
            data={[
              { value: 'vi', label: t('common:languages.vi') },
              { value: 'en', label: t('common:languages.en') },
            ]}
            value={locale}
            onChange={(v) => v && setLocale(v as TLocale)}
            data-testid="pref-locale"
          />
          <Select
            label={t('settings:personal.pageSize')}
            description={t('settings:personal.pageSizeHelp')}
            allowDeselect={false}
            data={PAGE_SIZES.map((n) => ({ value: n, label: t('settings:personal.rows', { count: Number(n) }) }))}
            value={pageSize}
            onChange={(v) => v && setPageSize(v)}
            data-testid="pref-page-size"
          />
          <Select
            label={t('settings:personal.landing')}
            description={t('settings:personal.landingHelp')}
            allowDeselect={false}
            searchable
            nothingFoundMessage={t('settings:personal.noFunction')}
            data={landingData}
            value={landing}
            onChange={(v) => v && setLanding(v)}
            data-testid="pref-landing"
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('settings:personal.channels')}
          description={t('settings:personal.channelsHelp')}
          value={channels}
          onChange={setChannels}
        >
          <Stack gap={8} mt={8}>
            <Checkbox
              value="email"
              label={t('settings:personal.email', { email: me.email ?? '' })}
              description={me.email ? undefined : t('settings:personal.needEmail')}
              disabled={!me.email}
              data-testid="pref-notify-email"
            />
            <Checkbox
              value="sms"
              label={t('settings:personal.sms', { phone: me.phone ?? '' })}
              description={me.phone ? undefined : t('settings:personal.needPhone')}
              disabled={!me.phone}
              data-testid="pref-notify-sms"
            />
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button onClick={submit} disabled={!dirty} loading={update.isPending} data-testid="pref-save">
            {t('settings:save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
