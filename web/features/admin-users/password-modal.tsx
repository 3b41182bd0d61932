import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Shows a one-time password exactly once, with a copy button. */
export function PasswordModal({
  shown,
  onClose,
}: {
  shown: { username: string; password: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('adminUsers');
  return (
    <Modal
      opened={shown !== null}
      onClose={onClose}
      title={t('password.title')}
      closeOnClickOutside={false}
      data-testid="password-modal"
    >
      <Stack gap="md">
        <Text size="sm">{t('password.body', { username: shown?.username ?? '' })}</Text>
        <Group gap="sm" wrap="nowrap">
          <Code
            fz="lg"
            px="md"
            py={6}
            style={{ flex: 1, textAlign: 'center', letterSpacing: 1 }}
            data-testid="one-time-password"
          >
            {shown?.password}
          </Code>
          <CopyButton value={shown?.password ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                color={copied ? 'green' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                onClick={copy}
                data-testid="password-copy"
              >
                {copied ? t('password.copied') : t('password.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('password.warning')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="password-done">
            {t('password.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
