import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A yes/no dialog before an action (red by default: for actions that take something away). */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  loading?: boolean;
  /** Colour of the confirm button (default red). */
  color?: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Text size="sm">{props.body}</Text>
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
