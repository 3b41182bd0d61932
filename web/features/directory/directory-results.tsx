import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TDirectoryEntry } from '../../../contracts/directory';

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function Phone({ phone }: { phone: string | null }) {
  const { t } = useTranslation('directory');
  if (!phone) return null;
  return (
    <Anchor href={telHref(phone)} aria-label={t('call', { phone })} style={{ whiteSpace: 'nowrap' }}>
      {phone}
    </Anchor>
  );
}

function Email({ email }: { email: string | null }) {
  const { t } = useTranslation('directory');
  if (!email) return null;
  return (
    <Anchor href={`mailto:${email}`} aria-label={t('mail', { email })} style={{ wordBreak: 'break-all' }}>
      {email}
    </Anchor>
  );
}

/** Directory rows as a table (desktop): Họ và tên, Chức danh, Đơn vị, Điện thoại, Email. */
export function DirectoryTable({ items }: { items: TDirectoryEntry[] }) {
  const { t } = useTranslation('directory');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="directory-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.fullName')}</Table.Th>
            <Table.Th>{t('columns.jobTitle')}</Table.Th>
            <Table.Th>{t('columns.unit')}</Table.Th>
            <Table.Th>{t('columns.phone')}</Table.Th>
            <Table.Th>{t('columns.email')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id} data-testid="directory-row">
              <Table.Td fw={600}>{entry.fullName}</Table.Td>
              <Table.Td>{entry.jobTitle}</Table.Td>
              <Table.Td>{entry.unitName}</Table.Td>
              <Table.Td>
                <Phone phone={entry.phone} />
              </Table.Td>
              <Table.Td>
                <Email email={entry.email} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Directory rows as cards (phone). */
export function DirectoryCards({ items }: { items: TDirectoryEntry[] }) {
  return (
    <Stack gap="xs" data-testid="directory-cards">
      {items.map((entry) => (
        <Card key={entry.id} withBorder radius="md" padding="sm" data-testid="directory-row">
          <Text fw={600}>{entry.fullName}</Text>
          {entry.jobTitle && (
            <Text size="sm" c="dimmed">
              {entry.jobTitle}
            </Text>
          )}
          <Text size="sm">{entry.unitName}</Text>
          {(entry.phone || entry.email) && (
            <Stack gap={2} mt={6}>
              {entry.phone && (
                <Group gap={6} wrap="nowrap">
                  <IconPhone size={14} aria-hidden />
                  <Phone phone={entry.phone} />
                </Group>
              )}
              {entry.email && (
                <Group gap={6} wrap="nowrap">
                  <IconMail size={14} aria-hidden />
                  <Email email={entry.email} />
                </Group>
              )}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
