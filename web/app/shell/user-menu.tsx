import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import {
  IconBellRinging,
  IconCheck,
  IconId,
  IconKey,
  IconLanguage,
  IconLogout,
  IconStar,
  IconUserShare,
  IconUserX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type TLocale, type TMe } from '../../../contracts/auth';
import { switchActingFor } from '../acting-for';
import { apiFetch } from '../api';
import { ME_QUERY_KEY, useMe } from '../auth';
import { delegationsQueryOptions } from '../delegations-query';
import { useIsOpenable } from '../functions';
import { applyLocale } from '../i18n';
import { useSignOut } from '../sign-out';
import { useOpenFunction } from '../tabs/navigation';
import classes from './shell.module.css';

function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? words[words.length - 1][0] : '';
  return (first + last).toUpperCase();
}

/** Saves the UI language in the signed-in user's preferences and switches to it at once. */
function useChangeLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: TLocale) =>
      apiFetch<TMe['preferences']>('/api/me/preferences', { method: 'PATCH', body: { locale } }),
    onMutate: (locale) => applyLocale(locale),
    onError: () => {
      const me = queryClient.getQueryData<TMe | null>(ME_QUERY_KEY);
      if (me) void applyLocale(me.preferences.locale);
    },
    onSuccess: (preferences) => {
      queryClient.setQueryData<TMe | null>(ME_QUERY_KEY, (me) => (me ? { ...me, preferences } : me));
    },
  });
}

const SHORTCUTS = [
  { id: 'account', icon: IconId },
  { id: 'change-password', icon: IconKey },
  { id: 'favourites', icon: IconStar },
] as const;

/** YYYY-MM-DD → dd/mm/yyyy. */
function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/**
 * "Làm việc thay": the delegations received that hold today; choosing one makes this browser
 * tab work with that person's rights (ủy quyền). Loaded when the menu first opens.
 */
function ActingForItems({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation('shell');
  const me = useMe();
  const delegations = useQuery({ ...delegationsQueryOptions, enabled });
  const active = (delegations.data?.received ?? []).filter((d) => d.status === 'active');
  if (active.length === 0 && !me.actingFor) return null;
  return (
    <>
      <Menu.Divider />
      <Menu.Label>{t('actingFor.menuLabel')}</Menu.Label>
      {active.map((d) => (
        <Menu.Item
          key={d.id}
          data-testid={`act-for-${d.from.id}`}
          leftSection={me.actingFor?.userId === d.from.id ? <IconCheck size={16} /> : <IconUserShare size={16} />}
          onClick={() => switchActingFor({ userId: d.from.id, fullName: d.from.fullName, endsOn: d.endsOn })}
        >
          <Text size="sm">{t('actingFor.actAs', { name: d.from.fullName })}</Text>
          <Text size="xs" c="dimmed">
            {t('actingFor.actAsUntil', { date: dmy(d.endsOn) })}
          </Text>
        </Menu.Item>
      ))}
      {me.actingFor && (
        <Menu.Item color="orange" leftSection={<IconUserX size={16} />} onClick={() => switchActingFor(null)}>
          {t('actingFor.stop')}
        </Menu.Item>
      )}
    </>
  );
}

/** The user's name and unit; opens a menu with personal shortcuts, delegations, language and sign-out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t, i18n } = useTranslation(['shell', 'functions', 'common', 'resident']);
  const me = useMe();
  const isOpenable = useIsOpenable();
  const openFunction = useOpenFunction();
  const signOut = useSignOut();
  const changeLocale = useChangeLocale();
  const [opened, setOpened] = useState(false);

  return (
    <Menu position="bottom-end" width={260} withArrow shadow="md" opened={opened} onChange={setOpened}>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={t('shell:userMenu')} data-testid="user-menu">
          <Avatar color="blue" radius="xl" size={compact ? 30 : 36}>
            {initials(me.fullName)}
          </Avatar>
          {!compact && (
            <span className={classes.userText}>
              <Text size="sm" fw={600} className={classes.ellipsis} data-testid="user-name">
                {me.fullName}
              </Text>
              <Text size="xs" c="dimmed" className={classes.ellipsis}>
                {me.unit.name}
              </Text>
            </span>
          )}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.fullName}
          </Text>
          {me.jobTitle && <Text size="xs">{me.jobTitle}</Text>}
          <Text size="xs">{me.unit.name}</Text>
        </Menu.Label>
        <Menu.Divider />
        {SHORTCUTS.filter(({ id }) => isOpenable(id)).map(({ id, icon: Icon }) => (
          <Menu.Item key={id} leftSection={<Icon size={16} />} onClick={() => openFunction(id)}>
            {t(`functions:${id}`)}
          </Menu.Item>
        ))}
        <Menu.Item
          leftSection={<IconBellRinging size={16} />}
          data-testid="open-resident"
          onClick={() => window.open('/resident', 'cloudoffice-resident', 'width=440,height=720')}
        >
          {t('resident:openResident')}
        </Menu.Item>
        <ActingForItems enabled={opened || Boolean(me.actingFor)} />
        <Menu.Divider />
        <Menu.Label>
          <IconLanguage size={12} style={{ verticalAlign: 'middle', marginRight: 4 }} aria-hidden />
          {t('common:language')}
        </Menu.Label>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            data-testid={`locale-${locale}`}
            leftSection={i18n.language === locale ? <IconCheck size={16} /> : <span style={{ width: 16 }} />}
            onClick={() => changeLocale.mutate(locale)}
          >
            {t(`common:languages.${locale}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          {t('shell:logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
