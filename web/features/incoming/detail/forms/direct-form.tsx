import { Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate, isDateOrEmpty } from '../../../../../contracts/calendar';
import { INCOMING_LIMITS } from '../../../../../contracts/incoming';
import { useMe } from '../../../../app/auth';
import { DateInput } from '../../../../components/date-input';
import { todayIso } from '../detail-format';
import { ActionError, CommentField, FormFooter } from './form-parts';
import type { ActionFormProps } from './form-types';
import {
  type HandlerRow,
  HandlerRows,
  type HandlerRowsError,
  handlersBody,
  newHandlerRow,
  validateHandlers,
} from './handler-rows';

/**
 * Cho ý kiến chỉ đạo (ND30 Điều 22): the direction in words, the document's due date and the
 * handlers with their roles and own due dates. One lead at most; with only people "for
 * information" the document is done at once (the server decides).
 */
export function DirectForm({ doc, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('incomingDetail');
  const [direction, setDirection] = useState('');
  const [dueDate, setDueDate] = useState(doc.dueDate ?? '');
  const [rows, setRows] = useState<HandlerRow[]>(() => [newHandlerRow('lead')]);
  const [tried, setTried] = useState(false);
  const [directionError, setDirectionError] = useState<string | null>(null);
  const rowsError: HandlerRowsError | null = validateHandlers(rows, 'direct');
  // "One lead" is told at once; the other rules once the user tries to send.
  const shownRowsError = tried || rowsError === 'oneLead' ? rowsError : null;
  const today = todayIso();
  const dueInvalid = !isDateOrEmpty(dueDate);
  const duePast = !dueInvalid && dueDate !== '' && dueDate < today;
  const dueError = !tried ? null : dueInvalid ? t('common:date.invalid') : duePast ? t('errors.pastDue') : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    const text = direction.trim();
    setDirectionError(text ? null : t('errors.directionRequired'));
    if (!text || rowsError || dueInvalid || duePast) return;
    actions.direct.mutate(
      { direction: text, dueDate: dueDate || null, handlers: handlersBody(rows) },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('forms.direction')}
          placeholder={t('forms.directionPlaceholder')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={INCOMING_LIMITS.comment}
          value={direction}
          onChange={(e) => {
            setDirection(e.currentTarget.value);
            if (directionError) setDirectionError(null);
          }}
          error={directionError}
          data-autofocus
          data-testid="direct-direction"
        />
        <DateInput
          label={t('forms.overallDue')}
          description={t('forms.overallDueHint')}
          min={today}
          value={dueDate}
          onChange={setDueDate}
          error={dueError}
          maw={260}
          data-testid="direct-due"
        />
        <HandlerRows value={rows} onChange={setRows} error={shownRowsError} />
        <ActionError error={actions.direct.error} />
        <FormFooter submitLabel={t('actions.direct.submit')} loading={actions.direct.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Phân công lại: a unit head passes their part to people of their own unit, with roles and due dates. */
export function ReassignForm({ doc, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation('incomingDetail');
  const me = useMe();
  const [rows, setRows] = useState<HandlerRow[]>(() => [newHandlerRow('lead')]);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const rowsError = validateHandlers(rows, 'reassign');
  const shownRowsError = tried || rowsError === 'oneLead' ? rowsError : null;
  // The part being passed on: its due date is what the new handlers get by default.
  const mine = doc.assignments.find(
    (a) => a.person.id === (me.actingFor?.userId ?? me.id) && (a.state === 'pending' || a.state === 'in_progress'),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (rowsError) return;
    actions.reassign.mutate({ handlers: handlersBody(rows), comment: comment.trim() || null }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {mine?.dueDate && (
          <TextInput
            label={t('forms.partDue')}
            value={formatVnDate(mine.dueDate)}
            readOnly
            variant="filled"
            maw={260}
          />
        )}
        <HandlerRows value={rows} onChange={setRows} error={shownRowsError} />
        <CommentField value={comment} onChange={setComment} label={t('forms.comment')} testId="reassign-comment" />
        <ActionError error={actions.reassign.error} />
        <FormFooter
          submitLabel={t('actions.reassign.submit')}
          loading={actions.reassign.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
