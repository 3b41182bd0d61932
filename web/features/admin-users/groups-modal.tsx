import { Alert, Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUserItem, TAdminUserOptions } from '../../../contracts/admin-users';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { useSetGroups, userDetailQueryOptions } from './api';
import { type GrantDraft, GroupsEditor, draft, toGrants } from './groups-editor';

/** Phân nhóm: the user's group memberships with their scopes. */
export function GroupsModal({
  user,
  options,
  onClose,
}: {
  user: TAdminUserItem | null;
  options: TAdminUserOptions;
  onClose: () => void;
}) {
  const { t } = useTranslation(['adminUsers', 'common', 'errors']);
  const isPhone = useIsPhone();
  const detail = useQuery({ ...userDetailQueryOptions(user?.id ?? ''), enabled: user !== null });
  const save = useSetGroups();
  const [drafts, setDrafts] = useState<GrantDraft[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    if (detail.data) setDrafts(detail.data.groups.map(({ groupId, scope }) => draft(groupId, scope)));
  }, [detail.data]);

  const submit = () => {
    if (!user) return;
    save.mutate(
      { id: user.id, groups: toGrants(drafts) },
      {
        onSuccess: (u) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('groups.saved', { name: u.fullName }),
          });
          onClose();
        },
        onError: (e) =>
          setError(
            e instanceof ApiError && e.code === 'VALIDATION_FAILED'
              ? t('form.errors.groupInvalid')
              : errorMessage(t, e),
          ),
      },
    );
  };

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('groups.title', { name: user.fullName }) : ''}
      size="lg"
      fullScreen={isPhone}
      data-testid="groups-modal"
    >
      {detail.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('groups.hint')}
          </Text>
          {error && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {error}
            </Alert>
          )}
          <GroupsEditor value={drafts} onChange={setDrafts} options={options} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={submit} loading={save.isPending} data-testid="groups-submit">
              {t('groups.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
