import { Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAccountProfile, TProposal } from '../../../contracts/account';
import { errorMessage } from '../../app/errors';
import { formatDate, formatTime } from '../../app/format';
import { PROPOSAL_STATUS_COLOR } from './account-format';
import { useWithdraw } from './api';
import { ConfirmDialog } from './confirm-dialog';
import { ProposalChanges } from './proposal-changes';
import { ProposalForm } from './proposal-form';

function ProposalCard({ p, onWithdraw }: { p: TProposal; onWithdraw: () => void }) {
  const { t } = useTranslation('account');
  return (
    <Card withBorder radius="md" padding="sm" data-testid="proposal-item" data-status={p.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Text size="sm" c="dimmed">
          {t('proposals.sentAt', { date: formatDate(p.createdAt), time: formatTime(p.createdAt) })}
        </Text>
        <Badge color={PROPOSAL_STATUS_COLOR[p.status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {t(`status.${p.status}`)}
        </Badge>
      </Group>
      <ProposalChanges changes={p.changes} withCurrent={p.status === 'pending'} />
      {p.reason && (
        <Text size="sm" mt="xs">
          <Text span c="dimmed" size="sm">
            {t('proposals.reason')}:{' '}
          </Text>
          {p.reason}
        </Text>
      )}
      {p.decidedAt && p.status !== 'withdrawn' && (
        <Text size="sm" mt="xs" c={p.status === 'rejected' ? 'red.8' : 'teal.8'}>
          {t('proposals.decided', {
            name: p.decidedByName ?? '',
            date: formatDate(p.decidedAt),
          })}
          {p.decisionNote ? ` — ${p.decisionNote}` : ''}
        </Text>
      )}
      {p.abilities.withdraw && (
        <Group justify="flex-end" mt="xs">
          <Button size="compact-sm" variant="light" color="red" onClick={onWithdraw} data-testid="proposal-withdraw">
            {t('proposals.withdraw')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** "Đề xuất thay đổi": the form and the history of the own proposals with their status. */
export function ProposalsTab({ profile }: { profile: TAccountProfile }) {
  const { t } = useTranslation(['account', 'errors']);
  const withdraw = useWithdraw();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const pending = profile.proposals.some((p) => p.status === 'pending');

  return (
    <Stack gap="md">
      <ProposalForm profile={profile} disabled={pending} />
      <Paper withBorder radius="md" p="md">
        <Title order={3} fz="md" mb="sm">
          {t('account:proposals.history')}
        </Title>
        {profile.proposals.length === 0 ? (
          <Stack align="center" gap={4} py="md" data-testid="proposals-empty">
            <IconHistory size={32} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('account:proposals.empty')}
            </Text>
          </Stack>
        ) : (
          <Stack gap="sm">
            {profile.proposals.map((p) => (
              <ProposalCard key={p.id} p={p} onWithdraw={() => setWithdrawing(p.id)} />
            ))}
          </Stack>
        )}
      </Paper>
      <ConfirmDialog
        opened={withdrawing !== null}
        title={t('account:proposals.withdrawTitle')}
        body={t('account:proposals.withdrawBody')}
        confirmLabel={t('account:proposals.withdraw')}
        loading={withdraw.isPending}
        onClose={() => setWithdrawing(null)}
        onConfirm={() =>
          withdrawing &&
          withdraw.mutate(withdrawing, {
            onSuccess: () => {
              setWithdrawing(null);
              notifications.show({ color: 'green', message: t('account:proposals.withdrawn') });
            },
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
          })
        }
      />
    </Stack>
  );
}
