import { Anchor, AppShell, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Outlet, useRouter } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../components/full-page-loader';
import { MeContext, useMe, useMeQuery } from '../auth';
import { applyLocale } from '../i18n';
import { type RealtimeHandlers, useRealtime } from '../realtime';
import { goToLogin } from '../session';
import { TabsProvider } from '../tabs/tabs-context';
import { Workspace } from '../tabs/workspace';
import { ActingForBanner } from './acting-for-banner';
import { NavMenu } from './nav-menu';
import { HEADER_HEIGHT, TopBar } from './top-bar';

function ShellFrame() {
  const { t } = useTranslation('shell');
  const me = useMe();
  const router = useRouter();
  const [navOpened, nav] = useDisclosure(false);

  useEffect(() => {
    void applyLocale(me.preferences.locale);
  }, [me.preferences.locale]);

  const realtimeHandlers = useMemo<RealtimeHandlers>(
    () => ({
      onSessionEnded: () => goToLogin('ended'),
      onNotification: ({ title, body, link }) => {
        const internal = link?.startsWith('/') && !link.startsWith('//') ? link : undefined;
        notifications.show({
          title: title || t('realtimeNotice'),
          autoClose: 8000,
          message: internal ? (
            <Stack gap={2}>
              <Text size="sm">{body}</Text>
              <Anchor
                size="sm"
                href={internal}
                onClick={(event) => {
                  event.preventDefault();
                  router.history.push(internal);
                }}
              >
                {t('openLink')}
              </Anchor>
            </Stack>
          ) : (
            body
          ),
        });
      },
    }),
    [router, t],
  );
  useRealtime(realtimeHandlers);

  return (
    <AppShell
      header={{ height: HEADER_HEIGHT }}
      navbar={{ width: { sm: 272, lg: 312 }, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={0}
    >
      <AppShell.Header>
        <TopBar navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar aria-label={t('navLabel')}>
        <NavMenu onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <ActingForBanner />
        <Workspace>
          <Outlet />
        </Workspace>
      </AppShell.Main>
    </AppShell>
  );
}

/** Layout of every signed-in route: header, left menu and the tabs workspace around the route's content. */
export function AppLayout() {
  const { data: me } = useMeQuery();
  useEffect(() => {
    // The session vanished while the shell was open (expired, revoked): back to sign-in with a notice.
    if (me === null) goToLogin('expired');
  }, [me]);
  if (!me) return <FullPageLoader />;
  return (
    <MeContext.Provider value={me}>
      <TabsProvider key={me.id} userId={me.id}>
        <ShellFrame />
      </TabsProvider>
    </MeContext.Provider>
  );
}
