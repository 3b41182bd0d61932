import { Checkbox, Group, NumberInput, Rating, Slider, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty, vnDate } from '../../../contracts/calendar';
import type { TFileRef } from '../../../contracts/files';
import { TASK_LIMITS, type TTaskAssignment, type TTaskDetail } from '../../../contracts/tasks';
import { useMe } from '../../app/auth';
import { DateInput } from '../../components/date-input';
import { FileDrop } from '../../components/file-drop';
import type { TaskActions } from './api';
import { FormError, FormFooter, PersonSelect } from './form-parts';
import { type TargetRow, TargetsEditor, toTargets } from './targets-editor';

export interface ActionFormProps {
  task: TTaskDetail;
  actions: TaskActions;
  onCancel: () => void;
  onDone: () => void;
}

/** A text box of a step (note, plan, reason, message). */
function NoteField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  error?: string | null;
  testId: string;
  autoFocus?: boolean;
}) {
  return (
    <Textarea
      label={props.label}
      required={props.required}
      autosize
      minRows={2}
      maxRows={8}
      maxLength={TASK_LIMITS.comment}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      data-autofocus={props.autoFocus ? true : undefined}
      data-testid={props.testId}
    />
  );
}

/** The viewer's own part of the task (the delegator's under a delegation), open ones first. */
export function useMyPart(task: TTaskDetail): TTaskAssignment | undefined {
  const me = useMe();
  const self = me.actingFor?.userId ?? me.id;
  const mine = task.assignments.filter((a) => a.person.id === self && a.role !== 'follow');
  return mine.find((a) => a.state === 'in_progress') ?? mine.find((a) => a.state === 'pending') ?? mine[0];
}

