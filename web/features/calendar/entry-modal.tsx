import { Alert, Button, Center, Loader, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconRepeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../contracts/calendar';
import type { TCalendarEntryInput } from '../../../contracts/personal-calendar';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { ConfirmModal } from '../../components/confirm-modal';
import { entryQuery, useCalendarMutations } from './api';
import { type EntryDraft, EntryForm } from './entry-form';

function done(message: string) {
  notifications.show({ color: 'green', icon: <IconCheck size={18} />, message });
}

/**
 * A new entry (from `draft`) or an existing one (`entryId`) in a modal, full screen on a phone.
 * An existing entry can be removed, and a recurring one can lose just the occurrence clicked.
 */
export function EntryModal(props: {
  entryId: string | null;
  occurrence: string | null;
  draft: EntryDraft | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['calendar', 'errors']);
  const isPhone = useIsPhone();
  const m = useCalendarMutations();
  const entry = useQuery({ ...entryQuery(props.entryId ?? ''), enabled: props.entryId !== null });
  const [confirming, setConfirming] = useState(false);
  const opened = props.entryId !== null || props.draft !== null;
  const close = () => {
    for (const x of Object.values(m)) x.reset();
    setConfirming(false);
    props.onClose();
  };
  const save = (input: TCalendarEntryInput) => {
    const onSuccess = () => {
      done(t('form.saved'));
      close();
    };
    if (props.entryId) m.update.mutate({ id: props.entryId, ...input }, { onSuccess });
    else m.create.mutate(input, { onSuccess });
  };
  const data = props.entryId ? entry.data : null;
  const ready = props.entryId === null || Boolean(entry.data);
  const footer = data && (
    <>
      <Button variant="subtle" color="red" onClick={() => setConfirming(true)} data-testid="calendar-delete">
        {data.recurrence ? t('form.deleteSeries') : t('form.delete')}
      </Button>
      {data.recurrence && props.occurrence && (
        <Button
          variant="subtle"
          leftSection={<IconRepeat size={14} />}
          loading={m.skip.isPending}
          onClick={() =>
            m.skip.mutate(
              { id: data.id, date: props.occurrence as string },
              {
                onSuccess: () => {
                  done(t('form.skipped', { date: formatVnDate(props.occurrence) }));
                  close();
                },
              },
            )
          }
          data-testid="calendar-skip"
        >
          {t('form.skipOne', { date: formatVnDate(props.occurrence) })}
        </Button>
      )}
    </>
  );
  return (
    <>
      <Modal
        opened={opened && !confirming}
        onClose={close}
        fullScreen={isPhone}
        size="lg"
        title={<Text fw={700}>{props.entryId ? t('form.editTitle') : t('form.newTitle')}</Text>}
        data-testid="calendar-entry-modal"
      >
        {entry.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, entry.error)}
          </Alert>
        )}
        {!ready && !entry.isError && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
        {ready && opened && (
          <>
            {data?.recurrence && (
              <Text size="xs" c="dimmed" mb="xs">
                {t('form.recurringNote')}
              </Text>
            )}
            <EntryForm
              key={props.entryId ?? `${props.draft?.date}-${props.draft?.time}`}
              entry={data ?? null}
              draft={props.draft}
              saving={m.create.isPending || m.update.isPending}
              error={m.create.error ?? m.update.error ?? m.skip.error}
              onSave={save}
              onCancel={close}
              footer={footer}
            />
          </>
        )}
      </Modal>
      <ConfirmModal
        opened={confirming}
        title={t('form.confirmDelete', { title: data?.title ?? '' })}
        body={t('form.confirmDeleteBody')}
        confirmLabel={t('form.delete')}
        loading={m.remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          data &&
          m.remove.mutate(data.id, {
            onSuccess: () => {
              done(t('form.deleted'));
              close();
            },
          })
        }
      />
    </>
  );
}
