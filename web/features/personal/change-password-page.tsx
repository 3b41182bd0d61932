import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { ChangePasswordForm } from './change-password-form';

/** Function "Đổi mật khẩu" (Điều 3.5b) as a workspace tab. */
export default function ChangePasswordPage() {
  const { t } = useTranslation(['functions', 'personal']);
  return (
    <div data-testid="page-change-password">
      <PageHeader title={t('functions:change-password')} description={t('personal:changePassword.description')} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={520}>
        <ChangePasswordForm />
      </Paper>
    </div>
  );
}
