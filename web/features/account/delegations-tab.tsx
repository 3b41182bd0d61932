import { Badge, Button, Card, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserShare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAccountProfile, TDelegation } from '../../../contracts/account';
import { switchActingFor } from '../../app/acting-for';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { DELEGATION_STATUS_COLOR, dmy } from './account-format';
import { delegationsQueryOptions, useRevokeDelegation } from './api';
import { ConfirmDialog } from './confirm-dialog';
import { DelegationForm } from './delegation-form';

type Side = 'given' | 'received';

/** The action of a row: revoke what I gave; work for the person who delegated to me. */
function RowAction({ d, side, onRevoke }: { d: TDelegation; side: Side; onRevoke: (d: TDelegation) => void }) {
  const { t } = useTranslation('account');
  const me = useMe();
  if (side === 'given')
    return d.abilities.revoke ? (
      <Button size="compact-sm" variant="light" color="red" onClick={() => onRevoke(d)} data-testid="delegation-revoke">
        {t('delegations.revoke')}
      </Button>
    ) : null;
  if (d.status !== 'active' || me.actingFor?.userId === d.from.id) return null;
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconUserShare size={14} />}
      onClick={() => switchActingFor({ userId: d.from.id, fullName: d.from.fullName, endsOn: d.endsOn })}
      data-testid="delegation-act"
    >
      {t('delegations.act')}
    </Button>
  );
}

function DelegationList({
  side,
  items,
  onRevoke,
}: {
  side: Side;
  items: TDelegation[];
  onRevoke: (d: TDelegation) => void;
}) {
  const { t } = useTranslation('account');
  const isPhone = useIsPhone();
  const person = (d: TDelegation) => (side === 'given' ? d.to : d.from);
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed" py="sm" data-testid={`delegations-${side}-empty`}>
        {t(`delegations.empty.${side}`)}
      </Text>
    );
  const status = (d: TDelegation) => (
    <Badge color={DELEGATION_STATUS_COLOR[d.status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
      {t(`delegations.status.${d.status}`)}
    </Badge>
  );
  if (isPhone)
    return (
      <Stack gap="xs">
        {items.map((d) => (
          <Card key={d.id} withBorder radius="md" padding="sm" data-testid={`delegation-${side}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>{person(d).fullName}</Text>
                <Text size="xs" c="dimmed">
                  {person(d).unitName}
                </Text>
              </div>
              {status(d)}
            </Group>
            <Text size="sm" mt={6}>
              {t('delegations.period', { from: dmy(d.startsOn), to: dmy(d.endsOn) })}
            </Text>
            {d.note && (
              <Text size="sm" c="dimmed">
                {d.note}
              </Text>
            )}
            <Group justify="flex-end" mt={6}>
              <RowAction d={d} side={side} onRevoke={onRevoke} />
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(side === 'given' ? 'delegations.to' : 'delegations.from')}</Table.Th>
            <Table.Th>{t('delegations.periodLabel')}</Table.Th>
            <Table.Th>{t('delegations.note')}</Table.Th>
            <Table.Th>{t('delegations.statusLabel')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid={`delegation-${side}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {person(d).fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {person(d).unitName}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('delegations.period', { from: dmy(d.startsOn), to: dmy(d.endsOn) })}
              </Table.Td>
              <Table.Td>{d.note}</Table.Td>
              <Table.Td>{status(d)}</Table.Td>
              <Table.Td ta="right">
                <RowAction d={d} side={side} onRevoke={onRevoke} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Ủy quyền": give a delegation, see what was given and received, revoke, or work for someone. */
export function DelegationsTab({ profile }: { profile: TAccountProfile }) {
  const { t } = useTranslation(['account', 'errors']);
  const list = useQuery(delegationsQueryOptions);
  const revoke = useRevokeDelegation();
  const [revoking, setRevoking] = useState<TDelegation | null>(null);

  return (
    <Stack gap="md">
      <DelegationForm profile={profile} />
      {list.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : (
        (['given', 'received'] as const).map((side) => (
          <Paper key={side} withBorder radius="md" p="md">
            <Title order={3} fz="md" mb="sm">
              {t(`account:delegations.${side}Title`)}
            </Title>
            <DelegationList side={side} items={list.data?.[side] ?? []} onRevoke={setRevoking} />
          </Paper>
        ))
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('account:delegations.revokeTitle')}
        body={t('account:delegations.revokeBody', { name: revoking?.to.fullName ?? '' })}
        confirmLabel={t('account:delegations.revoke')}
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              setRevoking(null);
              notifications.show({ color: 'green', message: t('account:delegations.revoked') });
            },
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
          })
        }
      />
    </Stack>
  );
}
