import { ActionIcon, Box, Button, Group, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../../../contracts/calendar';
import type { THandlerInput, THandlerRole } from '../../../../../contracts/incoming';
import { HANDLER_ROLES, INCOMING_LIMITS } from '../../../../../contracts/incoming';
import { useIsPhone } from '../../../../app/media';
import { DateInput } from '../../../../components/date-input';
import { PersonPicker } from '../../components/person-picker';
import { todayIso } from '../detail-format';

/** One handler row of a direction or re-assignment form. */
export interface HandlerRow {
  key: string;
  userId: string | null;
  role: THandlerRole;
  /** ISO date or '' (then the overall due date applies). */
  dueDate: string;
}

let seq = 0;
/** A new empty row; the first is the lead, the next ones co-handle. */
export function newHandlerRow(role: THandlerRole = 'lead'): HandlerRow {
  seq += 1;
  return { key: `h${seq}`, userId: null, role, dueDate: '' };
}

/** Error keys (incomingDetail:errors.*) of the rows as a whole. */
export type HandlerRowsError =
  | 'handlersRequired'
  | 'personRequired'
  | 'duplicate'
  | 'oneLead'
  | 'leadRequired'
  | 'workerRequired'
  | 'dueInvalid'
  | 'pastDue';

/**
 * Checks the rows before sending, with the same rules the server applies so the user learns
 * them at once: someone chosen on every row, nobody twice, at most one lead (and one when there
 * are co-handlers), due dates that are dates and not in the past. `reassign` needs someone who works on it.
 */
export function validateHandlers(rows: HandlerRow[], mode: 'direct' | 'reassign'): HandlerRowsError | null {
  const leads = rows.filter((r) => r.role === 'lead').length;
  if (leads > 1) return 'oneLead';
  if (rows.length === 0 || rows.every((r) => !r.userId)) return 'handlersRequired';
  if (rows.some((r) => !r.userId)) return 'personRequired';
  const ids = rows.map((r) => r.userId);
  if (new Set(ids).size !== ids.length) return 'duplicate';
  if (mode === 'direct' && leads === 0 && rows.some((r) => r.role === 'co')) return 'leadRequired';
  if (mode === 'reassign' && rows.every((r) => r.role === 'info')) return 'workerRequired';
  const withDue = rows.filter((r) => r.role !== 'info' && r.dueDate);
  if (withDue.some((r) => !isDateOrEmpty(r.dueDate))) return 'dueInvalid';
  const today = todayIso();
  if (withDue.some((r) => r.dueDate < today)) return 'pastDue';
  return null;
}

/** The rows as the API takes them (people "for information" get no due date). */
export function handlersBody(rows: HandlerRow[]): THandlerInput[] {
  return rows
    .filter((r) => r.userId)
    .map((r) => ({
      userId: r.userId as string,
      role: r.role,
      dueDate: r.role === 'info' || !r.dueDate ? null : r.dueDate,
    }));
}

/**
 * The list of handlers: for each a person (type-ahead), the role — Chủ trì, Phối hợp, Để biết —
 * and an own due date; rows can be added and removed. Errors of the whole list show below it.
 */
export function HandlerRows(props: {
  value: HandlerRow[];
  onChange: (rows: HandlerRow[]) => void;
  error?: HandlerRowsError | null;
  /** Limit people to a unit (re-assignment inside one's own unit). */
  unitId?: string;
}) {
  const { value, onChange } = props;
  const { t } = useTranslation(['incomingDetail', 'incoming']);
  const isPhone = useIsPhone();
  const today = todayIso();
  const set = (key: string, patch: Partial<HandlerRow>) =>
    onChange(value.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const roles = HANDLER_ROLES.map((role) => ({ value: role, label: t(`incoming:role.${role}`) }));

  return (
    <Stack gap="xs" data-testid="handler-rows">
      <Text size="sm" fw={500}>
        {t('handlers.rowsLabel')}{' '}
        <Text span c="red" inherit>
          *
        </Text>
      </Text>
      {value.map((row, i) => {
        const remove = (
          <Tooltip label={t('handlers.remove')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('handlers.remove')}
              onClick={() => onChange(value.filter((r) => r.key !== row.key))}
              disabled={value.length === 1}
              data-testid={`handler-remove-${i}`}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        );
        const person = (
          <PersonPicker
            value={row.userId ? [row.userId] : []}
            onChange={(ids) => set(row.key, { userId: ids[ids.length - 1] ?? null })}
            label={t('handlers.person')}
            kind="handlers"
            maxValues={1}
            unitId={props.unitId}
            testId={`handler-person-${i}`}
          />
        );
        const role = (
          <SegmentedControl
            value={row.role}
            onChange={(v) => set(row.key, { role: v as THandlerRole })}
            data={roles}
            color="blue"
            size="sm"
            fullWidth={isPhone}
            aria-label={t('handlers.role')}
            data-testid={`handler-role-${i}`}
          />
        );
        const due = (
          <DateInput
            label={t('handlers.ownDue')}
            min={today}
            value={row.role === 'info' ? '' : row.dueDate}
            disabled={row.role === 'info'}
            onChange={(dueDate) => set(row.key, { dueDate })}
            data-testid={`handler-due-${i}`}
            w={isPhone ? undefined : 160}
          />
        );
        return (
          <Paper key={row.key} withBorder radius="md" p="xs" data-testid={`handler-row-${i}`}>
            {isPhone ? (
              <Stack gap={6}>
                <Group gap={4} wrap="nowrap" align="flex-end">
                  <Box style={{ flex: 1, minWidth: 0 }}>{person}</Box>
                  {remove}
                </Group>
                {role}
                {due}
              </Stack>
            ) : (
              <Group gap="sm" wrap="nowrap" align="flex-end">
                <Box style={{ flex: 1, minWidth: 0 }}>{person}</Box>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {t('handlers.role')}
                  </Text>
                  {role}
                </Stack>
                {due}
                {remove}
              </Group>
            )}
          </Paper>
        );
      })}
      {props.error && (
        <Text size="sm" c="red" role="alert" data-testid="handler-rows-error">
          {t(`errors.${props.error}`)}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, newHandlerRow(value.some((r) => r.role === 'lead') ? 'co' : 'lead')])}
          disabled={value.length >= INCOMING_LIMITS.handlers}
          data-testid="handler-add"
        >
          {t('handlers.add')}
        </Button>
      </Group>
    </Stack>
  );
}
