import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconSearch, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroupDetail, TGroupMember, TUserPick } from '../../../contracts/admin-access';
import type { TPermissionScope } from '../../../contracts/auth';
import { hasErrorCode } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { candidatesQueryOptions, membersQueryOptions, useAddMember, useRemoveMember, useSetMemberScope } from './api';
import { ConfirmModal } from '../../components/confirm-modal';
import { groupErrorMessage } from './group-errors';
import { UserPicker } from './user-picker';

function AddMember({ group }: { group: TGroupDetail }) {
  const { t } = useTranslation(['adminAccess', 'errors']);
  const scopes = group.abilities.grantableScopes;
  const [userId, setUserId] = useState<string | null>(null);
  const [person, setPerson] = useState<TUserPick | null>(null);
  const [scope, setScope] = useState<TPermissionScope>(scopes[0] ?? 'own');
  const [error, setError] = useState<string | null>(null);
  const add = useAddMember(group.id);
  const submit = () => {
    if (!userId) return setError(t('adminAccess:members.userRequired'));
    add.mutate(
      { userId, scope },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('adminAccess:members.added', { name: person?.fullName ?? '' }),
          });
          setUserId(null);
          setPerson(null);
          setError(null);
        },
        onError: (e) =>
          setError(hasErrorCode(e, 'DUPLICATE') ? t('adminAccess:members.duplicate') : errorMessage(t, e)),
      },
    );
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="member-add">
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <UserPicker
            label={t('adminAccess:members.add')}
            placeholder={t('adminAccess:members.userPlaceholder')}
            nothingFoundMessage={t('adminAccess:members.noCandidate')}
            query={(q) => candidatesQueryOptions(group.id, q)}
            value={userId}
            onChange={(id, picked) => {
              setUserId(id);
              setPerson(picked);
              setError(null);
            }}
            error={error}
            data-testid="member-user"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 8, md: 4 }}>
          <Select
            label={t('adminAccess:members.scope')}
            data={scopes.map((s) => ({ value: s, label: t(`adminAccess:scopes.${s}`) }))}
            value={scope}
            allowDeselect={false}
            onChange={(v) => v && setScope(v as TPermissionScope)}
            data-testid="member-scope"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 4, md: 2 }} pt={{ base: 33, md: 33 }}>
          <Button
            fullWidth
            leftSection={<IconUserPlus size={16} />}
            onClick={submit}
            loading={add.isPending}
            data-testid="member-add-submit"
          >
            {t('adminAccess:members.addButton')}
          </Button>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function ScopeCell({ group, member }: { group: TGroupDetail; member: TGroupMember }) {
  const { t } = useTranslation(['adminAccess', 'errors']);
  const setScope = useSetMemberScope(group.id);
  if (!member.manageable) return <Text size="sm">{t(`adminAccess:scopes.${member.scope}`)}</Text>;
  return (
    <Select
      size="xs"
      aria-label={t('adminAccess:members.scope')}
      data={group.abilities.grantableScopes.map((s) => ({ value: s, label: t(`adminAccess:scopes.${s}`) }))}
      value={member.scope}
      allowDeselect={false}
      disabled={setScope.isPending}
      onChange={(v) =>
        v &&
        v !== member.scope &&
        setScope.mutate(
          { userId: member.userId, scope: v as TPermissionScope },
          {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                message: t('adminAccess:members.scopeChanged', { name: member.fullName }),
              }),
            onError: (e) => notifications.show({ color: 'red', message: groupErrorMessage(t, e) }),
          },
        )
      }
      data-testid="member-row-scope"
      style={{ minWidth: 170 }}
    />
  );
}

/** Tab "Thành viên": add people with a scope, change the scope, remove; only people within the admin's units. */
export function GroupMembers({ group }: { group: TGroupDetail }) {
  const { t } = useTranslation(['adminAccess', 'common', 'errors']);
  const isPhone = useIsPhone();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = useInfiniteQuery({ ...membersQueryOptions(group.id, q), placeholderData: keepPreviousData });
  const members = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [removing, setRemoving] = useState<TGroupMember | null>(null);
  const remove = useRemoveMember(group.id);

  const confirmRemove = () =>
    removing &&
    remove.mutate(removing.userId, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('adminAccess:members.removed', { name: removing.fullName }) });
        setRemoving(null);
      },
      onError: (e) => {
        notifications.show({ color: 'red', message: groupErrorMessage(t, e) });
        setRemoving(null);
      },
    });

  const removeButton = (m: TGroupMember) =>
    m.manageable && (
      <Tooltip label={t('adminAccess:members.remove')}>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={() => setRemoving(m)}
          aria-label={`${t('adminAccess:members.remove')}: ${m.fullName}`}
          data-testid="member-remove"
        >
          <IconUserMinus size={18} />
        </ActionIcon>
      </Tooltip>
    );
  const name = (m: TGroupMember) => (
    <Group gap={6} wrap="nowrap">
      <Text fw={600} size="sm">
        {m.fullName}
      </Text>
      {m.status !== 'active' && (
        <Badge size="xs" color="gray" variant="light" tt="none">
          {t('adminAccess:members.disabled')}
        </Badge>
      )}
    </Group>
  );

  return (
    <Stack gap="md" data-testid="group-members">
      {group.abilities.manageMembers ? (
        <AddMember group={group} />
      ) : (
        <Alert variant="light">{t('adminAccess:members.readOnly')}</Alert>
      )}
      <TextInput
        label={t('adminAccess:members.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        type="search"
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={{ sm: 420 }}
        data-testid="members-search"
      />
      {query.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
          {errorMessage(t, query.error)}
        </Alert>
      )}
      {query.isPending ? (
        <Center py="lg">
          <Loader />
        </Center>
      ) : members.length === 0 ? (
        <Paper withBorder radius="md" p="lg" ta="center" data-testid="members-empty">
          <Text c="dimmed" size="sm">
            {t('adminAccess:members.empty')}
          </Text>
        </Paper>
      ) : isPhone ? (
        <Stack gap="xs">
          {members.map((m) => (
            <Card key={m.userId} withBorder radius="md" padding="sm" data-testid="member-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  {name(m)}
                  <Text size="xs" c="dimmed">
                    {m.username} · {m.unitName}
                  </Text>
                </div>
                {removeButton(m)}
              </Group>
              <div style={{ marginTop: 8 }}>
                <ScopeCell group={group} member={m} />
              </div>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder radius="md" p="xs">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" striped data-testid="members-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('adminAccess:members.columns.fullName')}</Table.Th>
                  <Table.Th>{t('adminAccess:members.columns.unit')}</Table.Th>
                  <Table.Th>{t('adminAccess:members.columns.scope')}</Table.Th>
                  <Table.Th w={90}>{t('adminAccess:members.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.userId} data-testid="member-row">
                    <Table.Td>
                      {name(m)}
                      <Text size="xs" c="dimmed">
                        {m.username}
                        {m.jobTitle ? ` · ${m.jobTitle}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{m.unitName}</Table.Td>
                    <Table.Td>
                      <ScopeCell group={group} member={m} />
                    </Table.Td>
                    <Table.Td>{removeButton(m)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {members.length > 0 && (
        <Stack align="center" gap={6}>
          <Text size="xs" c="dimmed">
            {t('adminAccess:members.shown', { count: members.length })}
          </Text>
          {query.hasNextPage && (
            <Button variant="light" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('adminAccess:members.removeTitle')}
        body={t('adminAccess:members.removeBody', { name: removing?.fullName ?? '', group: group.name })}
        confirmLabel={t('adminAccess:members.remove')}
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
