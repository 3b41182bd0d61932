import { Box, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOutgoingDetail } from '../../../../contracts/outgoing';
import { useIsPhone } from '../../../app/media';
import { DetailDrawer, DetailError, DetailLoading, DetailSection } from '../../../components/detail-drawer';
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
      <DetailSection title={t('sections.files', { count: doc.files.length })} testId="doc-files">
        <OutgoingFiles doc={doc} />
      </DetailSection>
      <DetailSection title={t('sections.deliveries', { count: doc.deliveries.length })} testId="doc-deliveries">
        <DeliveriesTable doc={doc} />
      </DetailSection>
      <DetailSection title={t('sections.info')}>
        <OutgoingMeta doc={doc} />
      </DetailSection>
      <DetailSection title={t('sections.approval')} testId="doc-approval">
        <ApprovalSteps doc={doc} />
      </DetailSection>
      {doc.infoUsers.length > 0 && (
        <DetailSection title={t('sections.infoUsers', { count: doc.infoUsers.length })} testId="doc-info-users">
          <InfoUsers doc={doc} />
        </DetailSection>
      )}
      <DetailSection title={t('sections.versions', { count: doc.versions.length })}>
        <OutgoingVersions doc={doc} />
      </DetailSection>
      <DetailSection title={t('sections.trail')}>
        <OutgoingTrail trail={doc.trail} />
      </DetailSection>
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

  if (detail.isPending) return <DetailLoading testId="outgoing-view-loading" />;
  if (detail.isError)
    return (
      <DetailError
        error={detail.error}
        notFound={t('notFound')}
        onRetry={() => void detail.refetch()}
        onClose={onClose}
        testId="doc-error"
      />
    );
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
  return (
    <DetailDrawer
      id={id}
      onClose={onClose}
      title={t('drawerTitle')}
      closeLabel={t('actions.close')}
      wide
      respectStopPropagation
      data-testid="outgoing-drawer"
    >
      {(shown) => (
        <Box>
          <OutgoingView key={shown} id={shown} onClose={onClose} onOpen={onOpen} onActionDone={onActionDone} />
        </Box>
      )}
    </DetailDrawer>
  );
}
