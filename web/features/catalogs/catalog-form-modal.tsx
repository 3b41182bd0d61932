import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TCatalogEntry, TDocumentType, TIssuingOrgan } from '../../../contracts/catalogs';
import type { CatalogKind, CatalogRow } from './api';
import { DocumentTypeForm } from './document-type-form';
import { EntryForm } from './entry-form';
import { OrganForm } from './organ-form';

/** The add / edit dialog of a list; `row` 'new' adds, a row edits, null is closed. */
export function CatalogFormModal(props: { kind: CatalogKind; row: CatalogRow | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation('catalogs');
  const { kind, row, onClose } = props;
  const editing = row !== null && row !== 'new' ? row : null;
  const done = (saved: CatalogRow) => {
    notifications.show({
      color: 'green',
      icon: <IconCheck size={18} />,
      message: t(editing ? 'updated' : 'created', { name: saved.name }),
    });
    onClose();
  };
  return (
    <Modal
      opened={row !== null}
      onClose={onClose}
      title={t(editing ? `editTitle.${kind}` : `add.${kind}`)}
      size={kind === 'issuing-organs' ? 'lg' : 'md'}
      centered
    >
      {row !== null &&
        (kind === 'document-types' ? (
          <DocumentTypeForm row={editing as TDocumentType | null} onDone={done} onCancel={onClose} />
        ) : kind === 'issuing-organs' ? (
          <OrganForm row={editing as TIssuingOrgan | null} onDone={done} onCancel={onClose} />
        ) : (
          <EntryForm kind={kind} row={editing as TCatalogEntry | null} onDone={done} onCancel={onClose} />
        ))}
    </Modal>
  );
}
