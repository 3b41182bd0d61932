import type { EventClickArg, EventInput } from '@fullcalendar/core';
import viLocale from '@fullcalendar/core/locales/vi';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { ActionIcon, Box, Button, Group, Paper, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, vnDate } from '../../../contracts/calendar';
import type { TCalendarItem } from '../../../contracts/personal-calendar';
import { currentLocale } from '../../app/i18n';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { feedQuery } from './api';
import classes from './calendar.module.css';
import type { EntryDraft } from './entry-form';
import { EntryModal } from './entry-modal';

const VIEWS = ['dayGridMonth', 'timeGridWeek', 'timeGridDay', 'listWeek'] as const;
type TView = (typeof VIEWS)[number];
const HOUR = 3_600_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Colours of the entries by kind and of the due dates by source (also the legend). */
export const ITEM_COLORS = {
  event: 'blue',
  appointment: 'violet',
  diary: 'teal',
  task: 'orange',
  incoming: 'red',
} as const;

/**
 * The calendar shows Vietnam wall-clock time whatever the browser's time zone: it runs in UTC
 * and is given each instant shifted by +7 h (the server's instants are real instants).
 */
function wall(iso: string): string {
  return new Date(Date.parse(iso) + 7 * HOUR).toISOString().slice(0, 19);
}

function colorOf(item: TCalendarItem): string {
  return ITEM_COLORS[item.source === 'entry' ? (item.kind ?? 'event') : item.source];
}

