import { Alert, Button, PasswordInput, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblems, type TPasswordPolicy } from '../../../contracts/auth';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import i18n from '../../app/i18n';
import { passwordPolicyQueryOptions, useChangePassword } from './api';
import { PasswordRules } from './password-rules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function weakMessage(problems: readonly string[], policy: TPasswordPolicy | undefined): string {
  const rules = problems
    .map((rule) => i18n.t(`personal:changePassword.rules.${rule}`, { min: policy?.minLength ?? '' }).toLowerCase())
    .join(', ');
  return i18n.t('personal:changePassword.errors.weak', { rules });
}

/**
 * Current / new / confirm password form with the live strength checklist (Điều 3.5b). Used by
 * the "Đổi mật khẩu" function and by the forced first-password page.
 */
export function ChangePasswordForm({ onSuccess }: { onSuccess?: () => void | Promise<void> }) {
  const { t } = useTranslation(['personal', 'errors']);
  const policyQuery = useQuery(passwordPolicyQueryOptions);
  const policy = policyQuery.data;
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : i18n.t('personal:changePassword.errors.currentRequired')),
      newPassword: (value, values) => {
        if (!value) return i18n.t('personal:changePassword.errors.newRequired');
        const problems = policy ? passwordProblems(value, policy) : [];
        if (problems.length > 0) return weakMessage(problems, policy);
        if (value === values.currentPassword) return i18n.t('personal:changePassword.errors.sameAsCurrent');
        return null;
      },
      confirmPassword: (value, values) => {
        if (!value) return i18n.t('personal:changePassword.errors.confirmRequired');
        return value === values.newPassword ? null : i18n.t('personal:changePassword.errors.mismatch');
      },
    },
  });

  const submit = (values: Values) => {
    setFormError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: async () => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            title: t('changePassword.successTitle'),
            message: t('changePassword.success'),
          });
          form.reset();
          await onSuccess?.();
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return setFormError(errorMessage(t, error));
          if (error.code === 'WRONG_CURRENT_PASSWORD') form.setFieldError('currentPassword', errorMessage(t, error));
          else if (error.code === 'PASSWORD_REUSED') form.setFieldError('newPassword', errorMessage(t, error));
          else if (error.code === 'WEAK_PASSWORD') {
            const problems = Array.isArray(error.details.problems) ? error.details.problems.map(String) : [];
            form.setFieldError('newPassword', problems.length ? weakMessage(problems, policy) : errorMessage(t, error));
          } else setFormError(errorMessage(t, error));
        },
      },
    );
  };

  const problems = policy ? passwordProblems(form.values.newPassword, policy) : [];

  return (
    <form noValidate onSubmit={form.onSubmit(submit)} data-testid="change-password-form">
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {formError}
          </Alert>
        )}
        <PasswordInput
          label={t('changePassword.current')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          data-testid="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('changePassword.new')}
          autoComplete="new-password"
          required
          withAsterisk={false}
          data-testid="new-password"
          {...form.getInputProps('newPassword')}
        />
        {policy ? (
          <PasswordRules policy={policy} problems={problems} />
        ) : (
          policyQuery.isPending && <Skeleton height={96} radius="md" />
        )}
        <PasswordInput
          label={t('changePassword.confirm')}
          autoComplete="new-password"
          required
          withAsterisk={false}
          data-testid="confirm-password"
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
          {t('changePassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}
