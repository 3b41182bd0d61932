import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TLocale, TLoginRequest, TMe } from '../../../contracts/auth';
import { ApiError, apiFetch } from '../../app/api';
import { ME_QUERY_KEY } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { formatDate, formatTime } from '../../app/format';
import { isOpenable } from '../../app/functions';
import i18n, { applyLocale, rememberSignInLocaleChoice, takeSignInLocaleChoice } from '../../app/i18n';
import { LanguageSwitch } from '../../components/language-switch';
import { AuthCard } from './auth-card';

/** Where to go after signing in: a same-site path from `?redirect=`, never back to /login. */
function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}

/** The page after sign-in: `?redirect=` when given, else the user's landing function (Cài đặt tùy chọn), else home. */
function afterSignIn(me: TMe, redirect: string | undefined): string {
  const target = safeRedirect(redirect);
  const landing = me.preferences.landingFunction;
  if (target !== '/' || !landing || !isOpenable(landing, me.permissions)) return target;
  return `/app/${encodeURIComponent(landing)}`;
}

function signInError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
    const until = typeof error.details.lockedUntil === 'string' ? new Date(error.details.lockedUntil) : null;
    if (until && !Number.isNaN(until.getTime())) {
      const sameDay = formatDate(until) === formatDate(new Date());
      const time = sameDay ? formatTime(until) : `${formatTime(until)} ${formatDate(until)}`;
      return t('auth:login.lockedUntil', { time });
    }
  }
  return errorMessage(t, error);
}

/** Signs in, then applies the language picked on this page (saving it) or the user's saved one. */
async function signIn(values: TLoginRequest): Promise<TMe> {
  const me = await apiFetch<TMe>('/api/auth/login', { method: 'POST', body: values, allowUnauthenticated: true });
  const chosen = takeSignInLocaleChoice();
  if (!chosen || chosen === me.preferences.locale || me.mustChangePassword) {
    await applyLocale(chosen ?? me.preferences.locale);
    return me;
  }
  try {
    const preferences = await apiFetch<TMe['preferences']>('/api/me/preferences', {
      method: 'PATCH',
      body: { locale: chosen },
    });
    return { ...me, preferences };
  } catch {
    return me;
  }
}

/** Sign-in page `/login` (Điều 3.7 d): username, password, language switch, translated errors. */
export function LoginPage() {
  const { t } = useTranslation(['auth', 'errors']);
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const form = useForm<TLoginRequest>({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() ? null : i18n.t('auth:login.usernameRequired')),
      password: (value) => (value ? null : i18n.t('auth:login.passwordRequired')),
    },
  });

  const login = useMutation({
    mutationFn: signIn,
    onSuccess: async (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me);
      if (me.mustChangePassword) await navigate({ to: '/change-password-required' });
      else await navigate({ href: afterSignIn(me, search.redirect) });
    },
  });

  const changeLanguage = (locale: TLocale) => {
    rememberSignInLocaleChoice(locale);
    void applyLocale(locale).then(() => {
      if (Object.keys(form.errors).length > 0) form.validate();
    });
  };

  const notice =
    !login.isError && search.reason
      ? t(`auth:login.${search.reason === 'ended' ? 'sessionEnded' : 'sessionExpired'}`)
      : null;

  return (
    <AuthCard title={t('auth:login.title')} toolbar={<LanguageSwitch onChange={changeLanguage} />}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          login.mutate({ username: values.username.trim(), password: values.password }),
        )}
      >
        <Stack gap="md">
          {notice && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="login-notice">
              {notice}
            </Alert>
          )}
          {login.isError && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              icon={<IconAlertCircle aria-hidden />}
              data-testid="login-error"
            >
              {signInError(t, login.error)}
            </Alert>
          )}
          <TextInput
            label={t('auth:login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            withAsterisk={false}
            size="md"
            data-testid="login-username"
            data-autofocus
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('auth:login.password')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            size="md"
            data-testid="login-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" size="md" fullWidth loading={login.isPending} data-testid="login-submit">
            {t('auth:login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
