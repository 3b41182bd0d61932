import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogRow } from './api';

/** Asks before "Ngừng sử dụng": forms stop offering the entry; documents keep their reference. */
export function ConfirmStatusModal(props: {
  row: CatalogRow | null;
  loading: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation(['catalogs', 'common']);
  return (
    <Modal opened={props.row !== null} onClose={props.onCancel} title={t('catalogs:confirm.title')} centered>
      <Text size="sm">{t('catalogs:confirm.body', { name: props.row?.name ?? '' })}</Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={props.onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button color="red" loading={props.loading} onClick={props.onConfirm} data-testid="catalog-confirm-deactivate">
          {t('catalogs:deactivate')}
        </Button>
      </Group>
    </Modal>
  );
}
