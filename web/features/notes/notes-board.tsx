import { Alert, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconNote, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_TEXT_MAX } from '../../../contracts/notes';
import { errorMessage } from '../../app/errors';
import { notesQueryOptions, useNoteMutations } from './api';
import { NoteCard } from './note-card';

/**
 * The notes list used by the page and the top-bar drawer: a quick "add note" box (Ctrl+Enter
 * saves) and the notes as coloured cards. `narrow` keeps one column (the drawer).
 */
export default function NotesBoard({ narrow = false }: { narrow?: boolean }) {
  const { t } = useTranslation('notes');
  const query = useQuery(notesQueryOptions);
  const { create } = useNoteMutations();
  const [text, setText] = useState('');

  const add = () => {
    const value = text.trim();
    if (!value || create.isPending) return;
    create.mutate(
      { text: value },
      {
        onSuccess: () => {
          setText('');
          notifications.show({ color: 'green', message: t('added') });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm">
        <Stack gap="xs">
          <Textarea
            autosize
            minRows={2}
            maxRows={8}
            maxLength={NOTE_TEXT_MAX}
            placeholder={t('addPlaceholder')}
            aria-label={t('addLabel')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                add();
              }
            }}
            data-testid="note-new"
          />
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('addHint')}
            </Text>
            <Button
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={add}
              disabled={!text.trim()}
              loading={create.isPending}
              data-testid="note-add"
            >
              {t('add')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {query.isPending && (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      )}
      {query.isError && (
        <Alert color="red" icon={<IconAlertCircle size={16} />}>
          {errorMessage(t, query.error)}
        </Alert>
      )}
      {query.data?.length === 0 && (
        <Stack align="center" gap={4} py="xl" c="dimmed" data-testid="notes-empty">
          <IconNote size={32} aria-hidden />
          <Text size="sm">{t('empty')}</Text>
        </Stack>
      )}
      {query.data && query.data.length > 0 && (
        <SimpleGrid cols={narrow ? 1 : { base: 1, sm: 2, lg: 3, xl: 4 }} spacing="sm" data-testid="notes-list">
          {query.data.map((note) => (
            <NoteCard key={note.id} note={note} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
