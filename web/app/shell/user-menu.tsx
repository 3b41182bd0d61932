import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconKey, IconLanguage, IconLogout, IconStar } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES, type TLocale, type TMe } from '../../../contracts/auth';
import { apiFetch } from '../api';
import { ME_QUERY_KEY, useMe } from '../auth';
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

/** The user's name and unit; opens a menu with personal shortcuts, language and sign-out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t, i18n } = useTranslation(['shell', 'functions', 'common']);
  const me = useMe();
  const isOpenable = useIsOpenable();
  const openFunction = useOpenFunction();
  const signOut = useSignOut();
  const changeLocale = useChangeLocale();

  return (
    <Menu position="bottom-end" width={260} withArrow shadow="md">
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
        {(['change-password', 'favourites'] as const)
          .filter((id) => isOpenable(id))
          .map((id) => (
            <Menu.Item
              key={id}
              leftSection={id === 'favourites' ? <IconStar size={16} /> : <IconKey size={16} />}
              onClick={() => openFunction(id)}
            >
              {t(`functions:${id}`)}
            </Menu.Item>
          ))}
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
