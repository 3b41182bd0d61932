import { Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminProposal } from '../../../contracts/account';
import { errorMessage } from '../../app/errors';
import { useDecide } from './api';
import { ConfirmDialog } from './confirm-dialog';
import { ProposalChanges } from './proposal-changes';

/** Confirms an approval (optional note) or asks why a proposal is rejected (note required). */
export function DecisionDialog({
  deciding,
  onClose,
}: {
  deciding: { p: TAdminProposal; action: 'approve' | 'reject' } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['account', 'errors']);
  const decide = useDecide();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (deciding) {
      setNote('');
      setError(null);
    }
  }, [deciding]);
  const reject = deciding?.action === 'reject';

  const confirm = () => {
    if (!deciding) return;
    if (reject && !note.trim()) {
      setError(t('account:review.noteRequired'));
      return;
    }
    decide.mutate(
      { id: deciding.p.id, action: deciding.action, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(reject ? 'account:review.rejected' : 'account:review.approved'),
          });
          onClose();
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      },
    );
  };

  return (
    <ConfirmDialog
      opened={deciding !== null}
      title={t(reject ? 'account:review.rejectTitle' : 'account:review.approveTitle')}
      body={t(reject ? 'account:review.rejectBody' : 'account:review.approveBody', {
        name: deciding?.p.user.fullName ?? '',
      })}
      confirmLabel={t(reject ? 'account:review.reject' : 'account:review.approve')}
      color={reject ? 'red' : 'teal'}
      loading={decide.isPending}
      onClose={onClose}
      onConfirm={confirm}
    >
      {deciding && (
        <div style={{ marginTop: 12 }}>
          <ProposalChanges changes={deciding.p.changes} withCurrent />
        </div>
      )}
      <Textarea
        mt="md"
        label={t(reject ? 'account:review.rejectNote' : 'account:review.approveNote')}
        withAsterisk={reject}
        autosize
        minRows={2}
        maxLength={500}
        value={note}
        error={error}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          setError(null);
        }}
        data-testid="review-note"
      />
    </ConfirmDialog>
  );
}
