import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A yes/no dialog before an action that cannot be undone (withdraw, revoke, approve). */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  children?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Text size="sm">{props.body}</Text>
      {props.children}
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={props.onClose} disabled={props.loading}>
          {t('actions.cancel')}
        </Button>
        <Button color={props.color ?? 'red'} onClick={props.onConfirm} loading={props.loading} data-testid="confirm-ok">
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
