import { Badge, Button, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconChevronUp, IconSelector, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAdminProposal, TAdminProposalQuery } from '../../../contracts/account';
import { formatDate, formatTime } from '../../app/format';
import { PROPOSAL_STATUS_COLOR } from './account-format';
import { ProposalChanges } from './proposal-changes';

type Sort = TAdminProposalQuery['sort'];
type Decide = (p: TAdminProposal, action: 'approve' | 'reject') => void;

function Actions({ p, onDecide }: { p: TAdminProposal; onDecide: Decide }) {
  const { t } = useTranslation('account');
  if (!p.abilities.decide) return null;
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Button
        size="compact-sm"
        color="teal"
        leftSection={<IconCheck size={14} />}
        onClick={() => onDecide(p, 'approve')}
        data-testid="review-approve"
      >
        {t('review.approve')}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        color="red"
        leftSection={<IconX size={14} />}
        onClick={() => onDecide(p, 'reject')}
        data-testid="review-reject"
      >
        {t('review.reject')}
      </Button>
    </Group>
  );
}

function Decision({ p }: { p: TAdminProposal }) {
  const { t } = useTranslation('account');
  return (
    <>
      <Badge color={PROPOSAL_STATUS_COLOR[p.status]} variant="light" tt="none">
        {t(`status.${p.status}`)}
      </Badge>
      {p.decidedAt && (
        <Text size="xs" c="dimmed" mt={4}>
          {p.decidedByName} · {formatDate(p.decidedAt)}
          {p.decisionNote ? ` — ${p.decisionNote}` : ''}
        </Text>
      )}
    </>
  );
}

function SortHeader({
  by,
  sort,
  onSort,
  label,
}: {
  by: Sort;
  sort: { by: Sort; dir: string };
  onSort: (by: Sort) => void;
  label: string;
}) {
  const Icon = sort.by !== by ? IconSelector : sort.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th
      aria-sort={sort.by === by ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton onClick={() => onSort(by)} data-testid={`review-sort-${by}`}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The queue as a table (desktop): who, unit, current → proposed, reason, date, decision. */
export function QueueTable(props: {
  items: TAdminProposal[];
  sort: { by: Sort; dir: 'asc' | 'desc' };
  onSort: (by: Sort) => void;
  onDecide: Decide;
}) {
  const { t } = useTranslation('account');
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="review-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader by="fullName" sort={props.sort} onSort={props.onSort} label={t('review.person')} />
            <SortHeader by="unit" sort={props.sort} onSort={props.onSort} label={t('fields.unit')} />
            <Table.Th>{t('review.changes')}</Table.Th>
            <Table.Th>{t('proposals.reason')}</Table.Th>
            <SortHeader by="createdAt" sort={props.sort} onSort={props.onSort} label={t('review.sentAt')} />
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((p) => (
            <Table.Tr key={p.id} data-testid="review-row" style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {p.user.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.user.username}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.user.unitName}</Text>
              </Table.Td>
              <Table.Td>
                <ProposalChanges changes={p.changes} withCurrent={p.status === 'pending'} />
              </Table.Td>
              <Table.Td maw={220}>
                <Text size="sm">{p.reason}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(p.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {formatTime(p.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.status === 'pending' ? <Actions p={p} onDecide={props.onDecide} /> : <Decision p={p} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The queue as cards (phone). */
export function QueueCards({ items, onDecide }: { items: TAdminProposal[]; onDecide: Decide }) {
  const { t } = useTranslation('account');
  return (
    <Stack gap="xs">
      {items.map((p) => (
        <Card key={p.id} withBorder radius="md" padding="sm" data-testid="review-row">
          <Text fw={600}>{p.user.fullName}</Text>
          <Text size="xs" c="dimmed" mb="xs">
            {p.user.unitName} · {formatDate(p.createdAt)} {formatTime(p.createdAt)}
          </Text>
          <ProposalChanges changes={p.changes} withCurrent={p.status === 'pending'} />
          {p.reason && (
            <Text size="sm" mt="xs">
              <Text span size="sm" c="dimmed">
                {t('proposals.reason')}:{' '}
              </Text>
              {p.reason}
            </Text>
          )}
          <Group justify="flex-end" mt="xs">
            {p.status === 'pending' ? <Actions p={p} onDecide={onDecide} /> : <Decision p={p} />}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