function Legend() {
  const { t } = useTranslation('calendar');
  return (
    <Group gap="md" mt="sm" wrap="wrap" data-testid="calendar-legend">
      {(Object.keys(ITEM_COLORS) as (keyof typeof ITEM_COLORS)[]).map((k) => (
        <Group key={k} gap={6} wrap="nowrap">
          <Box w={10} h={10} style={{ borderRadius: 3, background: `var(--mantine-color-${ITEM_COLORS[k]}-6)` }} />
          <Text size="xs" c="dimmed">
            {t(`legend.${k}`)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/**
 * Lịch cá nhân (Điều 3.2c, 4.4): the person's own events, appointments and diary, with their
 * task and incoming-document due dates, by month, week, day or as an agenda (a phone starts on
 * the agenda). Clicking a day or a slot adds an entry there; clicking an entry edits it; a due
 * date opens its task or document. Weeks start on Monday, times are Vietnam time, 24-hour.
 * Notifications link here with `?date=yyyy-mm-dd`.
 */
export default function CalendarPage() {
  const { t } = useTranslation(['calendar', 'functions']);
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const router = useRouter();
  const calendar = useRef<FullCalendar>(null);
  const [view, setView] = useState<TView>(() => (isPhone ? 'listWeek' : 'timeGridWeek'));
  const [range, setRange] = useState<{ from: string; to: string; title: string } | null>(null);
  const [editing, setEditing] = useState<{ entryId: string; occurrence: string | null } | null>(null);
  const [draft, setDraft] = useState<EntryDraft | null>(null);
  const feed = useQuery({ ...feedQuery(range?.from ?? '', range?.to ?? ''), enabled: range !== null });
  const today = vnDate(new Date());

  // `?date=` (from a reminder): show that day once, then drop the parameter.
  const location = useRouterState({ select: (s) => ({ pathname: s.location.pathname, search: s.location.search }) });
  const dateParam = (location.search as Record<string, unknown>).date;
  const linkedDate =
    location.pathname === '/app/calendar-personal' && typeof dateParam === 'string' && ISO_DATE.test(dateParam)
      ? dateParam
      : null;
  useEffect(() => {
    if (!linkedDate) return;
    calendar.current?.getApi().gotoDate(linkedDate);
    void navigate({ to: '/app/$functionId', params: { functionId: 'calendar-personal' }, search: {}, replace: true });
  }, [linkedDate, navigate]);

  useEffect(() => {
    calendar.current?.getApi().changeView(view);
  }, [view]);

  const events = useMemo<EventInput[]>(
    () =>
      (feed.data?.items ?? []).map((item) => {
        const color = colorOf(item);
        const title =
          item.source === 'task'
            ? t('feed.task', { title: item.title })
            : item.source === 'incoming'
              ? t('feed.incoming', { title: item.title })
              : item.title;
        return {
          id: item.key,
          title,
          start: item.allDay ? wall(item.start).slice(0, 10) : wall(item.start),
          end: item.allDay ? wall(item.end).slice(0, 10) : wall(item.end),
          allDay: item.allDay,
          backgroundColor: `var(--mantine-color-${color}-6)`,
          borderColor: `var(--mantine-color-${color}-6)`,
          textColor: 'white',
          classNames: [`co-item-${item.source}`],
          extendedProps: { item },
        };
      }),
    [feed.data, t],
  );

  const onEventClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    const item = arg.event.extendedProps.item as TCalendarItem;
    if (item.entryId) setEditing({ entryId: item.entryId, occurrence: item.recurring ? item.occurrence : null });
    else if (item.link) router.history.push(item.link);
  };
  const onDateClick = (arg: DateClickArg) => {
    const iso = arg.date.toISOString();
    setDraft({
      date: iso.slice(0, 10),
      time: arg.allDay ? null : iso.slice(11, 16),
      allDay: arg.allDay && view !== 'dayGridMonth',
    });
  };
  const api = () => calendar.current?.getApi();

  return (
    <div data-testid="page-calendar-personal">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap" mb="xs">
        <PageHeader title={t('functions:calendar-personal')} description={t('description')} />
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            setDraft({
              date: range && range.from <= today && today <= range.to ? today : (range?.from ?? today),
              time: '08:00',
              allDay: false,
            })
          }
          data-testid="calendar-add"
        >
          {t('add')}
        </Button>
      </Group>
      <Paper withBorder radius="md" p={isPhone ? 'xs' : 'md'}>
        <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
          <Group gap={4} wrap="nowrap" style={isPhone ? { flex: '1 1 100%' } : undefined}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('previous')}
              onClick={() => api()?.prev()}
              data-testid="calendar-prev"
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
            <Button
              variant="default"
              size="sm"
              px={isPhone ? 8 : undefined}
              onClick={() => api()?.today()}
              data-testid="calendar-today"
            >
              {t('today')}
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('next')}
              onClick={() => api()?.next()}
              data-testid="calendar-next"
            >
              <IconChevronRight size={18} />
            </ActionIcon>
            <Text
              fw={700}
              ml="xs"
              size={isPhone ? 'sm' : 'md'}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="calendar-range-title"
            >
              {range?.title}
            </Text>
          </Group>
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as TView)}
            data={VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))}
            size={isPhone ? 'xs' : 'sm'}
            fullWidth={isPhone}
            style={isPhone ? { flex: '1 1 100%' } : undefined}
            aria-label={t('views.label')}
            data-testid="calendar-view"
          />
        </Group>
        <Box data-testid="calendar" data-view={view} aria-busy={feed.isFetching} className={classes.calendar}>
          <FullCalendar
            ref={calendar}
            plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
            initialView={view}
            headerToolbar={false}
            locale={currentLocale() === 'vi' ? viLocale : 'en-gb'}
            firstDay={1}
            timeZone="UTC"
            now={() => new Date(Date.now() + 7 * HOUR)}
            events={events}
            datesSet={(info) =>
              setRange({
                from: info.start.toISOString().slice(0, 10),
                to: addDays(info.end.toISOString().slice(0, 10), -1),
                title: info.view.title,
              })
            }
            eventClick={onEventClick}
            dateClick={onDateClick}
            height="auto"
            nowIndicator
            dayMaxEvents={isPhone ? 2 : 4}
            slotMinTime="06:00:00"
            slotMaxTime="22:00:00"
            scrollTime="07:00:00"
            slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            allDayText={t('feed.allDay')}
            noEventsText={t('feed.noEvents')}
            moreLinkText={(n) => t('feed.more', { count: n })}
            eventDisplay="block"
          />
        </Box>
        <Legend />
      </Paper>
      <EntryModal
        entryId={editing?.entryId ?? null}
        occurrence={editing?.occurrence ?? null}
        draft={draft}
        onClose={() => {
          setEditing(null);
          setDraft(null);
        }}
      />
    </div>
  );
}
