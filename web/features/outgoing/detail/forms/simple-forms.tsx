import { Alert, List, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFileRef } from '../../../../../contracts/files';
import { OUTGOING_LIMITS, type TOutgoingDetail } from '../../../../../contracts/outgoing';
import { ApiError } from '../../../../app/api';
import { errorMessage } from '../../../../app/errors';
import { FileDrop } from '../../../../components/file-drop';
import { PersonPicker } from '../../../incoming/components/person-picker';
import { FormFooter } from '../../../incoming/detail/forms/form-parts';
import type { OutgoingActions } from '../../api';
import { isSigningStep } from '../actions';

/** What every action form gets: the document, its mutations, and what to do when it closes. */
export interface OutgoingFormProps {
  doc: TOutgoingDetail;
  actions: OutgoingActions;
  onCancel: () => void;
  /** The document the action answered (the new draft for "Ban hành văn bản thay thế"). */
  onDone: (result: TOutgoingDetail) => void;
}

/** Fields a refused action names, with what to tell the user. */
const FIELD_ERRORS: Record<string, string> = {
  signerId: 'errors.signer',
  fileIds: 'errors.files',
  issuedDate: 'errors.issuedDate',
  reason: 'errors.reason',
};

/** The error of the last attempt, above the buttons, in words the user understands. */
export function OutgoingActionError({ error }: { error: unknown }) {
  const { t } = useTranslation(['outgoing', 'errors']);
  if (!error) return null;
  let message = errorMessage(t, error);
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
    for (const f of error.fields) {
      const key = FIELD_ERRORS[f.path.replace(/^body\./, '').split('.')[0]];
      if (key) {
        message = t(key);
        break;
      }
    }
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="action-error">
      {message}
    </Alert>
  );
}

function Comment(props: { value: string; onChange: (v: string) => void; label: string; testId: string }) {
  return (
    <Textarea
      label={props.label}
      autosize
      minRows={2}
      maxRows={6}
      maxLength={OUTGOING_LIMITS.comment}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data-testid={props.testId}
    />
  );
}

/** Trình duyệt: on the unit's approval path, or to the chosen signer when the unit has none for the type. */
export function SubmitForm({ doc, actions, onCancel, onDone }: OutgoingFormProps) {
  const { t } = useTranslation('outgoing');
  const needSigner = doc.abilities.submitNeedsSigner;
  const [signer, setSigner] = useState<string[]>(doc.signerId ? [doc.signerId] : []);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (needSigner && signer.length === 0) return setError(t('errors.signer'));
    actions.submit.mutate(
      { signerId: needSigner ? signer[0] : null, comment: comment.trim() || null },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {needSigner ? t('forms.submitToSigner') : t('forms.submitFlow')}
        </Text>
        {needSigner && (
          <PersonPicker
            value={signer}
            onChange={(ids) => {
              setSigner(ids.slice(-1));
              setError(null);
            }}
            label={t('field.signer')}
            kind="leaders"
            unitId={doc.unitId}
            maxValues={1}
            required
            error={error}
            testId="submit-signer"
          />
        )}
        <Comment value={comment} onChange={setComment} label={t('forms.comment')} testId="submit-comment" />
        <OutgoingActionError error={actions.submit.error} />
        <FormFooter submitLabel={t('actions.submit.submit')} loading={actions.submit.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Duyệt / Ký: the reviewer approves their step (the last step signs it), with an optional comment. */
export function ApproveForm({ doc, actions, onCancel, onDone }: OutgoingFormProps) {
  const { t } = useTranslation('outgoing');
  const signing = isSigningStep(doc);
  const [comment, setComment] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    actions.approve.mutate({ comment: comment.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {signing ? t('forms.signHint') : t('forms.approveHint')}
        </Text>
        <Comment value={comment} onChange={setComment} label={t('forms.comment')} testId="approve-comment" />
        <OutgoingActionError error={actions.approve.error} />
        <FormFooter
          submitLabel={t(signing ? 'actions.sign.submit' : 'actions.approve.submit')}
          loading={actions.approve.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Trả lại / Hủy / Thu hồi: a reason is required. */
export function ReasonForm({
  kind,
  actions,
  onCancel,
  onDone,
}: OutgoingFormProps & { kind: 'return' | 'cancel' | 'recall' }) {
  const { t } = useTranslation('outgoing');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = actions[kind];
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('errors.reason'));
    mutation.mutate({ reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`forms.${kind}Hint`)}
        </Text>
        <Textarea
          label={t(`forms.${kind}Reason`)}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={OUTGOING_LIMITS.reason}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid="reason-text"
        />
        <OutgoingActionError error={mutation.error} />
        <FormFooter submitLabel={t(`actions.${kind}.submit`)} loading={mutation.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Thêm phiên bản: new files (a corrected draft) with a note on what changed. */
export function VersionForm({ actions, onCancel, onDone }: OutgoingFormProps) {
  const { t } = useTranslation('outgoing');
  const [files, setFiles] = useState<TFileRef[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (files.length === 0) return setError(t('errors.files'));
    actions.addVersion.mutate({ fileIds: files.map((f) => f.id), note: note.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FileDrop
          value={files}
          onChange={(next) => {
            setFiles(next);
            setError(null);
          }}
          onBusyChange={setBusy}
          label={t('forms.versionFiles')}
          data-testid="version-files"
        />
        {error && (
          <Text size="xs" c="red.7" role="alert">
            {error}
          </Text>
        )}
        <Comment value={note} onChange={setNote} label={t('forms.versionNote')} testId="version-note" />
        <OutgoingActionError error={actions.addVersion.error} />
        <FormFooter
          submitLabel={t('actions.version.submit')}
          loading={actions.addVersion.isPending}
          disabled={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Gửi: sends the issued document to the recipients it has not reached yet. */
export function SendForm({ doc, actions, onCancel, onDone }: OutgoingFormProps) {
  const { t } = useTranslation('outgoing');
  const pending = doc.deliveries.filter((d) => d.status === 'pending');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    actions.send.mutate({}, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{pending.length > 0 ? t('forms.sendTo', { count: pending.length }) : t('forms.sendNone')}</Text>
        <List size="sm" spacing={2} data-testid="send-list">
          {pending.map((d) => (
            <List.Item key={d.id}>
              {d.name}
              {d.email ? ` (${d.email})` : ''}
            </List.Item>
          ))}
        </List>
        <OutgoingActionError error={actions.send.error} />
        <FormFooter
          submitLabel={t('actions.send.submit')}
          loading={actions.send.isPending}
          disabled={pending.length === 0}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Ban hành văn bản thay thế: a new draft, linked to this document, that will replace it once issued. */
export function ReplaceForm({ actions, onCancel, onDone }: OutgoingFormProps) {
  const { t } = useTranslation('outgoing');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    actions.replace.mutate({}, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('forms.replaceHint')}</Text>
        <OutgoingActionError error={actions.replace.error} />
        <FormFooter submitLabel={t('actions.replace.submit')} loading={actions.replace.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
