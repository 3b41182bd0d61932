import { Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatArrivalNumber, type TIncomingDetail } from '../../../../contracts/incoming';
import { useIsPhone } from '../../../app/media';
import type { TActionName } from './actions';
import { DirectForm, ReassignForm } from './forms/direct-form';
import type { ActionFormProps, IncomingActions } from './forms/form-types';
import { AskOpinionForm, ForwardForm, ForwardLeaderForm, PresentForm } from './forms/people-forms';
import { UpdateForm } from './forms/update-form';
import { CompleteForm, OpinionForm, ProgressForm, ReasonForm } from './forms/work-forms';

const WIDE: TActionName[] = ['direct', 'reassign', 'update'];

function ActionForm({ name, ...props }: ActionFormProps & { name: TActionName }) {
  switch (name) {
    case 'direct':
      return <DirectForm {...props} />;
    case 'reassign':
      return <ReassignForm {...props} />;
    case 'forward-leader':
      return <ForwardLeaderForm {...props} />;
    case 'present':
      return <PresentForm {...props} />;
    case 'forward':
      return <ForwardForm {...props} />;
    case 'ask-opinion':
      return <AskOpinionForm {...props} />;
    case 'opinion':
      return <OpinionForm {...props} />;
    case 'progress':
      return <ProgressForm {...props} />;
    case 'complete':
      return <CompleteForm {...props} />;
    case 'update':
      return <UpdateForm {...props} />;
    case 'return':
    case 'cancel':
      return <ReasonForm kind={name} {...props} />;
  }
}

/**
 * The form of one action in a modal (full screen on a phone), titled with the action and the
 * document. On success it says so, closes, and tells the caller (a list may then move on).
 */
export function ActionModal(props: {
  name: TActionName | null;
  doc: TIncomingDetail;
  actions: IncomingActions;
  onClose: () => void;
  onDone: (name: TActionName) => void;
}) {
  const { name, doc, actions, onDone } = props;
  // A mutation keeps its last error: clear them so that a form opened again starts clean.
  const onClose = () => {
    for (const m of Object.values(actions)) m.reset();
    props.onClose();
  };
  const { t } = useTranslation('incomingDetail');
  const isPhone = useIsPhone();
  const answering = name === 'opinion' && Boolean(doc.abilities.answerRequestId);
  const titleKey = answering ? 'actions.answer.title' : `actions.${name}.title`;
  return (
    <Modal
      opened={name !== null}
      onClose={onClose}
      fullScreen={isPhone}
      size={name && WIDE.includes(name) ? 'min(960px, 95vw)' : 'lg'}
      title={
        name && (
          <div>
            <Text fw={700}>{t(titleKey)}</Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {t('header.arrival', { number: formatArrivalNumber(doc.arrivalNumber), year: doc.year })} · {doc.subject}
            </Text>
          </div>
        )
      }
      styles={{ title: { minWidth: 0, flex: 1 } }}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      data-testid={name ? `action-modal-${name}` : undefined}
    >
      {name && (
        <ActionForm
          // A fresh form for each opening.
          key={name}
          name={name}
          doc={doc}
          actions={actions}
          onCancel={onClose}
          onDone={() => {
            notifications.show({
              color: 'green',
              icon: <IconCheck size={18} />,
              message: t(answering ? 'actions.answer.done' : `actions.${name}.done`),
            });
            onClose();
            onDone(name);
          }}
        />
      )}
    </Modal>
  );
}
