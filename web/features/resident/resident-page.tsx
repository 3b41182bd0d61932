import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconBellOff, IconExternalLink, IconPin } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../components/full-page-loader';
import { MeContext, useMe, useMeQuery } from '../../app/auth';
import { BADGE_META, useBadgeKeys, useBadges } from '../../app/badges';
import { applyLocale } from '../../app/i18n';
import { type RealtimeHandlers, useRealtime } from '../../app/realtime';
import { goToLogin } from '../../app/session';
import { notesQueryOptions } from '../notes/api';
import { noteStyle } from '../notes/note-colors';
import { NOTIFICATIONS_KEY, notificationsQueryOptions, useMarkRead } from './api';

/** Name of the main window, so links from the resident window reuse one tab. */
const MAIN_WINDOW = 'cloudoffice-main';

function openInMain(path: string) {
  const win = window.open(path, MAIN_WINDOW);
  win?.focus();
}

type Permission = NotificationPermission | 'unsupported';

function browserPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
});

function ResidentView() {
  const { t } = useTranslation('resident');
  const { t: ts } = useTranslation('shell');
  const me = useMe();
  const queryClient = useQueryClient();
  const badges = useBadges();
  const keys = useBadgeKeys();
  const notes = useQuery(notesQueryOptions);
  const list = useQuery(notificationsQueryOptions);
  const markRead = useMarkRead();
  const [permission, setPermission] = useState<Permission>(browserPermission);

  useEffect(() => {
    void applyLocale(me.preferences.locale);
    document.title = t('windowTitle');
  }, [me.preferences.locale, t]);

  const handlers = useMemo<RealtimeHandlers>(
    () => ({
      onSessionEnded: () => goToLogin('ended'),
      onNotification: ({ title, body, link }) => {
        void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
        if (browserPermission() !== 'granted') return;
        const alert = new Notification(title, { body, tag: `${title}|${body}` });
        alert.onclick = () => {
          window.focus();
          openInMain(link?.startsWith('/') ? link : '/');
          alert.close();
        };
      },
    }),
    [queryClient],
  );
  useRealtime(handlers);

  const askPermission = async () => {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
  };

  const pinned = (notes.data ?? []).filter((n) => n.pinned).slice(0, 5);
  const items = list.data?.items ?? [];

  return (
    <Box p="sm" maw={520} mx="auto" data-testid="resident-view" data-ready={badges !== undefined && list.isSuccess}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Box style={{ minWidth: 0 }}>
            <Title order={2} size="h4">
              {t('title')}
            </Title>
            <Text size="xs" c="dimmed" truncate>
              {me.fullName} · {me.unit.name}
            </Text>
          </Box>
          <Tooltip label={t('openMain')}>
            <ActionIcon variant="light" size="lg" aria-label={t('openMain')} onClick={() => openInMain('/')}>
              <IconExternalLink size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>

        {permission === 'granted' ? (
          <Alert color="teal" icon={<IconBell size={18} />} p="xs">
            <Text size="sm">{t('alertsOn')}</Text>
          </Alert>
        ) : permission === 'unsupported' ? (
          <Alert color="gray" icon={<IconBellOff size={18} />} p="xs">
            <Text size="sm">{t('alertsUnsupported')}</Text>
          </Alert>
        ) : (
          <Alert color="orange" icon={<IconBellOff size={18} />} p="xs">
            <Stack gap={6}>
              <Text size="sm">{permission === 'denied' ? t('alertsDenied') : t('alertsOff')}</Text>
              {permission === 'default' && (
                <Button size="xs" variant="white" color="orange" onClick={() => void askPermission()}>
                  {t('enableAlerts')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}

        <Group gap="xs" grow>
          {keys.map((key) => {
            const { icon: Icon, functionId, tab } = BADGE_META[key];
            const count = badges?.[key] ?? 0;
            const target = functionId ? `/app/${functionId}${tab ? `?tab=${tab}` : ''}` : '/?messages=1';
            return (
              <UnstyledButton
                key={key}
                onClick={() => openInMain(target)}
                data-testid={`resident-badge-${key}`}
                data-count={count}
                aria-label={`${ts(`badges.${key}`)}: ${count}`}
                title={ts(`badges.${key}`)}
              >
                <Paper withBorder p={6} radius="md" ta="center" bg={count > 0 ? 'blue.0' : undefined}>
                  <Icon
                    size={18}
                    stroke={1.7}
                    aria-hidden
                    color={count > 0 ? 'var(--mantine-color-blue-7)' : undefined}
                  />
                  <Text size="sm" fw={700} c={count > 0 ? 'blue.8' : 'dimmed'}>
                    {count}
                  </Text>
                </Paper>
              </UnstyledButton>
            );
          })}
        </Group>

        <Card withBorder padding="sm">
          <Group justify="space-between" mb={6}>
            <Text fw={600} size="sm">
              {t('notifications')}{' '}
              {list.data && list.data.unread > 0 && (
                <Badge size="sm" color="red" variant="filled">
                  {list.data.unread}
                </Badge>
              )}
            </Text>
            {list.data && list.data.unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate({})}>
                {t('markAllRead')}
              </Button>
            )}
          </Group>
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4}>
              {items.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('noNotifications')}
                </Text>
              )}
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  onClick={() => {
                    if (!n.readAt) markRead.mutate({ ids: [n.id] });
                    openInMain(n.link?.startsWith('/') ? n.link : '/');
                  }}
                >
                  <Paper p={6} radius="sm" bg={n.readAt ? undefined : 'blue.0'}>
                    <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
                      <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={1}>
                        {n.title}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {timeFormat.format(new Date(n.createdAt))}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {n.body}
                    </Text>
                  </Paper>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Card>

        <Card withBorder padding="sm">
          <Text fw={600} size="sm" mb={6}>
            {t('pinnedNotes')}
          </Text>
          <Stack gap={6}>
            {pinned.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('noPinnedNotes')}
              </Text>
            )}
            {pinned.map((n) => (
              <Paper key={n.id} p={6} radius="sm" style={noteStyle(n.color)}>
                <Group gap={4} wrap="nowrap" align="flex-start">
                  <IconPin size={14} aria-hidden />
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                    {n.text}
                  </Text>
                </Group>
              </Paper>
            ))}
          </Stack>
        </Card>
      </Stack>
    </Box>
  );
}

/**
 * Cửa sổ thường trực (Điều 3.7c): a compact page to keep open in a small window or tab. It holds
 * the real-time channel, shows the counters, the newest notifications and the pinned sticky
 * notes, and raises a browser notification for each new alert once the user allows it.
 */
export function ResidentPage() {
  const { data: me } = useMeQuery();
  useEffect(() => {
    if (me === null) goToLogin('expired');
  }, [me]);
  if (!me) return <FullPageLoader />;
  return (
    <MeContext.Provider value={me}>
      <ResidentView />
    </MeContext.Provider>
  );
}
