import { Alert, Button, Group, List, Modal, MultiSelect, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../../../contracts/calendar';
import { formatArrivalNumber, INCOMING_LIMITS, type TIncomingRow } from '../../../../contracts/incoming';
import { ApiError } from '../../../app/api';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { detailQuery, useIncomingActions } from '../api';
import { PersonPicker } from '../components/person-picker';
import { unitOptionsQuery } from '../components/catalog-queries';
import { DateInput } from '../../../components/date-input';
import { isDateOrEmpty } from '../../../../contracts/calendar';

/** The four steps of "Phân loại, chuyển tiếp". */
export type ClassifyAction = 'present' | 'forward' | 'return' | 'cancel';

type Actions = ReturnType<typeof useIncomingActions>;

/** Makes the action hooks of one document reachable from the modal (hooks cannot run in a loop). */
function Runner({ id, into }: { id: string; into: Map<string, Actions> }) {
  const actions = useIncomingActions(id);
  useEffect(() => {
    into.set(id, actions);
    return () => {
      into.delete(id);
    };
  }, [id, into, actions]);
  return null;
}

interface Values {
  people: string[];
  units: string[];
  role: 'lead' | 'info';
  dueDate: string;
  text: string;
}
const EMPTY: Values = { people: [], units: [], role: 'lead', dueDate: '', text: '' };

type Errors = Partial<Record<keyof Values | 'form', string>>;

/** Sends one action for one document through its hooks. */
function run(actions: Actions, action: ClassifyAction, v: Values) {
  const comment = v.text.trim() || null;
  switch (action) {
    case 'present':
      return actions.present.mutateAsync({ leaderIds: v.people, comment });
    case 'forward':
      return actions.forward.mutateAsync({
        userIds: v.people,
        unitIds: v.units,
        role: v.role,
        dueDate: v.role === 'lead' ? v.dueDate || null : null,
        comment,
      });
    case 'return':
      return actions.returnToSender.mutateAsync({ reason: v.text.trim() });
    case 'cancel':
      return actions.cancel.mutateAsync({ reason: v.text.trim() });
  }
}

/**
 * One dialog for the four classify steps on one or several documents: present to leaders,
 * forward to people and/or units, return to the sender, cancel. Each document goes through its
 * own `useIncomingActions`; the ones that fail stay in the dialog with the reason.
 */
export function ClassifyActionModal({
  action,
  targets,
  onClose,
  onDone,
}: {
  action: ClassifyAction | null;
  targets: TIncomingRow[];
  onClose: () => void;
  /** Documents the action went through for. */
  onDone: (ids: string[]) => void;
}) {
  const { t } = useTranslation(['incomingRegister', 'incoming', 'errors']);
  const isPhone = useIsPhone();
  const runners = useRef(new Map<string, Actions>()).current;
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState<TIncomingRow[]>(targets);
  const [failures, setFailures] = useState<{ row: TIncomingRow; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const units = useQuery({ ...unitOptionsQuery, enabled: action === 'forward' });

  // The detail of each document says whether this step is still allowed (never guessed here).
  const details = useQueries({ queries: pending.map((r) => detailQuery(r.id)) });
  const abilityOf = (i: number) => {
    const a = details[i]?.data?.abilities;
    if (!a || !action) return undefined;
    return a[action];
  };
  const blocked = pending.filter((_, i) => abilityOf(i) === false);
  const checking = details.some((d) => d.isPending);
  const ready = pending.filter((_, i) => abilityOf(i) === true);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, form: undefined }));
  };

  const validate = (): Errors => {
    const e: Errors = {};
    if (action === 'present' && values.people.length === 0) e.people = t('classify.errors.leaderRequired');
    if (action === 'forward' && values.people.length + values.units.length === 0)
      e.people = t('classify.errors.targetRequired');
    if (action === 'forward' && values.role === 'lead' && !isDateOrEmpty(values.dueDate))
      e.dueDate = t('classify.errors.dueDate');
    if ((action === 'return' || action === 'cancel') && !values.text.trim())
      e.text = t('classify.errors.reasonRequired');
    return e;
  };

  /** A server error on one document: under the field it names, else for the whole dialog. */
  const placeError = (error: unknown): Errors => {
    if (!(error instanceof ApiError) || error.fields.length === 0) return { form: errorMessage(t, error) };
    const f = error.fields[0];
    const root = f.path.replace(/^body\./, '').split('.')[0];
    const reason = typeof error.details.reason === 'string' ? error.details.reason : null;
    if (root === 'leaderIds') return { people: t('classify.errors.notLeader') };
    if (root === 'userIds' && reason === 'oneLead') return { people: t('classify.errors.oneLead') };
    if (root === 'userIds') return { people: t('classify.errors.personInvalid') };
    if (root === 'unitIds' && reason === 'noLeader')
      return { units: t('classify.errors.noLeader', { unit: String(error.details.unit ?? '') }) };
    if (root === 'unitIds') return { units: t('classify.errors.unitInvalid') };
    if (root === 'dueDate') return { dueDate: t('classify.errors.dueDate') };
    if (root === 'reason') return { text: t('classify.errors.reasonRequired') };
    return { form: errorMessage(t, error) };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action || busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return setErrors(found);
    setBusy(true);
    const ok: string[] = [];
    const failed: { row: TIncomingRow; message: string; error: unknown }[] = [];
    for (const row of ready) {
      const actions = runners.get(row.id);
      if (!actions) continue;
      try {
        await run(actions, action, values);
        ok.push(row.id);
      } catch (error) {
        failed.push({ row, message: errorMessage(t, error), error });
      }
    }
    setBusy(false);
    if (ok.length > 0) {
      onDone(ok);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} aria-hidden />,
        message: t(`classify.done.${action}`, { count: ok.length }),
      });
    }
    if (failed.length === 0) return onClose();
    // Keep only the documents that failed, with their reasons.
    setPending(failed.map((f) => f.row));
    if (failed.length === 1 && ok.length === 0) {
      setFailures([]);
      setErrors(placeError(failed[0].error));
    } else {
      setFailures(failed.map(({ row, message }) => ({ row, message })));
    }
  };

  if (!action) return null;
  const isReason = action === 'return' || action === 'cancel';
  const today = vnDate(new Date());

  return (
    <Modal
      opened
      onClose={busy ? () => {} : onClose}
      title={<Text fw={700}>{t(`classify.${action}.title`, { count: pending.length })}</Text>}
      fullScreen={isPhone}
      size="lg"
    >
      {pending.map((r) => (
        <Runner key={r.id} id={r.id} into={runners} />
      ))}
      <form onSubmit={submit} noValidate data-testid={`classify-modal-${action}`}>
        <Stack gap="sm">
          <Targets rows={pending} />
          {action === 'cancel' && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {pending.length === 1
                ? t('classify.cancel.warningOne', { number: formatArrivalNumber(pending[0].arrivalNumber) })
                : t('classify.cancel.warningMany')}
            </Alert>
          )}
          {action === 'return' && (
            <Text size="sm" c="dimmed">
              {t('classify.return.hint')}
            </Text>
          )}
          {blocked.length > 0 && (
            <Alert color="gray" variant="light" icon={<IconAlertCircle aria-hidden />} data-testid="classify-blocked">
              {t('classify.blocked', {
                count: blocked.length,
                numbers: blocked.map((r) => formatArrivalNumber(r.arrivalNumber)).join(', '),
              })}
            </Alert>
          )}
          {failures.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              <List size="sm" spacing={2}>
                {failures.map((f) => (
                  <List.Item key={f.row.id}>
                    {t('classify.failedItem', { number: formatArrivalNumber(f.row.arrivalNumber), message: f.message })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}

          {action === 'present' && (
            <PersonPicker
              label={t('classify.present.leaders')}
              kind="leaders"
              required
              value={values.people}
              onChange={(ids) => set('people', ids)}
              error={errors.people}
              autoFocus
              testId="classify-leaders"
            />
          )}

          {action === 'forward' && (
            <>
              <SegmentedControl
                fullWidth
                value={values.role}
                onChange={(role) => {
                  set('role', role as Values['role']);
                  if (role === 'lead' && values.people.length > 1) set('people', values.people.slice(0, 1));
                }}
                data={[
                  { value: 'lead', label: t('classify.forward.roleLead') },
                  { value: 'info', label: t('classify.forward.roleInfo') },
                ]}
                data-testid="classify-role"
              />
              <PersonPicker
                label={t(values.role === 'lead' ? 'classify.forward.handler' : 'classify.forward.people')}
                description={t(values.role === 'lead' ? 'classify.forward.handlerHint' : 'classify.forward.peopleHint')}
                kind="handlers"
                maxValues={values.role === 'lead' ? 1 : undefined}
                value={values.people}
                onChange={(ids) => set('people', ids)}
                error={errors.people}
                testId="classify-people"
              />
              <MultiSelect
                label={t('classify.forward.units')}
                description={t('classify.forward.unitsHint')}
                placeholder={values.units.length ? undefined : t('classify.forward.unitsPlaceholder')}
                data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                value={values.units}
                onChange={(ids) => set('units', ids)}
                searchable
                clearable
                hidePickedOptions
                nothingFoundMessage={t('register.nothingFound')}
                error={errors.units}
                comboboxProps={{ withinPortal: true }}
                data-testid="classify-units"
              />
              {values.role === 'lead' && (
                <DateInput
                  label={t('incoming:field.dueDate')}
                  min={today}
                  value={values.dueDate}
                  onChange={(value) => set('dueDate', value)}
                  error={errors.dueDate}
                  w={isPhone ? '100%' : 200}
                  data-testid="classify-due-date"
                />
              )}
            </>
          )}

          <Textarea
            label={t(isReason ? 'classify.reason' : 'classify.comment')}
            required={isReason}
            autosize
            minRows={isReason ? 3 : 2}
            maxRows={8}
            maxLength={isReason ? INCOMING_LIMITS.reason : INCOMING_LIMITS.comment}
            value={values.text}
            onChange={(e) => set('text', e.currentTarget.value)}
            error={errors.text}
            autoFocus={isReason}
            data-testid="classify-text"
          />

          {errors.form && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {errors.form}
            </Alert>
          )}

          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy} data-testid="classify-close">
              {t('classify.close')}
            </Button>
            <Button
              type="submit"
              color={action === 'cancel' ? 'red' : action === 'return' ? 'orange' : undefined}
              loading={busy}
              disabled={checking || ready.length === 0}
              data-testid="classify-submit"
            >
              {t(`classify.${action}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The documents the step applies to ("05 · Kế hoạch …"), a few lines at most. */
function Targets({ rows }: { rows: TIncomingRow[] }) {
  const { t } = useTranslation('incomingRegister');
  const shown = rows.slice(0, 4);
  return (
    <Stack gap={2} p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
      {shown.map((r) => (
        <Text key={r.id} size="sm" lineClamp={1}>
          <Text span fw={700} ff="monospace">
            {formatArrivalNumber(r.arrivalNumber)}
          </Text>{' '}
          · {r.subject}
        </Text>
      ))}
      {rows.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t('classify.more', { count: rows.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}
