import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Xóa tích kê?" confirmation before a note is removed. */
export function ConfirmDelete(props: {
  opened: boolean;
  loading: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation(['notes', 'common']);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('notes:confirmTitle')} centered>
      <Text size="sm">{t('notes:confirmBody')}</Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={props.onClose} disabled={props.loading}>
          {t('common:actions.cancel')}
        </Button>
        <Button color="red" onClick={props.onConfirm} loading={props.loading} data-testid="confirm-ok">
          {t('notes:delete')}
        </Button>
      </Group>
    </Modal>
  );
}