/** Tiếp nhận, with an optional note. */
export function AcceptForm({ actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('tasks');
  const [comment, setComment] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        actions.accept.mutate({ comment: comment.trim() || null }, { onSuccess: onDone });
      }}
      noValidate
    >
      <Stack gap="sm">
        <NoteField label={t('form.comment')} value={comment} onChange={setComment} testId="accept-comment" />
        <FormError error={actions.accept.error} />
        <FormFooter submitLabel={t('actions.accept.submit')} loading={actions.accept.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Đề xuất tự xử lý: a plan and, if needed, the due date the person can keep. */
export function ProposeForm({ actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('tasks');
  const [plan, setPlan] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!plan.trim()) errs.plan = t('errors.planRequired');
    if (!isDateOrEmpty(due)) errs.due = t('errors.dateInvalid');
    else if (due && due < vnDate(new Date())) errs.due = t('errors.pastDue');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    actions.propose.mutate({ plan: plan.trim(), dueDate: due || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NoteField
          label={t('form.plan')}
          value={plan}
          onChange={setPlan}
          required
          error={errors.plan}
          testId="propose-plan"
          autoFocus
        />
        <DateInput
          label={t('form.proposedDue')}
          value={due}
          onChange={setDue}
          error={errors.due}
          maw={220}
          data-testid="propose-due"
        />
        <FormError error={actions.propose.error} />
        <FormFooter submitLabel={t('actions.propose.submit')} loading={actions.propose.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Giao lại: the person to pass the part to, and a note. */
export function HandOnForm({ task, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('tasks');
  const [person, setPerson] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const busy = task.assignments
    .filter((a) => ['pending', 'in_progress', 'proposed'].includes(a.state))
    .map((a) => a.person.id);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!person) return setError(t('errors.personRequired'));
        actions.handOn.mutate({ userId: person, comment: comment.trim() || null }, { onSuccess: onDone });
      }}
      noValidate
    >
      <Stack gap="sm">
        <PersonSelect
          label={t('form.handOnTo')}
          required
          value={person}
          exclude={busy}
          onPick={(p) => {
            setPerson(p?.id ?? null);
            setError(null);
          }}
          error={error}
          testId="handon-person"
        />
        <NoteField label={t('form.comment')} value={comment} onChange={setComment} testId="handon-comment" />
        <FormError error={actions.handOn.error} />
        <FormFooter submitLabel={t('actions.handOn.submit')} loading={actions.handOn.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Báo cáo tiến độ: percent (slider and number), a note and files. */
export function ReportForm({ task, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('tasks');
  const mine = useMyPart(task);
  const [progress, setProgress] = useState(mine?.progress ?? 0);
  const [comment, setComment] = useState('');
  const [files, setFiles] = useState<TFileRef[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        actions.report.mutate(
          { progress, comment: comment.trim() || null, fileIds: files.map((f) => f.id) },
          { onSuccess: onDone },
        );
      }}
      noValidate
    >
      <Stack gap="md">
        <Stack gap={6}>
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={500}>
              {t('form.progress')}
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
              aria-label={t('form.progress')}
              data-testid="report-progress"
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
            aria-label={t('form.progress')}
          />
          <Text size="xs" c="dimmed">
            {t('form.progressHint')}
          </Text>
        </Stack>
        <NoteField label={t('form.reportNote')} value={comment} onChange={setComment} testId="report-comment" />
        <FileDrop value={files} onChange={setFiles} onBusyChange={setBusy} data-testid="report-files" />
        <FormError error={actions.report.error} />
        <FormFooter
          submitLabel={t('actions.report.submit')}
          loading={actions.report.isPending}
          disabled={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Đôn đốc: a message to the people still working on it (all ticked at first). */
export function UrgeForm({ task, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('tasks');
  const me = useMe();
  const self = me.actingFor?.userId ?? me.id;
  const open = task.assignments.filter(
    (a) => a.role !== 'follow' && a.person.id !== self && ['pending', 'in_progress', 'proposed'].includes(a.state),
  );
  const [chosen, setChosen] = useState(open.map((a) => a.id));
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!message.trim()) errs.message = t('errors.messageRequired');
    if (chosen.length === 0) errs.who = t('errors.urgeWhoRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    actions.urge.mutate(
      { message: message.trim(), assignmentIds: chosen.length === open.length ? [] : chosen },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Checkbox.Group label={t('form.urgeWho')} value={chosen} onChange={setChosen} error={errors.who}>
          <Stack gap={6} mt={6}>
            {open.map((a) => (
              <Checkbox key={a.id} value={a.id} label={`${a.person.fullName} – ${t(`role.${a.role}`)}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <NoteField
          label={t('form.message')}
          value={message}
          onChange={setMessage}
          required
          error={errors.message}
          testId="urge-message"
          autoFocus
        />
        <FormError error={actions.urge.error} />
        <FormFooter submitLabel={t('actions.urge.submit')} loading={actions.urge.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Gia hạn, đổi hạn: the new due date (empty for none) and the reason. */
export function ChangeDueForm({ task, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('tasks');
  const [due, setDue] = useState(task.dueDate ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!isDateOrEmpty(due)) errs.due = t('errors.dateInvalid');
    else if (due && due < vnDate(new Date())) errs.due = t('errors.pastDue');
    else if ((due || null) === task.dueDate) errs.due = t('errors.unchanged');
    if (!reason.trim()) errs.reason = t('errors.reasonRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    actions.changeDue.mutate({ dueDate: due || null, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DateInput
          label={t('form.newDue')}
          description={t('form.noDue')}
          value={due}
          onChange={setDue}
          error={errors.due}
          maw={220}
          data-testid="change-due-date"
        />
        <NoteField
          label={t('form.reason')}
          value={reason}
          onChange={setReason}
          required
          error={errors.reason}
          testId="change-due-reason"
        />
        <FormError error={actions.changeDue.error} />
        <FormFooter
          submitLabel={t('actions.changeDue.submit')}
          loading={actions.changeDue.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

/** Giao thêm: more people or units, with roles. */
export function AssignForm({ task, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('tasks');
  const [targets, setTargets] = useState<TargetRow[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const leadTaken = task.assignments.some(
    (a) => a.role === 'lead' && !['handed_over', 'withdrawn'].includes(a.state) && a.person.id !== task.creator.id,
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (targets.length === 0) return setError(t('errors.personRequired'));
        actions.assign.mutate({ targets: toTargets(targets), comment: comment.trim() || null }, { onSuccess: onDone });
      }}
      noValidate
    >
      <Stack gap="sm">
        <TargetsEditor
          value={targets}
          onChange={(v) => {
            setTargets(v);
            setError(null);
          }}
          leadTaken={leadTaken}
          error={error}
        />
        <NoteField label={t('form.comment')} value={comment} onChange={setComment} testId="assign-comment" />
        <FormError error={actions.assign.error} />
        <FormFooter submitLabel={t('actions.assign.submit')} loading={actions.assign.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Đóng và đánh giá: stars and a comment. */
export function CloseForm({ actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('tasks');
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        actions.close.mutate({ rating: rating || null, comment: comment.trim() || null }, { onSuccess: onDone });
      }}
      noValidate
    >
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('form.rating')}
          </Text>
          <Rating
            value={rating}
            onChange={setRating}
            size="lg"
            aria-label={t('detail.ratingLabel')}
            data-testid="close-rating"
          />
        </Stack>
        <NoteField label={t('form.evaluation')} value={comment} onChange={setComment} testId="close-comment" />
        <FormError error={actions.close.error} />
        <FormFooter submitLabel={t('actions.close.submit')} loading={actions.close.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Hủy (the creator) or Không chấp thuận (a proposal): the reason. */
export function ReasonForm(props: ActionFormProps & { kind: 'cancel' | 'reject'; assignmentId?: string }) {
  const { t } = useTranslation('tasks');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = props.kind === 'cancel' ? props.actions.cancel : props.actions.reject;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setError(t('errors.reasonRequired'));
        if (props.kind === 'cancel')
          props.actions.cancel.mutate({ reason: reason.trim() }, { onSuccess: props.onDone });
        else
          props.actions.reject.mutate(
            { assignmentId: props.assignmentId as string, reason: reason.trim() },
            { onSuccess: props.onDone },
          );
      }}
      noValidate
    >
      <Stack gap="sm">
        <NoteField
          label={t('form.reason')}
          value={reason}
          onChange={(v) => {
            setReason(v);
            setError(null);
          }}
          required
          error={error}
          testId={`${props.kind}-reason`}
          autoFocus
        />
        <FormError error={mutation.error} />
        <FormFooter
          submitLabel={t(`actions.${props.kind}.submit`)}
          loading={mutation.isPending}
          onCancel={props.onCancel}
        />
      </Stack>
    </form>
  );
}

/** Chấp thuận đề xuất, with an optional note. */
export function ApproveForm(props: ActionFormProps & { assignmentId: string }) {
  const { t } = useTranslation('tasks');
  const [comment, setComment] = useState('');
  const part = props.task.assignments.find((a) => a.id === props.assignmentId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.actions.approve.mutate(
          { assignmentId: props.assignmentId, comment: comment.trim() || null },
          { onSuccess: props.onDone },
        );
      }}
      noValidate
    >
      <Stack gap="sm">
        {part?.proposal && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {t('detail.proposal', { plan: part.proposal.plan })}
          </Text>
        )}
        <NoteField label={t('form.comment')} value={comment} onChange={setComment} testId="approve-comment" />
        <FormError error={props.actions.approve.error} />
        <FormFooter
          submitLabel={t('actions.approve.submit')}
          loading={props.actions.approve.isPending}
          onCancel={props.onCancel}
        />
      </Stack>
    </form>
  );
}
