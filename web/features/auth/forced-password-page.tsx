import { Alert, Button, Group, Text } from '@mantine/core';
import { IconLock, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { logoutRequest, ME_QUERY_KEY, meQueryOptions, useMeQuery } from '../../app/auth';
import { goToLogin } from '../../app/session';
import { FullPageLoader } from '../../components/full-page-loader';
import { ChangePasswordForm } from '../personal/change-password-form';
import { AuthCard } from './auth-card';

/**
 * "Đổi mật khẩu lần đầu" `/change-password-required`: the only page a user whose account
 * must change its password can use; on success the user is re-read and sent home.
 */
export function ForcedPasswordPage() {
  const { t } = useTranslation('auth');
  const { data: me } = useMeQuery();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (!me) return <FullPageLoader />;

  const onChanged = async () => {
    await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    const fresh = await queryClient.fetchQuery(meQueryOptions);
    if (fresh && !fresh.mustChangePassword) await navigate({ to: '/' });
  };

  return (
    <AuthCard title={t('forced.title')}>
      <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} data-testid="forced-explanation">
        {t('forced.explanation')}
      </Alert>
      <Text size="sm" c="dimmed">
        {t('forced.signedInAs', { name: me.fullName, username: me.username })}
      </Text>
      <ChangePasswordForm onSuccess={onChanged} />
      <Group justify="center">
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconLogout size={16} aria-hidden />}
          data-testid="forced-logout"
          onClick={async () => {
            await logoutRequest();
            goToLogin();
          }}
        >
          {t('forced.logout')}
        </Button>
      </Group>
    </AuthCard>
  );
}
