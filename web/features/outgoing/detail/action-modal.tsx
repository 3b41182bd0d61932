import { Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TOutgoingDetail } from '../../../../contracts/outgoing';
import { useIsPhone } from '../../../app/media';
import type { OutgoingActions } from '../api';
import { isSigningStep, type TOutgoingActionName } from './actions';
import { EditForm } from './forms/edit-form';
import { IssueForm } from './forms/issue-form';
import {
  ApproveForm,
  type OutgoingFormProps,
  ReasonForm,
  ReplaceForm,
  SendForm,
  SubmitForm,
  VersionForm,
} from './forms/simple-forms';

const WIDE: TOutgoingActionName[] = ['edit', 'issue'];

function ActionForm({ name, ...props }: OutgoingFormProps & { name: TOutgoingActionName }) {
  switch (name) {
    case 'edit':
      return <EditForm {...props} />;
    case 'version':
      return <VersionForm {...props} />;
    case 'submit':
      return <SubmitForm {...props} />;
    case 'approve':
      return <ApproveForm {...props} />;
    case 'issue':
      return <IssueForm {...props} />;
    case 'send':
      return <SendForm {...props} />;
    case 'replace':
      return <ReplaceForm {...props} />;
    case 'return':
    case 'cancel':
    case 'recall':
      return <ReasonForm kind={name} {...props} />;
  }
}

/**
 * The form of one action in a modal (full screen on a phone), titled with the action and the
 * document. On success it says so (issuing: "Đã phát hành: Số 15/QĐ-PGDĐT"), closes, and tells
 * the caller with the document the server answered.
 */
export function OutgoingActionModal(props: {
  name: TOutgoingActionName | null;
  doc: TOutgoingDetail;
  actions: OutgoingActions;
  onClose: () => void;
  onDone: (name: TOutgoingActionName, result: TOutgoingDetail) => void;
}) {
  const { name, doc, actions, onDone } = props;
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  const onClose = () => {
    for (const m of Object.values(actions)) m.reset();
    props.onClose();
  };
  const label = name === 'approve' && isSigningStep(doc) ? 'sign' : name;
  const doneMessage = (result: TOutgoingDetail) => {
    if (name === 'issue')
      return result.code ? t('actions.issue.doneCode', { code: result.code }) : t('actions.issue.done');
    return t(`actions.${label}.done`);
  };
  return (
    <Modal
      opened={name !== null}
      onClose={onClose}
      fullScreen={isPhone}
      size={name && WIDE.includes(name) ? 'min(960px, 95vw)' : 'lg'}
      title={
        name && (
          <div>
            <Text fw={700}>{t(`actions.${label}.title`)}</Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {[doc.code, doc.subject].filter(Boolean).join(' · ')}
            </Text>
          </div>
        )
      }
      styles={{ title: { minWidth: 0, flex: 1 } }}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      data-testid={name ? `outgoing-modal-${name}` : undefined}
    >
      {name && (
        <ActionForm
          key={name}
          name={name}
          doc={doc}
          actions={actions}
          onCancel={onClose}
          onDone={(result) => {
            notifications.show({
              color: 'green',
              icon: <IconCheck size={18} />,
              message: doneMessage(result),
              // The issued number is what the clerk copies onto paper: leave it up a little longer.
              autoClose: name === 'issue' ? 8000 : undefined,
            });
            onClose();
            onDone(name, result);
          }}
        />
      )}
    </Modal>
  );
}
