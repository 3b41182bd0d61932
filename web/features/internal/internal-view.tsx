import { Alert, Badge, Box, Button, Group, Modal, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCheck, IconClock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../contracts/calendar';
import { INTERNAL_LIMITS, type TInternalDetail } from '../../../contracts/internal';
import { errorMessage } from '../../app/errors';
import { formatDate, formatTime } from '../../app/format';
import { useIsPhone } from '../../app/media';
import { DetailDrawer, DetailError, DetailSection } from '../../components/detail-drawer';
import { AttachmentList, FilePreview, fileUrl } from '../../components/file-preview';
import { LinkedDocuments } from '../links/linked-documents';
import { internalDetailQuery, internalFiles, useCancelInternal, useMarkInternalSeen } from './api';

function CancelModal({ doc, opened, onClose }: { doc: TInternalDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['internal', 'errors', 'common']);
  const cancel = useCancelInternal(doc.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setReason('');
      setError(null);
    }
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('detail.cancelTitle')} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('detail.cancelHint')}
        </Text>
        <Textarea
          label={t('detail.cancelReason')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={INTERNAL_LIMITS.reason}
          autosize
          minRows={2}
          error={error}
          data-autofocus
          data-testid="internal-cancel-reason"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={cancel.isPending}>
            {t('common:actions.close')}
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={() => {
              if (!reason.trim()) return setError(t('register.errors.required'));
              cancel.mutate(reason.trim(), {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('detail.cancelled') });
                  onClose();
                },
                onError: (e) => setError(errorMessage(t, e)),
              });
            }}
            data-testid="internal-cancel-confirm"
          >
            {t('detail.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Attachments({ doc }: { doc: TInternalDetail }) {
  const isPhone = useIsPhone();
  const collection = internalFiles(doc.id);
  const shown = doc.files.find((f) => f.preview !== 'none');
  return (
    <Stack gap="xs">
      <AttachmentList files={doc.files} collection={collection} />
      {!isPhone && shown && (
        <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
          <FilePreview file={shown} url={fileUrl(collection, shown)} height="min(65vh, 720px)" />
        </Paper>
      )}
    </Stack>
  );
}

function Body({ doc }: { doc: TInternalDetail }) {
  const { t } = useTranslation('internal');
  const [cancelling, setCancelling] = useState(false);
  const created = new Date(doc.createdAt);
  return (
    <Stack gap="md" data-testid="internal-view" data-doc-id={doc.id} data-status={doc.status}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap={6} wrap="wrap">
            {doc.code && (
              <Badge
                size="lg"
                radius="sm"
                variant="filled"
                color="indigo"
                styles={{ label: { textTransform: 'none' } }}
                data-testid="internal-code"
              >
                {doc.code}
              </Badge>
            )}
            <Badge size="lg" radius="sm" variant="light" color="gray" styles={{ label: { textTransform: 'none' } }}>
              {doc.documentType}
            </Badge>
            {doc.status === 'cancelled' && (
              <Badge size="lg" radius="sm" variant="light" color="red" styles={{ label: { textTransform: 'none' } }}>
                {t('status.cancelled')}
              </Badge>
            )}
          </Group>
          {doc.abilities.cancel && (
            <Button
              size="xs"
              variant="default"
              color="red"
              leftSection={<IconBan size={14} aria-hidden />}
              onClick={() => setCancelling(true)}
              style={{ flexShrink: 0 }}
              data-testid="internal-cancel"
            >
              {t('detail.cancel')}
            </Button>
          )}
        </Group>
        <Title
          order={3}
          fz={{ base: 18, sm: 21 }}
          lh={1.35}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="internal-subject"
        >
          {doc.subject}
        </Title>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {[formatVnDate(doc.issuedDate), doc.signer && `${t('field.signer')}: ${doc.signer}`, doc.unitName]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('detail.createdBy', { name: doc.creatorName, time: formatTime(created), date: formatDate(created) })}
        </Text>
      </Stack>
      {doc.status === 'cancelled' && doc.cancelReason && (
        <Alert color="red" variant="light" icon={<IconBan size={18} aria-hidden />}>
          {t('detail.cancelledBecause', { reason: doc.cancelReason })}
        </Alert>
      )}
      <DetailSection title={t('field.content')}>
        {doc.content ? (
          <Paper withBorder radius="sm" p="sm" bg="gray.0">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="internal-content">
              {doc.content}
            </Text>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            {t('detail.noContent')}
          </Text>
        )}
      </DetailSection>
      <DetailSection title={`${t('field.files')} (${doc.files.length})`}>
        <Attachments doc={doc} />
      </DetailSection>
      <DetailSection title={t('detail.recipients', { count: doc.recipients.length })} testId="internal-recipients">
        {doc.recipients.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.noRecipients')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {doc.recipients.map((r) => (
              <Group key={r.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
                <Box style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} lineClamp={1}>
                    {r.fullName}
                  </Text>
                  {r.jobTitle && (
                    <Text size="xs" c="dimmed">
                      {r.jobTitle}
                    </Text>
                  )}
                </Box>
                {r.seenAt ? (
                  <Group gap={4} wrap="nowrap" c="teal.8">
                    <IconCheck size={14} aria-hidden />
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {t('detail.seenAt', { date: `${formatTime(r.seenAt)} ${formatDate(r.seenAt)}` })}
                    </Text>
                  </Group>
                ) : (
                  <Group gap={4} wrap="nowrap" c="dimmed">
                    <IconClock size={14} aria-hidden />
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {t('detail.notSeen')}
                    </Text>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </DetailSection>
      <LinkedDocuments kind="internal" id={doc.id} />
      <CancelModal doc={doc} opened={cancelling} onClose={() => setCancelling(false)} />
    </Stack>
  );
}

/** Xem văn bản nội bộ: the whole document; its first view by a recipient is recorded. */
export function InternalDocumentView({ id, onClose }: { id: string; onClose?: () => void }) {
  const { t } = useTranslation(['internal', 'errors', 'common']);
  const detail = useQuery(internalDetailQuery(id));
  const { mutate: markSeen } = useMarkInternalSeen();
  const seen = useRef<string | null>(null);
  const unread = detail.data?.id === id && detail.data.unread;
  useEffect(() => {
    if (!unread || seen.current === id) return;
    seen.current = id;
    markSeen(id);
  }, [id, unread, markSeen]);

  if (detail.isPending)
    return (
      <Stack gap="sm">
        <Skeleton h={24} w="40%" />
        <Skeleton h={28} />
        <Skeleton h={120} mt="md" />
      </Stack>
    );
  if (detail.isError) return <DetailError error={detail.error} notFound={t('detail.notFound')} onClose={onClose} />;
  return <Body doc={detail.data} />;
}

/**
 * A document opened from a list, in a drawer from the right (full screen on a phone). Escape
 * closes the drawer only when no dialog is open above it.
 */
export function InternalDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('internal');
  return (
    <DetailDrawer
      id={id}
      onClose={onClose}
      title={t('detail.drawerTitle')}
      closeLabel={t('detail.close')}
      data-testid="internal-drawer"
    >
      {(shown) => <InternalDocumentView key={shown} id={shown} onClose={onClose} />}
    </DetailDrawer>
  );
}
