import {
  Accordion,
  Badge,
  Box,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import type { TOutgoingDetail, TReview } from '../../../../contracts/outgoing';
import { useIsPhone } from '../../../app/media';
import { AttachmentList, FilePreview, fileUrl } from '../../../components/file-preview';
import { LevelBadges } from '../../incoming/components/levels';
import { formatDateTime } from '../../incoming/detail/detail-format';
import { outgoingUrls } from '../api';
import { OutgoingStatusBadge } from '../components/status';

/** "KT. TRƯỞNG PHÒNG … Nguyễn Văn A": the signer as the document prints it, in one line. */
export function signerLine(doc: TOutgoingDetail): string | null {
  const name = doc.signerName ?? doc.signer;
  if (!name) return null;
  return [doc.signerPrefix, doc.signerPosition, name].filter(Boolean).join(' ');
}

/** Number, levels and status, the subject, and type · date · unit · drafter. */
export function OutgoingHeader({ doc }: { doc: TOutgoingDetail }) {
  const { t } = useTranslation('outgoing');
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="wrap">
        <Badge
          size="lg"
          variant={doc.code ? 'filled' : 'light'}
          color={doc.code ? 'blue' : 'gray'}
          radius="sm"
          styles={{ label: { textTransform: 'none' } }}
          data-testid="doc-code"
        >
          {doc.code ? t('header.code', { code: doc.code }) : t('header.noCode')}
        </Badge>
        {Boolean(doc.urgency?.rank || doc.confidentiality?.rank) && (
          <Box w="max-content">
            <LevelBadges row={doc} />
          </Box>
        )}
        <OutgoingStatusBadge status={doc.status} />
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
          doc.issuedDate && t('header.issued', { date: formatVnDate(doc.issuedDate) }),
          doc.unitName,
          t('header.drafter', { name: doc.drafter }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

/** A coloured note (a recall, the last return) with a heading. */
function Note(props: {
  color: string;
  icon: ReactNode;
  title: string;
  children: ReactNode;
  footer?: string;
  testId: string;
}) {
  return (
    <Paper
      radius="md"
      p="sm"
      bg={`${props.color}.0`}
      style={{ borderLeft: `4px solid var(--mantine-color-${props.color}-6)` }}
      data-testid={props.testId}
    >
      <Group gap={6} mb={4} wrap="nowrap">
        {props.icon}
        <Text size="sm" fw={700} c={`${props.color}.9`}>
          {props.title}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
      {props.footer && (
        <Text size="xs" c="dimmed" mt={4}>
          {props.footer}
        </Text>
      )}
    </Paper>
  );
}

/** The recall reason, and why it was returned to the drafter (the last return of this round). */
export function OutgoingNotes({ doc }: { doc: TOutgoingDetail }) {
  const { t } = useTranslation('outgoing');
  const returned =
    doc.status === 'returned' ? [...doc.reviews].reverse().find((r) => r.state === 'returned') : undefined;
  return (
    <>
      {doc.recalledAt && (
        <Note
          color="red"
          icon={<IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />}
          title={t('notes.recalled')}
          footer={formatDateTime(doc.recalledAt)}
          testId="doc-recalled"
        >
          {doc.recallReason ?? ''}
        </Note>
      )}
      {returned && (
        <Note
          color="orange"
          icon={<IconArrowBackUp size={16} color="var(--mantine-color-orange-7)" aria-hidden />}
          title={t('notes.returned', { name: returned.person.fullName })}
          footer={formatDateTime(returned.actedAt)}
          testId="doc-returned"
        >
          {returned.comment ?? ''}
        </Note>
      )}
    </>
  );
}

interface Item {
  label: string;
  value: ReactNode;
  wide?: boolean;
  testId?: string;
}

/** Every field of the document (ND30 Phụ lục VI) in a compact grid, two columns on a phone. */
export function OutgoingMeta({ doc }: { doc: TOutgoingDetail }) {
  const { t } = useTranslation('outgoing');
  const items: Item[] = [
    { label: t('field.documentType'), value: doc.documentType },
    { label: t('field.code'), value: doc.code, testId: 'meta-code' },
    { label: t('field.issuedDate'), value: formatVnDate(doc.issuedDate) },
    { label: t('field.register'), value: doc.registerName },
    { label: t('field.draftingCode'), value: doc.draftingCode },
    { label: t('field.signer'), value: signerLine(doc), testId: 'meta-signer' },
    { label: t('field.pageCount'), value: doc.pageCount },
    { label: t('field.copies'), value: doc.copies },
    { label: t('field.field'), value: doc.field?.name ?? null },
    { label: t('field.dueDate'), value: formatVnDate(doc.dueDate) },
    { label: t('field.urgency'), value: doc.urgency?.name ?? t('meta.normal') },
    { label: t('field.confidentiality'), value: doc.confidentiality?.name ?? t('meta.normal') },
    { label: t('field.unit'), value: doc.unitName },
    { label: t('field.drafter'), value: doc.drafter },
    { label: t('meta.signedAt'), value: formatDateTime(doc.signedAt) },
    {
      label: t('meta.issuedBy'),
      value: doc.issuedBy ? t('meta.byAt', { name: doc.issuedBy, at: formatDateTime(doc.issuedAt) }) : null,
    },
    { label: t('field.summary'), value: doc.summary, wide: true },
    { label: t('field.recipientsText'), value: doc.recipientsText, wide: true, testId: 'meta-recipients-text' },
    { label: t('field.fileCopyTo'), value: doc.fileCopyTo, wide: true },
    { label: t('field.notes'), value: doc.notes, wide: true },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="xs" data-testid="doc-meta">
      {items.map((item) => {
        const empty = item.value === null || item.value === undefined || item.value === '';
        return (
          <Box
            key={item.label}
            style={item.wide ? { gridColumn: '1 / -1' } : undefined}
            miw={0}
            data-testid={item.testId}
          >
            <Text size="xs" c="dimmed" lh={1.3}>
              {item.label}
            </Text>
            <Text
              size="sm"
              fw={empty ? 400 : 500}
              c={empty ? 'dimmed' : undefined}
              style={{ overflowWrap: 'anywhere', whiteSpace: item.wide ? 'pre-wrap' : undefined }}
            >
              {empty ? t('meta.none') : item.value}
            </Text>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}

/** The files of the last version; on a wide screen the first that can be shown is previewed in place. */
export function OutgoingFiles({ doc }: { doc: TOutgoingDetail }) {
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  const collection = outgoingUrls.fileBase(doc.id);
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
            <FilePreview file={shown} url={fileUrl(collection, shown)} height="min(60vh, 680px)" />
          </Paper>
        </Stack>
      )}
    </Stack>
  );
}

/** Every version, newest first, with who made it, its note and its files. */
export function OutgoingVersions({ doc }: { doc: TOutgoingDetail }) {
  const { t } = useTranslation('outgoing');
  const collection = outgoingUrls.fileBase(doc.id);
  const versions = [...doc.versions].sort((a, b) => b.number - a.number);
  if (versions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('versions.empty')}
      </Text>
    );
  return (
    <Accordion variant="separated" radius="sm" multiple defaultValue={[]} data-testid="doc-versions">
      {versions.map((v) => (
        <Accordion.Item key={v.number} value={String(v.number)} data-testid="doc-version">
          <Accordion.Control>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>
                {t('versions.title', { n: v.number })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('versions.by', { name: v.createdBy, at: formatDateTime(v.createdAt), count: v.files.length })}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              {v.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {v.note}
                </Text>
              )}
              <AttachmentList files={v.files} collection={collection} />
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

const REVIEW_COLORS: Record<TReview['state'], string> = {
  pending: 'yellow',
  approved: 'green',
  returned: 'orange',
  skipped: 'gray',
};

/**
 * The approval path of this round: each step (its label, one approver or all co-signing) with
 * each reviewer's state, comment and date; the current step stands out while in review.
 */
export function ApprovalSteps({ doc }: { doc: TOutgoingDetail }) {
  const { t } = useTranslation('outgoing');
  if (doc.steps.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="approval-empty">
        {doc.status === 'draft' ? t('approval.notSubmitted') : t('approval.none')}
      </Text>
    );
  return (
    <Stack gap={6} data-testid="approval-steps">
      {doc.steps.map((step, i) => {
        const reviews = doc.reviews.filter((r) => r.stepIndex === i);
        const current = doc.status === 'in_review' && doc.currentStep === i;
        const done = reviews.length > 0 && reviews.every((r) => r.state === 'approved' || r.state === 'skipped');
        return (
          <Paper
            // Steps have no id; their order is the path.
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed list
            key={i}
            withBorder
            radius="sm"
            p="xs"
            style={current ? { borderColor: 'var(--mantine-color-yellow-5)', borderWidth: 2 } : undefined}
            data-testid="approval-step"
            data-current={current || undefined}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon
                size={24}
                radius="xl"
                variant={done ? 'filled' : 'light'}
                color={done ? 'green' : current ? 'yellow' : 'gray'}
              >
                <Text size="xs" fw={700}>
                  {i + 1}
                </Text>
              </ThemeIcon>
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {step.label}
                  </Text>
                  <Badge size="xs" variant="outline" color="gray">
                    {t(`flows.mode.${step.mode}`)}
                  </Badge>
                  {i === doc.steps.length - 1 && (
                    <Badge size="xs" variant="light" color="teal">
                      {t('approval.signerStep')}
                    </Badge>
                  )}
                </Group>
                {reviews.length === 0 && (
                  <Text size="xs" c="dimmed">
                    {t('approval.waiting')}
                  </Text>
                )}
                {reviews.map((r) => (
                  <Box key={`${r.person.id}-${r.stepIndex}`} data-testid="review" data-state={r.state}>
                    <Group gap={6} wrap="wrap" justify="space-between">
                      <Text size="sm">
                        {r.person.fullName}
                        {r.person.jobTitle && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            · {r.person.jobTitle}
                          </Text>
                        )}
                      </Text>
                      <Group gap={6} wrap="nowrap">
                        <Badge size="sm" variant="light" color={REVIEW_COLORS[r.state]} miw="max-content">
                          {t(`approval.state.${r.state}`)}
                        </Badge>
                        {r.actedAt && (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {formatDateTime(r.actedAt)}
                          </Text>
                        )}
                      </Group>
                    </Group>
                    {r.comment && (
                      <Text
                        size="sm"
                        c="gray.8"
                        pl="xs"
                        mt={2}
                        style={{
                          borderLeft: '3px solid var(--mantine-color-gray-3)',
                          whiteSpace: 'pre-wrap',
                          overflowWrap: 'anywhere',
                        }}
                      >
                        {r.comment}
                      </Text>
                    )}
                  </Box>
                ))}
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
