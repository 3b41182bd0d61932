import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Pagination,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertCircle, IconChecks, IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReceipt, TSentItem } from '../../../contracts/announcements';
import { errorMessage } from '../../app/errors';
import { formatDate, formatTime } from '../../app/format';
import { useIsPhone } from '../../app/media';
import { AttachmentList } from '../../components/file-preview';
import { receiptsQuery, sentQuery } from './api';

const when = (iso: string) => `${formatTime(iso)} ${formatDate(iso)}`;

/** The sender's announcements, newest first, each with "Đã đọc x/y" and its receipts. */
export function SentList() {
  const { t } = useTranslation('announcements');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const sent = useQuery(sentQuery(page));

  if (sent.isPending) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  if (sent.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
        {errorMessage(t, sent.error)}
      </Alert>
    );
  }
  const { items, total, pageSize } = sent.data;
  return (
    <Stack gap="sm" data-testid="ann-sent">
      <Text fw={600}>{t('sent.heading')}</Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('sent.empty')}
        </Text>
      )}
      {items.map((item) => (
        <SentCard key={item.id} item={item} onOpen={() => setOpenId(item.id)} />
      ))}
      {total > pageSize && <Pagination size="sm" total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />}
      <ReceiptsModal id={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}

function SentCard({ item, onOpen }: { item: TSentItem; onOpen: () => void }) {
  const { t } = useTranslation('announcements');
  const percent = item.recipientCount ? (item.readCount / item.recipientCount) * 100 : 0;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="ann-sent-item">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {when(item.createdAt)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-line' }}>
          {item.body}
        </Text>
        <Group gap="xs" wrap="wrap">
          {item.files.length > 0 && (
            <Badge variant="light" color="gray" leftSection={<IconPaperclip size={12} aria-hidden />}>
              {t('sent.files', { count: item.files.length })}
            </Badge>
          )}
          {item.sms && (
            <Badge variant="light" color="grape">
              {t('sent.sms')}
            </Badge>
          )}
        </Group>
        <Progress value={percent} size="sm" color={percent === 100 ? 'green' : 'blue'} aria-hidden />
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" data-testid="ann-read-count">
            {t('sent.readCount', { read: item.readCount, total: item.recipientCount })}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconChecks size={14} aria-hidden />}
            onClick={onOpen}
            data-testid="ann-receipts-open"
          >
            {t('sent.receipts')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SmsStatus({ sms }: { sms: TReceipt['sms'] }) {
  const { t } = useTranslation('announcements');
  if (!sms) return <Text size="sm">–</Text>;
  const color = sms.status === 'sent' ? 'green' : sms.status === 'failed' ? 'red' : 'yellow';
  return (
    <Badge variant="light" color={color} title={sms.lastError ?? undefined}>
      {t(`receipts.sms.${sms.status}`)}
    </Badge>
  );
}

/** When a recipient read it ("Chưa đọc" if not yet); `plain` gives the bare time (table column). */
function ReadAt({ readAt, plain = false }: { readAt: string | null; plain?: boolean }) {
  const { t } = useTranslation('announcements');
  if (readAt) return <Text size="sm">{plain ? when(readAt) : t('receipts.readOn', { time: when(readAt) })}</Text>;
  return (
    <Text size="sm" c="dimmed">
      {t('receipts.unread')}
    </Text>
  );
}

/** Who received an announcement, when they read it, and their SMS status. */
function ReceiptsModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('announcements');
  const isPhone = useIsPhone();
  const receipts = useQuery({ ...receiptsQuery(id ?? ''), enabled: id !== null });
  const data = receipts.data;
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      title={t('receipts.title')}
      size="lg"
      fullScreen={isPhone}
      data-testid="ann-receipts"
    >
      {receipts.isPending && (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      )}
      {receipts.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, receipts.error)}
        </Alert>
      )}
      {data && (
        <Stack gap="sm">
          <Text fw={600}>{data.title}</Text>
          <Text size="sm">{t('sent.readCount', { read: data.readCount, total: data.recipientCount })}</Text>
          {isPhone ? (
            <Stack gap={0}>
              {data.items.map((r) => (
                <Group
                  key={r.userId}
                  justify="space-between"
                  wrap="nowrap"
                  gap="xs"
                  py={8}
                  style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
                  data-testid="ann-receipt-row"
                >
                  <Box style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {r.fullName}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {r.unitName}
                    </Text>
                    <ReadAt readAt={r.readAt} />
                  </Box>
                  {r.sms && <SmsStatus sms={r.sms} />}
                </Group>
              ))}
            </Stack>
          ) : (
            <Table striped verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('receipts.person')}</Table.Th>
                  <Table.Th>{t('receipts.readAt')}</Table.Th>
                  <Table.Th>{t('receipts.smsHeader')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((r) => (
                  <Table.Tr key={r.userId} data-testid="ann-receipt-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.unitName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ReadAt readAt={r.readAt} plain />
                    </Table.Td>
                    <Table.Td>
                      <SmsStatus sms={r.sms} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Modal>
  );
}

/** Files of an announcement (sender or recipient), served by the module's file route. */
export function AnnouncementFiles({ id, files }: { id: string; files: TSentItem['files'] }) {
  if (files.length === 0) return null;
  return <AttachmentList files={files} collection={`/api/announcements/${id}/files`} />;
}
