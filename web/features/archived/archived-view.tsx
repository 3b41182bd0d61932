import { Badge, Button, Group, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPin, IconPinnedOff, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TArchivedDetail } from '../../../contracts/archived';
import { formatVnDate } from '../../../contracts/calendar';
import { errorMessage } from '../../app/errors';
import { formatDate } from '../../app/format';
import { useIsPhone } from '../../app/media';
import { DetailDrawer, DetailError, DetailSection } from '../../components/detail-drawer';
import { ConfirmModal } from '../../components/confirm-modal';
import { AttachmentList, FilePreview, fileUrl } from '../../components/file-preview';
import { LinkedDocuments } from '../links/linked-documents';
import { archivedDetailQuery, archivedFiles, useArchivedActions, useArchivedOpened } from './api';
import { ArchivedForm, metadataOf } from './archived-form';

/** One label/value pair of the metadata grid (left out when empty). */
function Meta({ label, value }: { label: string; value: ReactNode }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

function EditModal({ doc, opened, onClose }: { doc: TArchivedDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('archived');
  const isPhone = useIsPhone();
  const { update } = useArchivedActions(doc.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('detail.editTitle')} size="xl" fullScreen={isPhone}>
      {opened && (
        <ArchivedForm
          initial={doc}
          existingFiles={doc.files}
          submitLabel={t('detail.saveEdit')}
          loading={update.isPending}
          save={(v, done) =>
            update.mutate(
              {
                ...metadataOf(v),
                addFileIds: v.files.map((f) => f.id),
                removeFileIds: doc.files.map((f) => f.id).filter((id) => !v.keepFileIds.includes(id)),
              },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('detail.updated') });
                  done.ok();
                  onClose();
                },
                onError: done.fail,
              },
            )
          }
        />
      )}
    </Modal>
  );
}

