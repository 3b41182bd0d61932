import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../../../contracts/calendar';
import { INCOMING_LIMITS } from '../../../../../contracts/incoming';
import { DateInput } from '../../../../components/date-input';
import { PersonPicker } from '../../components/person-picker';
import { todayIso } from '../detail-format';
import { ActionError, CommentField, FormFooter } from './form-parts';
import type { ActionFormProps } from './form-types';

/** Chuyển lãnh đạo khác: the leader passes the direction to another leader. */
export function ForwardLeaderForm({ actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('incomingDetail');
  const [leader, setLeader] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (leader.length === 0) return setError(t('errors.leaderRequired'));
    actions.forwardLeader.mutate({ leaderId: leader[0], comment: comment.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PersonPicker
          value={leader}
          onChange={(ids) => {
            setLeader(ids.slice(-1));
            setError(null);
          }}
          label={t('forms.leader')}
          kind="leaders"
          maxValues={1}
          required
          error={error}
          testId="forward-leader-person"
        />
        <CommentField
          value={comment}
          onChange={setComment}
          label={t('forms.comment')}
          testId="forward-leader-comment"
        />
        <ActionError error={actions.forwardLeader.error} />
        <FormFooter
          submitLabel={t('actions.forward-leader.submit')}
          loading={actions.forwardLeader.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Trình: the clerk presents the document to one or more leaders, who direct it. */
export function PresentForm({ actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('incomingDetail');
  const [leaders, setLeaders] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (leaders.length === 0) return setError(t('errors.leaderRequired'));
    actions.present.mutate({ leaderIds: leaders, comment: comment.trim() || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PersonPicker
          value={leaders}
          onChange={(ids) => {
            setLeaders(ids);
            setError(null);
          }}
          label={t('forms.leaders')}
          kind="leaders"
          maxValues={INCOMING_LIMITS.recipients}
          required
          error={error}
          testId="present-leaders"
        />
        <CommentField value={comment} onChange={setComment} label={t('forms.comment')} testId="present-comment" />
        <ActionError error={actions.present.error} />
        <FormFooter submitLabel={t('actions.present.submit')} loading={actions.present.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Chuyển: the clerk forwards the document to people to handle it (the first leads) or for information. */
export function ForwardForm({ doc, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation(['incomingDetail', 'incoming']);
  const [people, setPeople] = useState<string[]>([]);
  const [role, setRole] = useState<'lead' | 'info'>('lead');
  const [dueDate, setDueDate] = useState(doc.dueDate ?? '');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dueError, setDueError] = useState<string | null>(null);
  const today = todayIso();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (people.length === 0) return setError(t('errors.peopleRequired'));
    if (role === 'lead' && !isDateOrEmpty(dueDate)) return setDueError(t('common:date.invalid'));
    if (role === 'lead' && dueDate && dueDate < today) return setDueError(t('errors.pastDue'));
    actions.forward.mutate(
      {
        userIds: people,
        role,
        dueDate: role === 'lead' ? dueDate || null : null,
        comment: comment.trim() || null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('forms.forwardAs')}
          </Text>
          <SegmentedControl
            value={role}
            onChange={(v) => setRole(v as 'lead' | 'info')}
            data={[
              { value: 'lead', label: t('forms.forwardHandle') },
              { value: 'info', label: t('incoming:role.info') },
            ]}
            data-testid="forward-role"
          />
        </Stack>
        <PersonPicker
          value={people}
          onChange={(ids) => {
            setPeople(ids);
            setError(null);
          }}
          label={t('forms.people')}
          description={role === 'lead' ? t('forms.forwardLeadHint') : undefined}
          kind="handlers"
          maxValues={INCOMING_LIMITS.recipients}
          required
          error={error}
          testId="forward-people"
        />
        {role === 'lead' && (
          <DateInput
            label={t('incoming:field.dueDate')}
            min={today}
            value={dueDate}
            onChange={(value) => {
              setDueDate(value);
              setDueError(null);
            }}
            error={dueError}
            maw={260}
            data-testid="forward-due"
          />
        )}
        <CommentField value={comment} onChange={setComment} label={t('forms.comment')} testId="forward-comment" />
        <ActionError error={actions.forward.error} />
        <FormFooter submitLabel={t('actions.forward.submit')} loading={actions.forward.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Xin ý kiến: ask people a question about the document (phiếu xin ý kiến). */
export function AskOpinionForm({ actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('incomingDetail');
  const [people, setPeople] = useState<string[]>([]);
  const [question, setQuestion] = useState('');
  const [errors, setErrors] = useState<{ people?: string; question?: string }>({});
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next = {
      people: people.length ? undefined : t('errors.peopleRequired'),
      question: question.trim() ? undefined : t('errors.questionRequired'),
    };
    setErrors(next);
    if (next.people || next.question) return;
    actions.askOpinion.mutate({ userIds: people, question: question.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PersonPicker
          value={people}
          onChange={(ids) => {
            setPeople(ids);
            setErrors((x) => ({ ...x, people: undefined }));
          }}
          label={t('forms.askPeople')}
          kind="handlers"
          maxValues={INCOMING_LIMITS.recipients}
          required
          error={errors.people}
          testId="ask-people"
        />
        <Textarea
          label={t('forms.question')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={INCOMING_LIMITS.comment}
          value={question}
          onChange={(e) => {
            setQuestion(e.currentTarget.value);
            setErrors((x) => ({ ...x, question: undefined }));
          }}
          error={errors.question}
          data-testid="ask-question"
        />
        <ActionError error={actions.askOpinion.error} />
        <FormFooter
          submitLabel={t('actions.ask-opinion.submit')}
          loading={actions.askOpinion.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
