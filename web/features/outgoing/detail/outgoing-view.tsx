import { Alert, Box, Button, Divider, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOutgoingDetail } from '../../../../contracts/outgoing';
import { ApiError } from '../../../app/api';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { outgoingDetailQuery, useOutgoingActions, useRefreshAfterView } from '../api';
import { OutgoingActionBar } from './action-bar';
import { OutgoingActionModal } from './action-modal';
import { allowedOutgoingActions, type TOutgoingActionName } from './actions';
import { DeliveriesTable, DocumentLinks, InfoUsers } from './deliveries-table';
import {
  ApprovalSteps,
  OutgoingFiles,
  OutgoingHeader,
  OutgoingMeta,
  OutgoingNotes,
  OutgoingVersions,
} from './sections';
import { OutgoingTrail } from './trail';

/** A titled block of the document view. */
function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Divider
        label={
          <Text size="sm" fw={700} c="dark.6">
            {title}
          </Text>
        }
        labelPosition="left"
      />
      {children}
    </Stack>
  );
}

function Loading() {
  return (
    <Stack gap="sm" data-testid="outgoing-view-loading">
      <Skeleton h={24} w="40%" />
      <Skeleton h={28} />
      <Skeleton h={16} w="70%" />
      <Skeleton h={120} mt="md" />
      <Skeleton h={200} />
    </Stack>
  );
}

export interface OutgoingViewProps {
  id: string;
  onClose?: () => void;
  /** Opens another outgoing document in place (the one it replaces, its replacement, a new draft). */
  onOpen?: (id: string) => void;
  onActionDone?: (name: TOutgoingActionName, result: TOutgoingDetail) => void;
}

function OutgoingBody({
  doc,
  onOpen,
  onClose,
  onActionDone,
}: { doc: TOutgoingDetail } & Omit<OutgoingViewProps, 'id'>) {
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const actions = useOutgoingActions(doc.id);
  const [acting, setActing] = useState<TOutgoingActionName | null>(null);
  const bar = <OutgoingActionBar actions={allowedOutgoingActions(doc)} onPick={setActing} />;
  // The drawer closes first: a drawer of a hidden tab would stay over the page it opens.
  const openIncoming = (incomingId: string) => {
    onClose?.();
    void navigate({ to: '/app/$functionId', params: { functionId: 'incoming-view' }, search: { doc: incomingId } });
  };

  return (
    <Stack gap="md" data-testid="outgoing-view" data-doc-id={doc.id} data-status={doc.status}>
      <OutgoingHeader doc={doc} />
      {!isPhone && bar}
      <OutgoingNotes doc={doc} />
      <DocumentLinks doc={doc} onOpen={(id) => onOpen?.(id)} onOpenIncoming={openIncoming} />
      <Section title={t('sections.files', { count: doc.files.length })} testId="doc-files">
        <OutgoingFiles doc={doc} />
      </Section>
      <Section title={t('sections.deliveries', { count: doc.deliveries.length })} testId="doc-deliveries">
        <DeliveriesTable doc={doc} />
      </Section>
      <Section title={t('sections.info')}>
        <OutgoingMeta doc={doc} />
      </Section>
      <Section title={t('sections.approval')} testId="doc-approval">
        <ApprovalSteps doc={doc} />
      </Section>
      {doc.infoUsers.length > 0 && (
        <Section title={t('sections.infoUsers', { count: doc.infoUsers.length })} testId="doc-info-users">
          <InfoUsers doc={doc} />
        </Section>
      )}
      <Section title={t('sections.versions', { count: doc.versions.length })}>
        <OutgoingVersions doc={doc} />
      </Section>
      <Section title={t('sections.trail')}>
        <OutgoingTrail trail={doc.trail} />
      </Section>
      {isPhone && bar}
      <OutgoingActionModal
        name={acting}
        doc={doc}
        actions={actions}
        onClose={() => setActing(null)}
        onDone={(name, result) => {
          if (result.id !== doc.id) onOpen?.(result.id);
          onActionDone?.(name, result);
        }}
      />
    </Stack>
  );
}

/**
 * Xem văn bản đi: the whole document — header, files with preview, receipts of every recipient,
 * metadata, the approval path, people informed, versions and the trail — with the buttons the
 * server's `abilities` allow. Opening it records the first view (the unread count drops).
 */
export function OutgoingView({ id, onClose, onOpen, onActionDone }: OutgoingViewProps) {
  const { t } = useTranslation(['outgoing', 'errors', 'common']);
  const detail = useQuery(outgoingDetailQuery(id));
  const refresh = useRefreshAfterView();
  const seen = useRef<string | null>(null);
  const loaded = detail.data?.id === id;
  useEffect(() => {
    if (!loaded || seen.current === id) return;
    seen.current = id;
    refresh();
  }, [id, loaded, refresh]);

  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="doc-error">
        <Stack gap="xs">
          <Text size="sm">{missing ? t('notFound') : errorMessage(t, detail.error)}</Text>
          <Group gap="xs">
            {!missing && (
              <Button size="xs" variant="light" onClick={() => void detail.refetch()}>
                {t('common:actions.retry')}
              </Button>
            )}
            {onClose && (
              <Button size="xs" variant="default" onClick={onClose}>
                {t('common:actions.close')}
              </Button>
            )}
          </Group>
        </Stack>
      </Alert>
    );
  }
  return <OutgoingBody doc={detail.data} onOpen={onOpen} onActionDone={onActionDone} onClose={onClose} />;
}

/**
 * A document opened from a list: OutgoingView in a drawer from the right (about 60 % of a wide
 * screen, the whole screen of a phone). `id` null keeps it closed.
 */
export function OutgoingDrawer({
  id,
  onClose,
  onOpen,
  onActionDone,
}: {
  id: string | null;
  onClose: () => void;
  onOpen?: (id: string) => void;
  onActionDone?: OutgoingViewProps['onActionDone'];
}) {
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  const last = useRef<string | null>(id);
  if (id) last.current = id;
  const shown = id ?? last.current;
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  // A form or a file preview opened from the document closes alone on Escape (see DocumentDrawer).
  useEffect(() => {
    if (!id) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing) return;
      if ((e.target as HTMLElement | null)?.getAttribute?.('data-mantine-stop-propagation') === 'true') return;
      if (document.querySelector('.mantine-Modal-content')) return;
      closeRef.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [id]);

  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      closeOnEscape={false}
      size={isPhone ? '100%' : 'clamp(640px, 60%, 1100px)'}
      padding={isPhone ? 'sm' : 'lg'}
      title={
        <Text fw={700} size="sm" c="dimmed">
          {t('drawerTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('actions.close'), size: 'lg' }}
      data-testid="outgoing-drawer"
    >
      {shown && (
        <Box>
          <OutgoingView key={shown} id={shown} onClose={onClose} onOpen={onOpen} onActionDone={onActionDone} />
        </Box>
      )}
    </Drawer>
  );
}
