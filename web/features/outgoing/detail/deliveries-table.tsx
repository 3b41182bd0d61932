import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Collapse,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Timeline,
  Tooltip,
} from '@mantine/core';
import { IconBuilding, IconChevronDown, IconChevronRight, IconFileCode, IconMail } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDelivery, TOutgoingDetail } from '../../../../contracts/outgoing';
import { useIsPhone } from '../../../app/media';
import { formatDateTime } from '../../incoming/detail/detail-format';
import { outgoingUrls } from '../api';
import { DELIVERY_COLORS, DeliveryStatusBadge } from '../components/status';

/** Every status the delivery went through, oldest first, with its QCVN 102 code and note. */
function EventHistory({ delivery }: { delivery: TDelivery }) {
  const { t } = useTranslation('outgoing');
  if (delivery.events.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('delivery.noEvents')}
      </Text>
    );
  return (
    <Timeline bulletSize={12} lineWidth={2} active={delivery.events.length - 1} data-testid="delivery-events">
      {delivery.events.map((e, i) => (
        <Timeline.Item
          // Events have no id; their order is fixed.
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed list rendered once
          key={i}
          color={DELIVERY_COLORS[e.status]}
          title={
            <Text size="sm" fw={600}>
              {t(`delivery.status.${e.status}`)}{' '}
              <Text span size="xs" c="dimmed" fw={400}>
                {t('delivery.code', { code: e.code })}
              </Text>
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {[formatDateTime(e.at), e.actorName].filter(Boolean).join(' · ')}
          </Text>
          {e.note && (
            <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {e.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** Name, email and kind of a recipient; the reason when it refused, the recall when there is one. */
function Recipient({ delivery }: { delivery: TDelivery }) {
  const { t } = useTranslation('outgoing');
  const Icon = delivery.kind === 'unit' ? IconBuilding : IconMail;
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Icon size={16} color="var(--mantine-color-gray-6)" aria-label={t(`delivery.kind.${delivery.kind}`)} />
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {delivery.name}
        </Text>
      </Group>
      {delivery.email && (
        <Text size="xs" c="dimmed" pl={22} style={{ overflowWrap: 'anywhere' }}>
          {delivery.email}
        </Text>
      )}
      {delivery.statusNote && (
        <Text
          size="xs"
          c={delivery.status === 'refused' ? 'red.8' : 'dimmed'}
          pl={22}
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {delivery.statusNote}
        </Text>
      )}
      {delivery.recallState && (
        <Box pl={22}>
          <Badge size="xs" variant="outline" color={delivery.recallState === 'accepted' ? 'dark' : 'orange'}>
            {t(`delivery.recall.${delivery.recallState}`)}
          </Badge>
        </Box>
      )}
    </Stack>
  );
}

/** The edXML package of an issued document for one outside organ. */
function EdxmlLink({ doc, delivery }: { doc: TOutgoingDetail; delivery: TDelivery }) {
  const { t } = useTranslation('outgoing');
  if (delivery.kind !== 'organ' || !doc.code) return null;
  return (
    <Tooltip label={t('delivery.edxmlHint')}>
      <ActionIcon
        component="a"
        href={outgoingUrls.edxml(doc.id, delivery.id)}
        download
        variant="subtle"
        aria-label={t('delivery.edxml', { name: delivery.name })}
        data-testid={`delivery-edxml-${delivery.id}`}
      >
        <IconFileCode size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

/** When the latest status came (or when it was sent). */
function StatusDate({ delivery }: { delivery: TDelivery }) {
  const at = delivery.statusAt ?? delivery.sentAt;
  return (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {at ? formatDateTime(at) : ''}
    </Text>
  );
}

/**
 * "Theo dõi hồi báo": each recipient with its receipt status as it comes back (Đã đến, Đã vào sổ,
 * Đã giao xử lý …), the date, and the history behind a toggle; edXML for outside organs. A table
 * on a desktop, cards on a phone.
 */
export function DeliveriesTable({ doc }: { doc: TOutgoingDetail }) {
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  if (doc.deliveries.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="deliveries-empty">
        {t('delivery.empty')}
      </Text>
    );

  const toggleButton = (d: TDelivery) => (
    <ActionIcon
      variant="subtle"
      color="gray"
      onClick={() => toggle(d.id)}
      aria-expanded={open.has(d.id)}
      aria-label={t('delivery.history', { name: d.name })}
      data-testid={`delivery-toggle-${d.id}`}
    >
      {open.has(d.id) ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
    </ActionIcon>
  );

  if (isPhone)
    return (
      <Stack gap={6} data-testid="deliveries">
        {doc.deliveries.map((d) => (
          <Paper key={d.id} withBorder radius="sm" p="xs" data-testid="delivery-row" data-name={d.name}>
            <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
              <Recipient delivery={d} />
              <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                <DeliveryStatusBadge status={d.status} sentAt={d.sentAt} />
                <Group gap={2} wrap="nowrap">
                  <StatusDate delivery={d} />
                  <EdxmlLink doc={doc} delivery={d} />
                  {toggleButton(d)}
                </Group>
              </Stack>
            </Group>
            <Collapse expanded={open.has(d.id)}>
              <Box pt="xs">
                <EventHistory delivery={d} />
              </Box>
            </Collapse>
          </Paper>
        ))}
      </Stack>
    );

  return (
    <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
      <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="deliveries">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>{t('delivery.recipient')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('delivery.statusLabel')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('delivery.date')}</Table.Th>
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {doc.deliveries.map((d) => (
            <Fragment key={d.id}>
              <Table.Tr data-testid="delivery-row" data-name={d.name}>
                <Table.Td>{toggleButton(d)}</Table.Td>
                <Table.Td>
                  <Recipient delivery={d} />
                </Table.Td>
                <Table.Td style={{ width: '1%' }}>
                  <DeliveryStatusBadge status={d.status} sentAt={d.sentAt} />
                </Table.Td>
                <Table.Td style={{ width: '1%' }}>
                  <StatusDate delivery={d} />
                </Table.Td>
                <Table.Td>
                  <EdxmlLink doc={doc} delivery={d} />
                </Table.Td>
              </Table.Tr>
              {open.has(d.id) && (
                <Table.Tr>
                  <Table.Td />
                  <Table.Td colSpan={4}>
                    <EventHistory delivery={d} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The info recipients inside the unit, and whether each has opened it yet. */
export function InfoUsers({ doc }: { doc: TOutgoingDetail }) {
  const { t } = useTranslation('outgoing');
  return (
    <Stack gap={4} data-testid="info-users">
      {doc.infoUsers.map((p) => (
        <Group key={p.id} gap="xs" justify="space-between" wrap="nowrap">
          <Box style={{ minWidth: 0 }}>
            <Text size="sm" fw={p.seenAt ? 400 : 600} truncate>
              {p.fullName}
            </Text>
            {p.jobTitle && (
              <Text size="xs" c="dimmed" truncate>
                {p.jobTitle}
              </Text>
            )}
          </Box>
          {p.seenAt ? (
            <Text size="xs" c="green.8" style={{ whiteSpace: 'nowrap' }}>
              {t('info.seen', { at: formatDateTime(p.seenAt) })}
            </Text>
          ) : (
            <Badge size="sm" variant="light" color="gray" miw="max-content">
              {t('info.unseen')}
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** Links to the documents this one replaces, is replaced by, or answers. */
export function DocumentLinks(props: {
  doc: TOutgoingDetail;
  onOpen: (id: string) => void;
  onOpenIncoming: (id: string) => void;
}) {
  const { t } = useTranslation('outgoing');
  const { doc } = props;
  const items = [
    doc.replaces && { key: 'replaces', ref: doc.replaces, open: () => props.onOpen(doc.replaces?.id ?? '') },
    doc.replacedBy && { key: 'replacedBy', ref: doc.replacedBy, open: () => props.onOpen(doc.replacedBy?.id ?? '') },
    doc.replyToIncoming && {
      key: 'replyToIncoming',
      ref: doc.replyToIncoming,
      open: () => props.onOpenIncoming(doc.replyToIncoming?.id ?? ''),
    },
  ].filter(Boolean) as { key: string; ref: NonNullable<TOutgoingDetail['replaces']>; open: () => void }[];
  if (items.length === 0) return null;
  return (
    <Stack gap={4} data-testid="doc-links">
      {items.map((item) => (
        <Text key={item.key} size="sm">
          <Text span c="dimmed" inherit>
            {t(`links.${item.key}`)}:{' '}
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={item.open} data-testid={`link-${item.key}`}>
            {[item.ref.code, item.ref.subject].filter(Boolean).join(' — ')}
          </Anchor>
        </Text>
      ))}
    </Stack>
  );
}
