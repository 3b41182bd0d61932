import { Badge, Tabs } from '@mantine/core';
import { IconFilePlus, IconInbox } from '@tabler/icons-react';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../app/media';
import { useInbox } from '../api';
import { ExchangeInbox } from './inbox-panel';

const PATH = '/app/incoming-register';

/**
 * The two ways a document comes in, as tabs of "Nhập văn bản đến": typed in by the clerk, or
 * sent by another unit through the system ("Văn bản điện tử đến", with the number waiting).
 * `?tab=exchange` (a notification's link) opens the second once.
 */
export function RegisterTabs({ entry }: { entry: ReactNode }) {
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  const inbox = useInbox(true);
  const waiting = (inbox.data ?? []).filter(
    (i) => (i.status === 'arrived' && !i.incomingId && !i.recallState) || i.recallState === 'requested',
  ).length;
  const [tab, setTab] = useState<string>('entry');

  const navigate = useNavigate();
  const location = useRouterState({ select: (s) => ({ pathname: s.location.pathname, search: s.location.search }) });
  const tabParam = (location.search as { tab?: unknown }).tab;
  const linked = location.pathname === PATH && tabParam !== undefined;
  useEffect(() => {
    if (!linked) return;
    if (tabParam === 'exchange') setTab('exchange');
    void navigate({ to: '/app/$functionId', params: { functionId: 'incoming-register' }, search: {}, replace: true });
  }, [linked, tabParam, navigate]);

  return (
    <Tabs value={tab} onChange={(v) => v && setTab(v)} data-testid="register-tabs">
      <Tabs.List mb="md" style={{ flexWrap: 'nowrap' }}>
        <Tabs.Tab
          value="entry"
          leftSection={isPhone ? undefined : <IconFilePlus size={16} aria-hidden />}
          px={isPhone ? 'xs' : undefined}
          data-testid="register-tab-entry"
        >
          {t('exchange.tabEntry')}
        </Tabs.Tab>
        <Tabs.Tab
          value="exchange"
          leftSection={isPhone ? undefined : <IconInbox size={16} aria-hidden />}
          px={isPhone ? 'xs' : undefined}
          rightSection={
            waiting > 0 ? (
              <Badge size="sm" circle={waiting < 10} color="red" data-testid="register-tab-exchange-count">
                {waiting > 99 ? '99+' : waiting}
              </Badge>
            ) : undefined
          }
          data-testid="register-tab-exchange"
        >
          {t('exchange.tabInbox')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="entry">{entry}</Tabs.Panel>
      <Tabs.Panel value="exchange">{tab === 'exchange' && <ExchangeInbox />}</Tabs.Panel>
    </Tabs>
  );
}
