import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A yes/no question before publishing, unpublishing, copying or deleting. */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  color?: string;
  loading: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('schedule');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Text size="sm">{props.body}</Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={props.onClose} disabled={props.loading}>
          {t('actions.cancel')}
        </Button>
        <Button color={props.color} onClick={props.onConfirm} loading={props.loading} data-testid="confirm-ok">
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
