import { Box, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconMessage2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import type { TIncomingDetail } from '../../../../contracts/incoming';
import { formatCode } from '../../../../contracts/incoming';
import { formatDateTime } from './detail-format';

interface Item {
  label: string;
  value: ReactNode;
  /** Spans both columns (long values: organ, notes). */
  wide?: boolean;
  testId?: string;
}

/** One label/value cell of the metadata grid. */
function Cell({ item }: { item: Item }) {
  const { t } = useTranslation('incomingDetail');
  const empty = item.value === null || item.value === undefined || item.value === '';
  return (
    <Box style={item.wide ? { gridColumn: '1 / -1' } : undefined} miw={0} data-testid={item.testId}>
      <Text size="xs" c="dimmed" lh={1.3}>
        {item.label}
      </Text>
      <Text size="sm" fw={empty ? 400 : 500} c={empty ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {empty ? t('meta.none') : item.value}
      </Text>
    </Box>
  );
}

/**
 * Every field of the document (ND30 Phụ lục VI and the arrival data) in a compact grid: two
 * columns on a phone, three on a wide drawer; long values span the whole row.
 */
export function DocumentMeta({ doc }: { doc: TIncomingDetail }) {
  const { t } = useTranslation(['incomingDetail', 'incoming']);
  const items: Item[] = [
    { label: t('incoming:field.issuingOrgan'), value: doc.issuingOrgan, wide: true, testId: 'doc-organ' },
    { label: t('incoming:field.code'), value: formatCode(doc.codeNumber, doc.codeNotation), testId: 'doc-code' },
    { label: t('incoming:field.issuedDate'), value: formatVnDate(doc.issuedDate) },
    { label: t('incoming:field.documentType'), value: doc.documentType },
    { label: t('incoming:field.signer'), value: doc.signer },
    { label: t('incoming:field.pageCount'), value: doc.pageCount ?? null },
    { label: t('incoming:field.field'), value: doc.field?.name ?? null },
    {
      label: t('incoming:field.dueDate'),
      value: doc.dueDate ? (
        <Text span inherit c={doc.overdue ? 'red.7' : undefined} fw={doc.overdue ? 700 : undefined}>
          {formatVnDate(doc.dueDate)}
        </Text>
      ) : null,
      testId: 'doc-due',
    },
    { label: t('incoming:field.urgency'), value: doc.urgency?.name ?? t('meta.normal') },
    { label: t('incoming:field.confidentiality'), value: doc.confidentiality?.name ?? t('meta.normal') },
    { label: t('incoming:field.arrivalAt'), value: formatDateTime(doc.arrivalAt) },
    { label: t('meta.register'), value: doc.registerName },
    { label: t('meta.registeredBy'), value: doc.registeredBy },
    { label: t('incoming:field.unit'), value: doc.unitName },
    { label: t('incoming:field.lead'), value: doc.lead },
    { label: t('incoming:field.notes'), value: doc.notes, wide: true },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="xs" data-testid="doc-meta">
      {items.map((item) => (
        <Cell key={item.label} item={item} />
      ))}
    </SimpleGrid>
  );
}

/** A coloured note (direction, result, reason) with a heading, the text and who/when. */
function Note(props: {
  color: string;
  icon: ReactNode;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
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
      <Stack gap={4}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {props.children}
        </Text>
        {props.footer && (
          <Text size="xs" c="dimmed">
            {props.footer}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The leader's direction, the result and the reasons of a return or a cancellation, when there are any. */
export function DocumentNotes({ doc }: { doc: TIncomingDetail }) {
  const { t } = useTranslation('incomingDetail');
  const notes: ReactNode[] = [];
  if (doc.direction)
    notes.push(
      <Note
        key="direction"
        color="blue"
        icon={<IconMessage2 size={16} color="var(--mantine-color-blue-7)" aria-hidden />}
        title={t('sections.direction')}
        footer={
          doc.directedBy
            ? t('meta.byAt', { name: doc.directedBy, at: formatDateTime(doc.directedAt) })
            : formatDateTime(doc.directedAt)
        }
        testId="doc-direction"
      >
        {doc.direction}
      </Note>,
    );
  if (doc.result || doc.replyCode)
    notes.push(
      <Note
        key="result"
        color="green"
        icon={<IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />}
        title={t('sections.result')}
        footer={[
          doc.replyCode ? t('meta.replyCode', { code: doc.replyCode }) : null,
          doc.completedAt ? t('meta.completedAt', { at: formatDateTime(doc.completedAt) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        testId="doc-result"
      >
        {doc.result ?? ''}
      </Note>,
    );
  for (const [key, reason] of [
    ['returnReason', doc.returnReason],
    ['cancelReason', doc.cancelReason],
  ] as const)
    if (reason)
      notes.push(
        <Note
          key={key}
          color="red"
          icon={<IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />}
          title={t(`meta.${key}`)}
          testId={`doc-${key}`}
        >
          {reason}
        </Note>,
      );
  if (notes.length === 0) return null;
  return <Stack gap="xs">{notes}</Stack>;
}
