import { Anchor, Card, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAdminUserItem } from '../../../contracts/admin-users';
import type { UserListParams } from './api';
import { StatusBadge } from './status-badge';
import { type UserAction, UserActionsMenu } from './user-actions-menu';

type Sort = UserListParams['sort'];

/** Current sort and how to change it. */
export interface SortState {
  sort: Sort;
  dir: 'asc' | 'desc';
  onSort: (sort: Sort) => void;
}

function SortHeader({ column, label, state }: { column: Sort; label: string; state: SortState }) {
  const { t } = useTranslation('adminUsers');
  const active = state.sort === column;
  const Icon = !active ? IconSelector : state.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton
        onClick={() => state.onSort(column)}
        aria-label={t('sortBy', { column: label })}
        data-testid={`sort-${column}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function Contact({ user }: { user: TAdminUserItem }) {
  return (
    <Stack gap={0}>
      {user.phone && (
        <Anchor href={`tel:${user.phone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {user.phone}
        </Anchor>
      )}
      {user.email && (
        <Anchor href={`mailto:${user.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Anchor>
      )}
    </Stack>
  );
}

/** Users as a table with sortable headers (tablet and desktop). */
export function UsersTable({
  items,
  sort,
  onAction,
}: {
  items: TAdminUserItem[];
  sort: SortState;
  onAction: (user: TAdminUserItem, action: UserAction) => void;
}) {
  const { t } = useTranslation('adminUsers');
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="name" label={t('columns.fullName')} state={sort} />
            <SortHeader column="username" label={t('columns.username')} state={sort} />
            <SortHeader column="unit" label={t('columns.unit')} state={sort} />
            <Table.Th>{t('columns.contact')}</Table.Th>
            <Table.Th>{t('columns.groups')}</Table.Th>
            <SortHeader column="status" label={t('columns.status')} state={sort} />
            <Table.Th w={56}>
              <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row" data-username={u.username}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {u.fullName}
                </Text>
                {u.jobTitle && (
                  <Text size="xs" c="dimmed">
                    {u.jobTitle.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {u.username}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{u.unit.name}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Contact user={u} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={u.groupNames.length ? undefined : 'dimmed'}>
                  {u.groupNames.length ? u.groupNames.join(', ') : t('noGroups')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={u.status} lockedUntil={u.lockedUntil} />
              </Table.Td>
              <Table.Td>
                <UserActionsMenu user={u} onAction={(a) => onAction(u, a)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Users as cards (phone): name, status and actions on top, then unit, title, contact, groups. */
export function UsersCards({
  items,
  onAction,
}: {
  items: TAdminUserItem[];
  onAction: (user: TAdminUserItem, action: UserAction) => void;
}) {
  const { t } = useTranslation('adminUsers');
  return (
    <Stack gap="xs" data-testid="users-cards">
      {items.map((u) => (
        <Card key={u.id} withBorder radius="md" padding="sm" data-testid="user-row" data-username={u.username}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text fw={600}>{u.fullName}</Text>
              <Text size="sm" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {u.username}
              </Text>
            </div>
            <UserActionsMenu user={u} onAction={(a) => onAction(u, a)} />
          </Group>
          <Group gap="xs" mt={6}>
            <StatusBadge status={u.status} lockedUntil={u.lockedUntil} />
          </Group>
          <Text size="sm" mt={6}>
            {u.jobTitle ? `${u.jobTitle.name} · ${u.unit.name}` : u.unit.name}
          </Text>
          <Contact user={u} />
          <Text size="xs" c="dimmed" mt={4}>
            {u.groupNames.length ? u.groupNames.join(', ') : t('noGroups')}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