function Body({ doc, onRemoved }: { doc: TArchivedDetail; onRemoved?: () => void }) {
  const { t } = useTranslation(['archived', 'errors']);
  const isPhone = useIsPhone();
  const actions = useArchivedActions(doc.id);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const collection = archivedFiles(doc.id);
  const shown = doc.files.find((f) => f.preview !== 'none');
  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(t, e) });

  const buttons = (
    <Group gap="xs" wrap="wrap">
      <Button
        size="xs"
        variant={doc.pinned ? 'filled' : 'light'}
        color="orange"
        leftSection={doc.pinned ? <IconPinnedOff size={14} aria-hidden /> : <IconPin size={14} aria-hidden />}
        loading={actions.pin.isPending}
        onClick={() =>
          actions.pin.mutate(!doc.pinned, {
            onSuccess: (d) =>
              notifications.show({
                color: 'green',
                message: d.pinned ? t('detail.pinnedNotice') : t('detail.unpinnedNotice'),
              }),
            onError: fail,
          })
        }
        data-testid="archived-pin"
        data-pinned={doc.pinned || undefined}
      >
        {doc.pinned ? t('detail.unpin') : t('detail.pin')}
      </Button>
      {doc.abilities.edit && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconEdit size={14} aria-hidden />}
          onClick={() => setEditing(true)}
          data-testid="archived-edit"
        >
          {t('detail.edit')}
        </Button>
      )}
      {doc.abilities.remove && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={14} aria-hidden />}
          onClick={() => setRemoving(true)}
          data-testid="archived-remove"
        >
          {t('detail.remove')}
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="md" data-testid="archived-view" data-doc-id={doc.id}>
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          {doc.code && (
            <Badge size="lg" radius="sm" variant="filled" color="indigo" styles={{ label: { textTransform: 'none' } }}>
              {doc.code}
            </Badge>
          )}
          {doc.documentType && (
            <Badge size="lg" radius="sm" variant="light" color="gray" styles={{ label: { textTransform: 'none' } }}>
              {doc.documentType}
            </Badge>
          )}
          {doc.fromParent && (
            <Badge size="lg" radius="sm" variant="light" color="grape" styles={{ label: { textTransform: 'none' } }}>
              {t('list.fromParent')}
            </Badge>
          )}
        </Group>
        <Title
          order={3}
          fz={{ base: 18, sm: 21 }}
          lh={1.35}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="archived-title"
        >
          {doc.subject}
        </Title>
        {buttons}
      </Stack>
      <DetailSection title={`${t('field.files')} (${doc.files.length})`}>
        {doc.files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.noFiles')}
          </Text>
        ) : (
          <AttachmentList files={doc.files} collection={collection} />
        )}
        {!isPhone && shown && (
          <Paper withBorder radius="sm" style={{ overflow: 'hidden' }} data-testid="archived-preview">
            <FilePreview file={shown} url={fileUrl(collection, shown)} height="min(65vh, 720px)" />
          </Paper>
        )}
      </DetailSection>
      <DetailSection title={t('detail.info')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
          <Meta label={t('field.issuingOrgan')} value={doc.issuingOrganName} />
          <Meta label={t('field.issuedDate')} value={doc.issuedDate ? formatVnDate(doc.issuedDate) : null} />
          <Meta label={t('field.signer')} value={doc.signer} />
          <Meta label={t('field.field')} value={doc.field} />
          <Meta label={t('field.unit')} value={doc.unitName} />
          <Meta label={t('field.share')} value={doc.shareWithSubunits ? t('list.shared') : null} />
        </SimpleGrid>
        {doc.notes && (
          <Paper withBorder radius="sm" p="xs" bg="gray.0">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {doc.notes}
            </Text>
          </Paper>
        )}
        <Text size="xs" c="dimmed">
          {t('detail.enteredBy', { name: doc.createdBy, date: formatDate(doc.createdAt) })}
        </Text>
      </DetailSection>
      <LinkedDocuments kind="archived" id={doc.id} />
      <EditModal doc={doc} opened={editing} onClose={() => setEditing(false)} />
      <ConfirmModal
        opened={removing}
        title={t('detail.removeTitle')}
        body={t('detail.removeBody', { subject: doc.subject })}
        confirmLabel={t('detail.removeConfirm')}
        loading={actions.remove.isPending}
        onClose={() => setRemoving(false)}
        onConfirm={() =>
          actions.remove.mutate(undefined, {
            onSuccess: () => {
              setRemoving(false);
              notifications.show({ color: 'green', message: t('detail.removed') });
              onRemoved?.();
            },
            onError: fail,
          })
        }
      />
    </Stack>
  );
}

/** Xem văn bản lưu: metadata, files with preview, pin, edit and remove; each opening is counted. */
export function ArchivedDocumentView({ id, onClose }: { id: string; onClose?: () => void }) {
  const { t } = useTranslation(['archived', 'errors', 'common']);
  const detail = useQuery(archivedDetailQuery(id));
  const { mutate: opened } = useArchivedOpened();
  const counted = useRef<string | null>(null);
  const loaded = detail.data?.id === id;
  useEffect(() => {
    if (!loaded || counted.current === id) return;
    counted.current = id;
    opened(id);
  }, [id, loaded, opened]);

  if (detail.isPending)
    return (
      <Stack gap="sm">
        <Skeleton h={24} w="40%" />
        <Skeleton h={28} />
        <Skeleton h={160} mt="md" />
      </Stack>
    );
  if (detail.isError) return <DetailError error={detail.error} notFound={t('detail.notFound')} onClose={onClose} />;
  return <Body doc={detail.data} onRemoved={onClose} />;
}

/** A document opened from a list, in a drawer from the right (the whole screen of a phone). */
export function ArchivedDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('archived');
  return (
    <DetailDrawer
      id={id}
      onClose={onClose}
      title={t('detail.drawerTitle')}
      closeLabel={t('detail.close')}
      data-testid="archived-drawer"
    >
      {(shown) => <ArchivedDocumentView key={shown} id={shown} onClose={onClose} />}
    </DetailDrawer>
  );
}
