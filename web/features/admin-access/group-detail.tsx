import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArrowLeft,
  IconCheck,
  IconCopy,
  IconKey,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroupDetail } from '../../../contracts/admin-access';
import { errorMessage } from '../../app/errors';
import { groupQueryOptions, useCopyGroup, useSetGroupActive, useUpdateGroup } from './api';
import { ConfirmModal } from '../../components/confirm-modal';
import { groupErrorMessage } from './group-errors';
import { GroupFormModal } from './group-form-modal';
import { GroupMembers } from './group-members';
import { PermissionTree } from './permission-tree';

type Dialog = 'edit' | 'copy' | 'deactivate' | null;

function Header(props: {
  group: TGroupDetail;
  onOpen: (id: string) => void;
  dialog: Dialog;
  setDialog: (d: Dialog) => void;
}) {
  const { group, onOpen, dialog, setDialog } = props;
  const { t } = useTranslation(['adminAccess', 'common']);
  const update = useUpdateGroup(group.id);
  const copy = useCopyGroup(group.id);
  const setActive = useSetGroupActive(group.id);
  const ok = (message: string) => notifications.show({ color: 'green', icon: <IconCheck size={18} />, message });
  const toggle = (active: boolean) =>
    setActive.mutate(active, {
      onSuccess: (g) => {
        setDialog(null);
        ok(
          t(active ? 'adminAccess:groups.confirm.activated' : 'adminAccess:groups.confirm.deactivated', {
            name: g.name,
          }),
        );
      },
      onError: (error) => notifications.show({ color: 'red', message: groupErrorMessage(t, error) }),
    });
  const a = group.abilities;

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={3} fz={{ base: 18, sm: 22 }} data-testid="group-title">
            {group.name}
          </Title>
          {group.builtin && (
            <Badge variant="light" color="blue" tt="none">
              {t('adminAccess:groups.builtin')}
            </Badge>
          )}
          <Badge variant="light" color={group.active ? 'green' : 'gray'} tt="none" data-testid="group-status">
            {group.active ? t('adminAccess:groups.active') : t('adminAccess:groups.inactive')}
          </Badge>
        </Group>
        {group.description && (
          <Text size="sm" c="dimmed">
            {group.description}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          {a.update && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} />}
              onClick={() => setDialog('edit')}
              data-testid="group-edit"
            >
              {t('adminAccess:groups.actions.edit')}
            </Button>
          )}
          {a.copy && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCopy size={14} />}
              onClick={() => setDialog('copy')}
              data-testid="group-copy"
            >
              {t('adminAccess:groups.actions.copy')}
            </Button>
          )}
          {a.deactivate && (
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconPlayerPause size={14} />}
              onClick={() => setDialog('deactivate')}
              data-testid="group-deactivate"
            >
              {t('adminAccess:groups.actions.deactivate')}
            </Button>
          )}
          {a.activate && (
            <Button
              size="xs"
              variant="light"
              color="green"
              leftSection={<IconPlayerPlay size={14} />}
              loading={setActive.isPending}
              onClick={() => toggle(true)}
              data-testid="group-activate"
            >
              {t('adminAccess:groups.actions.activate')}
            </Button>
          )}
        </Group>
      </Stack>

      <GroupFormModal
        opened={dialog === 'edit'}
        mode="edit"
        title={t('adminAccess:groups.form.editTitle')}
        initial={{ name: group.name, description: group.description ?? '' }}
        onClose={() => setDialog(null)}
        onSubmit={async (values) =>
          ok(t('adminAccess:groups.form.saved', { name: (await update.mutateAsync(values)).name }))
        }
      />
      <GroupFormModal
        opened={dialog === 'copy'}
        mode="copy"
        title={t('adminAccess:groups.form.copyTitle', { name: group.name })}
        initial={{ name: t('adminAccess:groups.form.copyName', { name: group.name }), description: '' }}
        onClose={() => setDialog(null)}
        onSubmit={async (values) => {
          const created = await copy.mutateAsync({ name: values.name });
          ok(t('adminAccess:groups.form.copied', { name: created.name }));
          onOpen(created.id);
        }}
      />
      <ConfirmModal
        opened={dialog === 'deactivate'}
        title={t('adminAccess:groups.confirm.deactivateTitle')}
        body={t('adminAccess:groups.confirm.deactivateBody', { name: group.name })}
        confirmLabel={t('adminAccess:groups.actions.deactivate')}
        loading={setActive.isPending}
        onConfirm={() => toggle(false)}
        onClose={() => setDialog(null)}
      />
    </Paper>
  );
}

/** One group: header with its actions, then the tabs "Quyền" and "Thành viên". */
export function GroupDetail({ id, onBack, onOpen }: { id: string; onBack: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation(['adminAccess', 'common']);
  const query = useQuery(groupQueryOptions(id));
  const [tab, setTab] = useState<string | null>('permissions');
  const [dialog, setDialog] = useState<Dialog>(null);
  const group = query.data;

  return (
    <div data-testid="group-detail">
      <Button
        variant="subtle"
        leftSection={<IconArrowLeft size={16} />}
        onClick={onBack}
        mb="sm"
        px={4}
        data-testid="group-back"
      >
        {t('adminAccess:groups.back')}
      </Button>
      {query.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {errorMessage(t, query.error)}
        </Alert>
      )}
      {query.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {group && (
        <>
          <Header group={group} onOpen={onOpen} dialog={dialog} setDialog={setDialog} />
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="permissions" leftSection={<IconKey size={16} />} data-testid="tab-permissions">
                {t('adminAccess:groups.tabs.permissions')} ({group.permissionCount})
              </Tabs.Tab>
              <Tabs.Tab value="members" leftSection={<IconUsers size={16} />} data-testid="tab-members">
                {t('adminAccess:groups.tabs.members')} ({group.memberCount})
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="permissions">
              <PermissionTree
                key={`${group.id}:${group.permissions.join(',')}`}
                group={group}
                onCopy={() => setDialog('copy')}
              />
            </Tabs.Panel>
            <Tabs.Panel value="members">
              <GroupMembers group={group} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </div>
  );
}
