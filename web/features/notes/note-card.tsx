import {
  ActionIcon,
  Button,
  ColorSwatch,
  Group,
  Paper,
  Popover,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarm, IconCheck, IconPin, IconPinFilled, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_COLORS, NOTE_TEXT_MAX, type TNote, type TNoteUpdate } from '../../../contracts/notes';
import { errorMessage } from '../../app/errors';
import { formatDate, formatTime } from '../../app/format';
import { useNoteMutations } from './api';
import { ConfirmDelete } from './confirm-delete';
import { PALETTE, fromLocalInput, noteStyle, toLocalInput } from './note-colors';

/** One note as a coloured card: click the text to edit in place (saved on blur or Ctrl+Enter). */
export function NoteCard({ note }: { note: TNote }) {
  const { t } = useTranslation('notes');
  const { update, remove } = useNoteMutations();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [confirming, setConfirming] = useState(false);
  const [remindOpen, setRemindOpen] = useState(false);
  const [remindDraft, setRemindDraft] = useState('');
  const [remindError, setRemindError] = useState<string | null>(null);

  const save = (patch: TNoteUpdate, after?: () => void) =>
    update.mutate(
      { id: note.id, ...patch },
      {
        onSuccess: after,
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );

  const startEdit = () => {
    setDraft(note.text);
    setEditing(true);
  };
  const cancelEdit = () => {
    setDraft(note.text);
    setEditing(false);
  };
  /** An emptied note keeps its text: removing goes through the delete button and its confirm. */
  const finishEdit = () => {
    const text = draft.trim();
    if (text && text.length <= NOTE_TEXT_MAX && text !== note.text) save({ text });
    setEditing(false);
  };

  const saveReminder = (value: string | null) => {
    if (value && new Date(value).getTime() <= Date.now()) return setRemindError(t('reminder.past'));
    save({ remindAt: value }, () => setRemindOpen(false));
  };

  return (
    <Paper p="sm" radius="md" shadow="xs" style={noteStyle(note.color)} data-testid="note-card">
      <Stack gap="xs">
        {editing ? (
          <Textarea
            autosize
            minRows={3}
            maxLength={NOTE_TEXT_MAX}
            autoFocus
            value={draft}
            aria-label={t('text')}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onBlur={finishEdit}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.blur();
              if (e.key === 'Escape') cancelEdit();
            }}
            data-testid="note-edit"
          />
        ) : (
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', cursor: 'text', minHeight: 48 }}
            role="button"
            tabIndex={0}
            title={t('clickToEdit')}
            onClick={startEdit}
            onKeyDown={(e) => e.key === 'Enter' && startEdit()}
            data-testid="note-text"
          >
            {note.text}
          </Text>
        )}
        {note.remindAt && (
          <Text size="xs" c={note.remindedAt ? 'dimmed' : undefined} data-testid="note-reminder">
            <IconAlarm size={12} aria-hidden style={{ verticalAlign: -1 }} />{' '}
            {t(note.remindedAt ? 'reminder.done' : 'reminder.at', {
              time: formatTime(note.remindAt),
              date: formatDate(note.remindAt),
            })}
          </Text>
        )}
        <Group gap={6} justify="space-between" wrap="wrap">
          <Group gap={4} wrap="nowrap" role="radiogroup" aria-label={t('color')}>
            {NOTE_COLORS.map((c) => (
              <ColorSwatch
                key={c}
                component="button"
                type="button"
                role="radio"
                aria-checked={note.color === c}
                aria-label={t(`colors.${c}`)}
                color={`var(--mantine-color-${PALETTE[c]}-filled)`}
                size={18}
                style={{ cursor: 'pointer' }}
                onClick={() => note.color !== c && save({ color: c })}
                data-testid={`note-color-${c}`}
              >
                {note.color === c && <IconCheck size={12} color="white" aria-hidden />}
              </ColorSwatch>
            ))}
          </Group>
          <Group gap={2} wrap="nowrap">
            <Tooltip label={note.pinned ? t('unpin') : t('pin')}>
              <ActionIcon
                variant="subtle"
                color="dark"
                aria-label={note.pinned ? t('unpin') : t('pin')}
                aria-pressed={note.pinned}
                onClick={() => save({ pinned: !note.pinned })}
                data-testid="note-pin"
              >
                {note.pinned ? <IconPinFilled size={16} aria-hidden /> : <IconPin size={16} aria-hidden />}
              </ActionIcon>
            </Tooltip>
            <Popover
              opened={remindOpen}
              onChange={setRemindOpen}
              position="bottom-end"
              withArrow
              trapFocus
              withinPortal={false}
            >
              <Popover.Target>
                <Tooltip label={t('reminder.set')}>
                  <ActionIcon
                    variant="subtle"
                    color="dark"
                    aria-label={t('reminder.set')}
                    onClick={() => {
                      setRemindDraft(toLocalInput(note.remindAt));
                      setRemindError(null);
                      setRemindOpen((o) => !o);
                    }}
                    data-testid="note-remind"
                  >
                    <IconAlarm size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Popover.Target>
              <Popover.Dropdown>
                <Stack gap="xs">
                  <TextInput
                    type="datetime-local"
                    label={t('reminder.label')}
                    value={remindDraft}
                    error={remindError}
                    onChange={(e) => setRemindDraft(e.currentTarget.value)}
                    data-testid="note-remind-input"
                  />
                  <Group gap="xs" justify="flex-end">
                    {note.remindAt && (
                      <Button size="xs" variant="default" onClick={() => saveReminder(null)}>
                        {t('reminder.clear')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      disabled={!fromLocalInput(remindDraft)}
                      loading={update.isPending}
                      onClick={() => saveReminder(fromLocalInput(remindDraft))}
                      data-testid="note-remind-save"
                    >
                      {t('save')}
                    </Button>
                  </Group>
                </Stack>
              </Popover.Dropdown>
            </Popover>
            <Tooltip label={t('delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('delete')}
                onClick={() => setConfirming(true)}
                data-testid="note-delete"
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </Stack>
      <ConfirmDelete
        opened={confirming}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(note.id, {
            onSuccess: () => {
              setConfirming(false);
              notifications.show({ color: 'green', message: t('deleted') });
            },
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
          })
        }
      />
    </Paper>
  );
}
