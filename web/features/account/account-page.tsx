import { Alert, Badge, Center, Loader, Tabs } from '@mantine/core';
import { IconAlertCircle, IconChecklist, IconFilePencil, IconId, IconUserShare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { useBadges } from '../../app/badges';
import { errorMessage } from '../../app/errors';
import { useActiveFunctionId } from '../../app/tabs/navigation';
import { PageHeader } from '../../components/page-header';
import { isAccountTab, type TAccountTab } from './account-format';
import { accountQueryOptions } from './api';
import { DelegationsTab } from './delegations-tab';
import { ProfileTab } from './profile-tab';
import { ProposalsTab } from './proposals-tab';
import { ReviewTab } from './review-tab';

/**
 * Function "Thông tin tài khoản" (Điều 3.5a): own profile and e-mail, proposals of changes,
 * delegations; for holders of admin.users also "Duyệt đề xuất" (Điều 3.7f). `?tab=` picks the
 * tab, so the top-bar counter can open the queue directly.
 */
export default function AccountPage() {
  const { t } = useTranslation(['account', 'functions']);
  const me = useMe();
  const canReview = me.permissions.includes('admin.users');
  const profile = useQuery(accountQueryOptions);
  const badges = useBadges();
  const navigate = useNavigate();
  const isActive = useActiveFunctionId() === 'account';
  const requested = useRouterState({ select: (s) => (s.location.search as { tab?: unknown }).tab });
  const [tab, setTab] = useState<TAccountTab>('profile');

  useEffect(() => {
    if (isActive && isAccountTab(requested) && (requested !== 'review' || canReview)) setTab(requested);
  }, [isActive, requested, canReview]);

  const choose = (value: string | null) => {
    if (!isAccountTab(value)) return;
    setTab(value);
    void navigate({ to: '/app/$functionId', params: { functionId: 'account' }, search: { tab: value }, replace: true });
  };

  return (
    <div data-testid="page-account">
      <PageHeader title={t('functions:account')} description={t('account:description')} />
      {profile.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t, profile.error)}
        </Alert>
      )}
      {profile.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        profile.data && (
          <Tabs value={tab} onChange={choose} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="profile" leftSection={<IconId size={16} />} data-testid="account-tab-profile">
                {t('account:tabs.profile')}
              </Tabs.Tab>
              <Tabs.Tab
                value="proposals"
                leftSection={<IconFilePencil size={16} />}
                data-testid="account-tab-proposals"
              >
                {t('account:tabs.proposals')}
              </Tabs.Tab>
              <Tabs.Tab
                value="delegations"
                leftSection={<IconUserShare size={16} />}
                data-testid="account-tab-delegations"
              >
                {t('account:tabs.delegations')}
              </Tabs.Tab>
              {canReview && (
                <Tabs.Tab
                  value="review"
                  leftSection={<IconChecklist size={16} />}
                  rightSection={
                    badges?.accountRequests ? (
                      <Badge size="sm" color="red" circle>
                        {badges.accountRequests}
                      </Badge>
                    ) : null
                  }
                  data-testid="account-tab-review"
                >
                  {t('account:tabs.review')}
                </Tabs.Tab>
              )}
            </Tabs.List>
            <Tabs.Panel value="profile">
              <ProfileTab profile={profile.data} onPropose={() => choose('proposals')} />
            </Tabs.Panel>
            <Tabs.Panel value="proposals">
              <ProposalsTab profile={profile.data} />
            </Tabs.Panel>
            <Tabs.Panel value="delegations">
              <DelegationsTab profile={profile.data} />
            </Tabs.Panel>
            {canReview && (
              <Tabs.Panel value="review">
                <ReviewTab />
              </Tabs.Panel>
            )}
          </Tabs>
        )
      )}
    </div>
  );
}
