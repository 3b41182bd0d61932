import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** "Trang gặp sự cố" notice with a reload button. */
export function CrashNotice() {
  const { t } = useTranslation('common');
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('crash.title')} m="md">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('crash.body')}</Text>
        <Button size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
          {t('reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Keeps one broken page (a tab) from taking the whole shell down. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashNotice /> : this.props.children;
  }
}
