import {
  Alert,
  Box,
  Center,
  Drawer,
  Group,
  Loader,
  Pagination,
  Paper,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInboxItem } from '../../../contracts/announcements';
import { errorMessage } from '../../app/errors';
import { formatDate, formatTime } from '../../app/format';
import { useIsPhone } from '../../app/media';
import { inboxQuery, useMarkRead } from './api';
import { AnnouncementFiles } from './sent-list';

/**
 * "Tin nhắn mới" (Điều 3.7h): the announcements received, newest first, unread in bold. Opening
 * one shows its text and files and sends the read receipt.
 */
export function MessagesDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('announcements');
  const isPhone = useIsPhone();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'md'}
      title={<Text fw={600}>{t('inbox.title')}</Text>}
      data-testid="messages-drawer"
    >
      {opened && <Inbox />}
    </Drawer>
  );
}

function Inbox() {
  const { t } = useTranslation('announcements');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const inbox = useQuery(inboxQuery(page));
  const markRead = useMarkRead();

  if (inbox.isPending) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  if (inbox.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        {errorMessage(t, inbox.error)}
      </Alert>
    );
  }
  const { items, total, pageSize, unread } = inbox.data;
  const toggle = (item: TInboxItem) => {
    const next = openId === item.id ? null : item.id;
    setOpenId(next);
    if (next && item.unread && !markRead.isPending) markRead.mutate(item.id);
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {total === 0 ? t('inbox.empty') : t('inbox.summary', { total, unread })}
      </Text>
      {items.map((item) => (
        <InboxCard key={item.id} item={item} open={openId === item.id} onToggle={() => toggle(item)} />
      ))}
      {total > pageSize && <Pagination size="sm" total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />}
    </Stack>
  );
}

function InboxCard({ item, open, onToggle }: { item: TInboxItem; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation('announcements');
  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg={item.unread ? 'var(--mantine-color-blue-light)' : undefined}
      data-testid="inbox-item"
      data-unread={item.unread}
    >
      <UnstyledButton onClick={onToggle} w="100%" aria-expanded={open} data-testid="inbox-item-toggle">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Chevron size={16} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
          <Box style={{ flex: 1, minWidth: 0 }}>
            <Text fw={item.unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
              {item.title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {t('inbox.from', { name: item.senderName, unit: item.senderUnitName })}
            </Text>
            <Text size="xs" c="dimmed">
              {`${formatTime(item.createdAt)} ${formatDate(item.createdAt)}`}
            </Text>
          </Box>
          {item.files.length > 0 && <IconPaperclip size={16} aria-label={t('inbox.hasFiles')} />}
        </Group>
      </UnstyledButton>
      {open && (
        <Stack gap="xs" mt="xs" pl={24}>
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="inbox-item-body">
            {item.body}
          </Text>
          <AnnouncementFiles id={item.id} files={item.files} />
        </Stack>
      )}
    </Paper>
  );
}
