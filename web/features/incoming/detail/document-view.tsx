import { Badge, Box, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import { formatArrivalNumber, formatCode, type TIncomingDetail } from '../../../../contracts/incoming';
import { useIsPhone } from '../../../app/media';
import { DetailDrawer, DetailError, DetailLoading, DetailSection } from '../../../components/detail-drawer';
import { AttachmentList, FilePreview, fileUrl } from '../../../components/file-preview';
import { ReplyButton } from '../../outgoing/components/reply-button';
import { LinkedDocuments } from '../../links/linked-documents';
import { detailQuery, incomingUrls, useIncomingActions, useMarkSeen } from '../api';
import { LevelBadges, StatusBadge } from '../components/levels';
import { ActionBar } from './action-bar';
import { ActionModal } from './action-modal';
import { allowedActions, type TActionName } from './actions';
import { DocumentMeta, DocumentNotes } from './document-meta';
import { HandlersTable } from './handlers-table';
import { OpinionAsks, OpinionsList } from './opinions-section';
import { TrailTimeline } from './trail-timeline';

/** Number, levels, status, subject and the code line; "In phiếu" opens the processing slip. */
function Header({ doc }: { doc: TIncomingDetail }) {
  const { t } = useTranslation('incomingDetail');
  const code = formatCode(doc.codeNumber, doc.codeNotation);
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Group gap={6} wrap="wrap">
          <Badge size="lg" variant="filled" color="blue" radius="sm" data-testid="doc-arrival">
            {t('header.arrival', { number: formatArrivalNumber(doc.arrivalNumber), year: doc.year })}
          </Badge>
          {Boolean(doc.urgency?.rank || doc.confidentiality?.rank) && (
            <Box w="max-content">
              <LevelBadges row={doc} />
            </Box>
          )}
          <Box w="max-content">
            <StatusBadge row={doc} />
          </Box>
        </Group>
        <Button
          component="a"
          href={incomingUrls.slip(doc.id)}
          target="_blank"
          rel="noopener"
          size="xs"
          variant="default"
          leftSection={<IconPrinter size={14} />}
          style={{ flexShrink: 0 }}
          data-testid="doc-print-slip"
        >
          {t('header.printSlip')}
        </Button>
      </Group>
      <Title
        order={3}
        fz={{ base: 18, sm: 21 }}
        lh={1.35}
        style={{ overflowWrap: 'anywhere' }}
        data-testid="doc-subject"
      >
        {doc.subject}
      </Title>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {[
          doc.documentType,
          code && t('header.code', { code }),
          doc.issuedDate && t('header.issued', { date: formatVnDate(doc.issuedDate) }),
          doc.issuingOrgan,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

/** The attachments; on a wide screen the first one that can be shown is previewed in place. */
function Attachments({ doc }: { doc: TIncomingDetail }) {
  const { t } = useTranslation('incomingDetail');
  const isPhone = useIsPhone();
  const collection = incomingUrls.fileBase(doc.id);
  const viewable = doc.files.filter((f) => f.preview !== 'none');
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = viewable.find((f) => f.id === chosen) ?? viewable[0];
  return (
    <Stack gap="xs">
      <AttachmentList files={doc.files} collection={collection} />
      {!isPhone && shown && (
        <Stack gap={6} data-testid="doc-inline-preview">
          {viewable.length > 1 && (
            <SegmentedControl
              size="xs"
              value={shown.id}
              onChange={setChosen}
              data={viewable.map((f) => ({ value: f.id, label: f.name }))}
              aria-label={t('sections.preview')}
              style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
            />
          )}
          <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
            <FilePreview file={shown} url={fileUrl(collection, shown)} height="min(70vh, 760px)" />
          </Paper>
        </Stack>
      )}
    </Stack>
  );
}

/** What the document view does once it has the document. */
function DocumentBody({
  doc,
  onActionDone,
  onClose,
}: {
  doc: TIncomingDetail;
  onActionDone?: (name: TActionName, doc: TIncomingDetail) => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation('incomingDetail');
  const isPhone = useIsPhone();
  const actions = useIncomingActions(doc.id);
  const [acting, setActing] = useState<TActionName | null>(null);
  const allowed = allowedActions(doc.abilities);
  const answering = Boolean(doc.abilities.answerRequestId);
  const bar = <ActionBar actions={allowed} answering={answering} onPick={setActing} />;
  const hasOpinions = doc.opinions.length > 0 || doc.opinionAsks.length > 0;

  return (
    <Stack gap="md" data-testid="document-view" data-doc-id={doc.id} data-status={doc.status}>
      <Header doc={doc} />
      {!isPhone && bar}
      <ReplyButton doc={doc} onOpened={onClose} />
      <DocumentNotes doc={doc} />
      <DetailSection title={t('sections.attachments', { count: doc.files.length })} testId="doc-files">
        <Attachments doc={doc} />
      </DetailSection>
      <DetailSection title={t('sections.info')}>
        <DocumentMeta doc={doc} />
      </DetailSection>
      <DetailSection title={t('sections.handlers')} testId="doc-handlers">
        <HandlersTable assignments={doc.assignments} />
      </DetailSection>
      {hasOpinions && (
        <DetailSection title={t('sections.opinions')} testId="doc-opinions-section">
          <OpinionAsks asks={doc.opinionAsks} />
          {doc.opinions.length > 0 && <OpinionsList docId={doc.id} opinions={doc.opinions} />}
        </DetailSection>
      )}
      <DetailSection title={t('sections.trail')}>
        <TrailTimeline trail={doc.trail} />
      </DetailSection>
      <LinkedDocuments kind="incoming" id={doc.id} />
      {isPhone && bar}
      <ActionModal
        name={acting}
        doc={doc}
        actions={actions}
        onClose={() => setActing(null)}
        onDone={(name) => onActionDone?.(name, doc)}
      />
    </Stack>
  );
}

/**
 * Xem văn bản đến: the whole document — header, direction, attachments with preview, metadata,
 * handlers, opinions and the trail — with the buttons the server's `abilities` allow, each
 * opening its form. Marks the document seen once when it opens.
 */
export function DocumentView({
  id,
  onClose,
  onActionDone,
}: {
  id: string;
  onClose?: () => void;
  /** Told after an action succeeded (a work list may close the view and move on). */
  onActionDone?: (name: TActionName, doc: TIncomingDetail) => void;
}) {
  const { t } = useTranslation(['incomingDetail', 'errors', 'common']);
  const detail = useQuery(detailQuery(id));
  const { mutate: markSeen } = useMarkSeen();
  const seen = useRef<string | null>(null);
  const loaded = detail.data?.id === id;

  useEffect(() => {
    if (!loaded || seen.current === id) return;
    seen.current = id;
    markSeen(id);
  }, [id, loaded, markSeen]);

  if (detail.isPending) return <DetailLoading testId="document-view-loading" />;
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
  return <DocumentBody doc={detail.data} onActionDone={onActionDone} onClose={onClose} />;
}

/**
 * A document opened from a list: DocumentView in a drawer from the right (about 60 % of a wide
 * screen, the whole screen of a phone). `id` null keeps it closed; the last document stays
 * shown while the drawer slides out.
 */
export function DocumentDrawer({
  id,
  onClose,
  onActionDone,
}: {
  id: string | null;
  onClose: () => void;
  onActionDone?: (name: TActionName, doc: TIncomingDetail) => void;
}) {
  const { t } = useTranslation('incomingDetail');
  return (
    <DetailDrawer
      id={id}
      onClose={onClose}
      title={t('drawerTitle')}
      closeLabel={t('actions.close')}
      wide
      respectStopPropagation
      data-testid="document-drawer"
    >
      {(shown) => (
        <Box>
          <DocumentView key={shown} id={shown} onClose={onClose} onActionDone={onActionDone} />
        </Box>
      )}
    </DetailDrawer>
  );
}
