import { Blockquote, Group, NumberInput, Slider, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconHelp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFileRef } from '../../../../../contracts/files';
import { INCOMING_LIMITS } from '../../../../../contracts/incoming';
import { useMe } from '../../../../app/auth';
import { FileDrop } from '../../../../components/file-drop';
import { ActionError, CommentField, FormFooter } from './form-parts';
import type { ActionFormProps } from './form-types';

/** Cho ý kiến: an opinion with files; when the user was asked a question, it answers it. */
export function OpinionForm({ doc, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('incomingDetail');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<TFileRef[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requestId = doc.abilities.answerRequestId;
  const ask = requestId ? doc.opinionAsks.find((a) => a.id === requestId) : undefined;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return setError(t('errors.opinionRequired'));
    actions.opinion.mutate(
      { body: body.trim(), fileIds: files.map((f) => f.id), requestId: requestId ?? null },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {ask && (
          <Blockquote color="yellow" icon={<IconHelp size={18} />} iconSize={30} p="sm" data-testid="opinion-question">
            <Text size="xs" c="dimmed" mb={2}>
              {t('forms.questionFrom', { name: ask.askedBy })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {ask.question}
            </Text>
          </Blockquote>
        )}
        <Textarea
          label={ask ? t('forms.answer') : t('forms.opinion')}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={INCOMING_LIMITS.comment}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid="opinion-body"
        />
        <FileDrop value={files} onChange={setFiles} onBusyChange={setBusy} data-testid="opinion-files" />
        <ActionError error={actions.opinion.error} />
        <FormFooter
          submitLabel={ask ? t('actions.answer.submit') : t('actions.opinion.submit')}
          loading={actions.opinion.isPending}
          disabled={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Báo cáo tiến độ: how far the user's part is (0–100 %) with a note. */
export function ProgressForm({ doc, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('incomingDetail');
  const me = useMe();
  const self = me.actingFor?.userId ?? me.id;
  const mine = doc.assignments.find(
    (a) => a.person.id === self && a.role !== 'director' && (a.state === 'pending' || a.state === 'in_progress'),
  );
  const [progress, setProgress] = useState(mine?.progress ?? 0);
  const [comment, setComment] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    actions.progress.mutate({ progress, comment: comment.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Stack gap={6}>
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={500}>
              {t('forms.progress')}
            </Text>
            <NumberInput
              value={progress}
              onChange={(v) => setProgress(Math.max(0, Math.min(100, Number(v) || 0)))}
              min={0}
              max={100}
              step={5}
              suffix="%"
              w={100}
              clampBehavior="strict"
              allowDecimal={false}
              aria-label={t('forms.progress')}
              data-testid="progress-number"
            />
          </Group>
          <Slider
            value={progress}
            onChange={setProgress}
            min={0}
            max={100}
            step={5}
            label={(v) => `${v}%`}
            marks={[
              { value: 0, label: '0%' },
              { value: 50, label: '50%' },
              { value: 100, label: '100%' },
            ]}
            size="lg"
            mb="md"
            aria-label={t('forms.progress')}
            data-testid="progress-slider"
          />
        </Stack>
        <CommentField value={comment} onChange={setComment} label={t('forms.progressNote')} testId="progress-comment" />
        <ActionError error={actions.progress.error} />
        <FormFooter
          submitLabel={t('actions.progress.submit')}
          loading={actions.progress.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Hoàn thành: the result of the user's part, and the reply document's number if there is one. */
export function CompleteForm({ actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('incomingDetail');
  const [result, setResult] = useState('');
  const [replyCode, setReplyCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!result.trim()) return setError(t('errors.resultRequired'));
    actions.complete.mutate({ result: result.trim(), replyCode: replyCode.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('forms.result')}
          placeholder={t('forms.resultPlaceholder')}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={INCOMING_LIMITS.result}
          value={result}
          onChange={(e) => {
            setResult(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid="complete-result"
        />
        <TextInput
          label={t('forms.replyCode')}
          placeholder={t('forms.replyCodePlaceholder')}
          maxLength={60}
          value={replyCode}
          onChange={(e) => setReplyCode(e.currentTarget.value)}
          maw={320}
          data-testid="complete-reply-code"
        />
        <ActionError error={actions.complete.error} />
        <FormFooter
          submitLabel={t('actions.complete.submit')}
          loading={actions.complete.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Trả lại / Hủy: the clerk sends a wrongly addressed document back, or cancels a wrong registration, with the reason. */
export function ReasonForm({ kind, actions, onCancel, onDone }: ActionFormProps & { kind: 'return' | 'cancel' }) {
  const { t } = useTranslation('incomingDetail');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = kind === 'return' ? actions.returnToSender : actions.cancel;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('errors.reasonRequired'));
    mutation.mutate({ reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`forms.${kind}Hint`)}
        </Text>
        <Textarea
          label={t('forms.reason')}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={INCOMING_LIMITS.reason}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid={`${kind}-reason`}
        />
        <ActionError error={mutation.error} />
        <FormFooter submitLabel={t(`actions.${kind}.submit`)} loading={mutation.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
