import { Alert, Button, Group, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { INCOMING_LIMITS } from '../../../../../contracts/incoming';
import { ApiError } from '../../../../app/api';
import { errorMessage } from '../../../../app/errors';

/** Server reasons (details.reason) the flow gives for a refused direction or assignment. */
const REASONS = ['oneLead', 'leadRequired', 'duplicate', 'pastDue', 'noLeader'] as const;

/** Fields the flow names in a VALIDATION_FAILED answer, with what to tell the user. */
const FIELDS: Record<string, string> = {
  dueDate: 'errors.pastDue',
  leaderId: 'errors.leaderInvalid',
  leaderIds: 'errors.peopleInvalid',
  handlers: 'errors.handlersInvalid',
  userIds: 'errors.peopleInvalid',
  unitIds: 'errors.peopleInvalid',
  requestId: 'errors.requestClosed',
  fileIds: 'errors.filesInvalid',
};

/** A refused action in words the user understands (Vietnamese first), never the server's raw text. */
export function actionErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
    const reason = error.details.reason;
    if (typeof reason === 'string' && (REASONS as readonly string[]).includes(reason))
      return t(`incomingDetail:errors.${reason}`, { unit: String(error.details.unit ?? '') });
    for (const f of error.fields) {
      const key = FIELDS[f.path.replace(/^body\./, '').split('.')[0]];
      if (key) return t(`incomingDetail:${key}`);
    }
  }
  return errorMessage(t, error);
}

/** The error of the last attempt, above the buttons. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation(['incomingDetail', 'errors']);
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="action-error">
      {actionErrorMessage(t, error)}
    </Alert>
  );
}

/** Cancel and the submit button (test id `action-submit`) at the bottom of every action form. */
export function FormFooter(props: { submitLabel: string; loading: boolean; disabled?: boolean; onCancel: () => void }) {
  const { t } = useTranslation('common');
  return (
    <Group justify="flex-end" gap="xs" mt="xs">
      <Button variant="default" onClick={props.onCancel} disabled={props.loading} data-testid="action-cancel">
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={props.loading} disabled={props.disabled} data-testid="action-submit">
        {props.submitLabel}
      </Button>
    </Group>
  );
}

/** An optional comment box (a note to a step), the same in every action form. */
export function CommentField(props: { value: string; onChange: (v: string) => void; label: string; testId: string }) {
  return (
    <Textarea
      label={props.label}
      autosize
      minRows={2}
      maxRows={6}
      maxLength={INCOMING_LIMITS.comment}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data-testid={props.testId}
    />
  );
}
