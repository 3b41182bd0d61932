import {
  Alert,
  Button,
  Chip,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty, isoWeekday } from '../../../contracts/calendar';
import {
  CALENDAR_KINDS,
  CALENDAR_LIMITS,
  REMIND_CHOICES,
  REPEAT_FREQS,
  type TCalendarEntry,
  type TCalendarEntryInput,
  type TCalendarKind,
  type TRepeatFreq,
} from '../../../contracts/personal-calendar';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { DateInput } from '../../components/date-input';

/** Where a new entry starts (the day or slot the user clicked). */
export interface EntryDraft {
  date: string;
  time: string | null;
  allDay: boolean;
}

interface FormState {
  kind: TCalendarKind;
  title: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  withWhom: string;
  notes: string;
  freq: TRepeatFreq | 'none';
  interval: number;
  byDay: string[];
  endKind: 'until' | 'count';
  until: string;
  count: number;
  remind: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A typed time as HH:MM, 24-hour (the browser's own time box shows AM/PM in an English
 * browser): "730", "7:30", "7h30", "14h", "14" all read; anything else is kept as typed.
 */
function parseTime(text: string): string {
  const m = /^(\d{1,2})(?:[:hH.]?(\d{2}))?[hH]?$/.exec(text.trim());
  if (!m) return text.trim();
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return text.trim();
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** A time box that reads and writes HH:MM, 24-hour. */
function TimeText(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  testId: string;
}) {
  return (
    <TextInput
      label={props.label}
      placeholder="08:00"
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onBlur={(e) => props.onChange(parseTime(e.currentTarget.value))}
      error={props.error}
      data-testid={props.testId}
    />
  );
}

function plusHour(time: string): string {
  if (!HHMM.test(time)) return time;
  const [h, m] = time.split(':').map(Number);
  return `${String(Math.min(23, h + 1)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function initial(entry: TCalendarEntry | null, draft: EntryDraft | null): FormState {
  if (entry) {
    const r = entry.recurrence;
    return {
      kind: entry.kind,
      title: entry.title,
      allDay: entry.allDay,
      startDate: entry.startDate,
      startTime: entry.startTime ?? '08:00',
      endDate: entry.endDate,
      endTime: entry.endTime ?? '09:00',
      location: entry.location ?? '',
      withWhom: entry.withWhom ?? '',
      notes: entry.notes ?? '',
      freq: r?.freq ?? 'none',
      interval: r?.interval ?? 1,
      byDay: (r?.byDay ?? []).map(String),
      endKind: r?.count ? 'count' : 'until',
      until: r?.until ?? '',
      count: r?.count ?? 10,
      remind: entry.remindMinutes === null ? 'none' : String(entry.remindMinutes),
    };
  }
  const date = draft?.date ?? '';
  const time = draft?.time ?? '08:00';
  return {
    kind: 'event',
    title: '',
    allDay: draft?.allDay ?? false,
    startDate: date,
    startTime: time,
    endDate: date,
    endTime: plusHour(time),
    location: '',
    withWhom: '',
    notes: '',
    freq: 'none',
    interval: 1,
    byDay: date ? [String(isoWeekday(date))] : [],
    endKind: 'until',
    until: '',
    count: 10,
    remind: 'none',
  };
}

/** The body the API takes from the form's state. */
function toInput(s: FormState): TCalendarEntryInput {
  const diary = s.kind === 'diary';
  const allDay = diary || s.allDay;
  return {
    kind: s.kind,
    title: s.title.trim(),
    notes: s.notes.trim() || null,
    location: diary ? null : s.location.trim() || null,
    withWhom: s.kind === 'appointment' ? s.withWhom.trim() || null : null,
    allDay,
    startDate: s.startDate,
    startTime: allDay ? null : s.startTime,
    endDate: diary ? s.startDate : s.endDate || s.startDate,
    endTime: allDay ? null : s.endTime || null,
    recurrence:
      diary || s.freq === 'none'
        ? null
        : {
            freq: s.freq,
            interval: s.interval,
            byDay: s.freq === 'weekly' ? s.byDay.map(Number) : [],
            until: s.endKind === 'until' ? s.until : null,
            count: s.endKind === 'count' ? s.count : null,
          },
    remindMinutes: diary || s.remind === 'none' ? null : Number(s.remind),
  };
}

/** The form's own checks, before the server's. */
function check(s: FormState): Record<string, string> {
  const e: Record<string, string> = {};
  const allDay = s.kind === 'diary' || s.allDay;
  if (!s.title.trim()) e.title = 'titleRequired';
  if (!s.startDate || !isDateOrEmpty(s.startDate)) e.startDate = 'dateInvalid';
  if (!isDateOrEmpty(s.endDate)) e.endDate = 'dateInvalid';
  else if (s.kind !== 'diary' && s.endDate && s.startDate && s.endDate < s.startDate) e.endDate = 'endDateBeforeStart';
  if (!allDay && !s.startTime) e.startTime = 'timeRequired';
  else if (!allDay && !HHMM.test(s.startTime)) e.startTime = 'timeInvalid';
  if (!allDay && s.endTime && !HHMM.test(s.endTime)) e.endTime = 'timeInvalid';
  else if (
    !allDay &&
    s.startTime &&
    s.endTime &&
    (s.endDate || s.startDate) === s.startDate &&
    s.endTime <= s.startTime
  )
    e.endTime = 'endBeforeStart';
  if (s.kind !== 'diary' && s.freq !== 'none') {
    if (s.endKind === 'until' && (!s.until || !isDateOrEmpty(s.until) || s.until < s.startDate))
      e.until = 'untilRequired';
    if (s.endKind === 'count' && !(s.count >= 1 && s.count <= CALENDAR_LIMITS.occurrences)) e.count = 'countRequired';
  }
  return e;
}

const SERVER_FIELDS: Record<string, string> = {
  'body.title': 'title',
  'body.startDate': 'startDate',
  'body.startTime': 'startTime',
  'body.endDate': 'endDate',
  'body.endTime': 'endTime',
  'body.recurrence.until': 'until',
  'body.recurrence.count': 'count',
};

/**
 * The entry form: kind (sự kiện, lịch hẹn, nhật ký), title, all day or times, place, who the
 * appointment is with, notes, recurrence with its end, and the reminder. A diary entry is a
 * dated note: no times, recurrence or reminder.
 */
export function EntryForm(props: {
  entry: TCalendarEntry | null;
  draft: EntryDraft | null;
  saving: boolean;
  error: unknown;
  onSave: (input: TCalendarEntryInput) => void;
  footer?: React.ReactNode;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['calendar', 'errors', 'common']);
  const [s, setS] = useState<FormState>(() => initial(props.entry, props.draft));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setS((prev) => ({ ...prev, [k]: v }));
  const diary = s.kind === 'diary';
  const allDay = diary || s.allDay;
  const err = (k: string) => (errors[k] ? t(`errors.${errors[k]}`) : undefined);
  const serverField = props.error instanceof ApiError ? SERVER_FIELDS[props.error.fields[0]?.path ?? ''] : undefined;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = check(s);
    setErrors(found);
    if (Object.keys(found).length === 0) props.onSave(toInput(s));
  };
  const weekdays = t('form.weekdays', { returnObjects: true }) as string[];
  const weekdayNames = t('form.weekdayNames', { returnObjects: true }) as string[];

  return (
    <form onSubmit={submit} noValidate data-testid="calendar-entry-form">
      <Stack gap="sm">
        <SegmentedControl
          value={s.kind}
          onChange={(v) => set('kind', v as TCalendarKind)}
          data={CALENDAR_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          fullWidth
          aria-label={t('form.kind')}
          data-testid="calendar-kind"
        />
        <TextInput
          label={t('form.title')}
          placeholder={t(diary ? 'form.diaryTitlePlaceholder' : 'form.titlePlaceholder')}
          required
          maxLength={CALENDAR_LIMITS.title}
          value={s.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={err('title')}
          data-autofocus
          data-testid="calendar-title"
        />
        {!diary && (
          <Switch
            label={t('form.allDay')}
            checked={s.allDay}
            onChange={(e) => set('allDay', e.currentTarget.checked)}
            data-testid="calendar-all-day"
          />
        )}
        <SimpleGrid cols={2} spacing="sm">
          <DateInput
            label={t('form.startDate')}
            value={s.startDate}
            onChange={(v) => {
              setS((prev) => ({
                ...prev,
                startDate: v,
                endDate: !prev.endDate || prev.endDate === prev.startDate || prev.endDate < v ? v : prev.endDate,
              }));
            }}
            error={err('startDate')}
            data-testid="calendar-start-date"
          />
          {!allDay && (
            <TimeText
              label={t('form.startTime')}
              value={s.startTime}
              onChange={(time) =>
                // The end follows the start while it is still the default hour after it.
                setS((prev) => ({
                  ...prev,
                  startTime: time,
                  endTime:
                    HHMM.test(time) && (!prev.endTime || prev.endTime === plusHour(prev.startTime))
                      ? plusHour(time)
                      : prev.endTime,
                }))
              }
              error={err('startTime')}
              testId="calendar-start-time"
            />
          )}
          {!diary && (
            <DateInput
              label={t('form.endDate')}
              value={s.endDate}
              onChange={(v) => set('endDate', v)}
              error={err('endDate')}
              data-testid="calendar-end-date"
            />
          )}
          {!allDay && (
            <TimeText
              label={t('form.endTime')}
              value={s.endTime}
              onChange={(v) => set('endTime', v)}
              error={err('endTime')}
              testId="calendar-end-time"
            />
          )}
        </SimpleGrid>
        {s.kind === 'appointment' && (
          <TextInput
            label={t('form.withWhom')}
            maxLength={CALENDAR_LIMITS.withWhom}
            value={s.withWhom}
            onChange={(e) => set('withWhom', e.currentTarget.value)}
            data-testid="calendar-with-whom"
          />
        )}
        {!diary && (
          <TextInput
            label={t('form.location')}
            maxLength={CALENDAR_LIMITS.location}
            value={s.location}
            onChange={(e) => set('location', e.currentTarget.value)}
            data-testid="calendar-location"
          />
        )}
        <Textarea
          label={t(diary ? 'form.diaryNotes' : 'form.notes')}
          autosize
          minRows={diary ? 5 : 2}
          maxRows={12}
          maxLength={CALENDAR_LIMITS.notes}
          value={s.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          data-testid="calendar-notes"
        />
        {!diary && (
          <Stack gap="xs">
            <Select
              label={t('form.repeat')}
              leftSection={<IconRepeat size={16} aria-hidden />}
              value={s.freq}
              onChange={(v) => set('freq', (v ?? 'none') as FormState['freq'])}
              data={[
                { value: 'none', label: t('form.repeatNone') },
                ...REPEAT_FREQS.map((f) => ({ value: f, label: t(`form.${f}`) })),
              ]}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="calendar-repeat"
            />
            {s.freq !== 'none' && (
              <Stack gap="xs" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-blue-2)' }}>
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <NumberInput
                    label={t('form.interval')}
                    value={s.interval}
                    onChange={(v) => set('interval', Math.max(1, Math.min(CALENDAR_LIMITS.interval, Number(v) || 1)))}
                    min={1}
                    max={CALENDAR_LIMITS.interval}
                    allowDecimal={false}
                    w={90}
                    data-testid="calendar-interval"
                  />
                  <Text size="sm" pb={8}>
                    {t(`form.intervalUnit.${s.freq}`)}
                  </Text>
                </Group>
                {s.freq === 'weekly' && (
                  <Stack gap={4}>
                    <Text size="sm" fw={500}>
                      {t('form.byDay')}
                    </Text>
                    <Chip.Group multiple value={s.byDay} onChange={(v) => set('byDay', v)}>
                      <Group gap={6}>
                        {weekdays.map((label, i) => (
                          <Chip
                            key={label}
                            value={String(i + 1)}
                            size="sm"
                            aria-label={weekdayNames[i]}
                            data-testid={`calendar-byday-${i + 1}`}
                          >
                            {label}
                          </Chip>
                        ))}
                      </Group>
                    </Chip.Group>
                  </Stack>
                )}
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('form.endKind')}
                  </Text>
                  <SegmentedControl
                    value={s.endKind}
                    onChange={(v) => set('endKind', v as FormState['endKind'])}
                    data={[
                      { value: 'until', label: t('form.endUntil') },
                      { value: 'count', label: t('form.endCount') },
                    ]}
                    data-testid="calendar-end-kind"
                  />
                </Stack>
                {s.endKind === 'until' ? (
                  <DateInput
                    label={t('form.until')}
                    value={s.until}
                    onChange={(v) => set('until', v)}
                    min={s.startDate}
                    error={err('until')}
                    maw={240}
                    data-testid="calendar-until"
                  />
                ) : (
                  <NumberInput
                    label={t('form.count')}
                    value={s.count}
                    onChange={(v) => set('count', Number(v) || 0)}
                    min={1}
                    max={CALENDAR_LIMITS.occurrences}
                    allowDecimal={false}
                    error={err('count')}
                    maw={160}
                    data-testid="calendar-count"
                  />
                )}
              </Stack>
            )}
            <Select
              label={t('form.remind')}
              description={t('form.remindHint')}
              value={s.remind}
              onChange={(v) => set('remind', v ?? 'none')}
              data={[
                { value: 'none', label: t('form.remindNone') },
                ...REMIND_CHOICES.map((m) => ({ value: String(m), label: t(`form.remindChoices.${m}`) })),
              ]}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="calendar-remind"
            />
          </Stack>
        )}
        {props.error != null && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
            data-testid="calendar-form-error"
          >
            {serverField ? t('errors.invalid') : errorMessage(t, props.error)}
          </Alert>
        )}
        <Group justify="space-between" gap="xs" mt="xs" wrap="wrap">
          <Group gap="xs">{props.footer}</Group>
          <Group gap="xs" ml="auto">
            <Button variant="default" onClick={props.onCancel} disabled={props.saving}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={props.saving} data-testid="calendar-save">
              {t('form.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
