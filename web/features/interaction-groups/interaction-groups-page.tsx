import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingCommunity, IconPencil, IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInteractionGroup, TInteractionGroupKind } from '../../../contracts/interaction-groups';
import { ConfirmModal } from '../../components/confirm-modal';
import { unitOptionsQuery } from '../announcements/api';
import { PeoplePicker } from '../announcements/people-picker';
import { interactionGroupsQuery, useInteractionGroupMutations } from './api';

interface Draft {
  id?: string;
  name: string;
  kind: TInteractionGroupKind;
  memberIds: string[];
}

function GroupForm({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const { t } = useTranslation('interactionGroups');
  const [value, setValue] = useState(draft);
  const [error, setError] = useState<string | null>(null);
  const units = useQuery(unitOptionsQuery);
  const { save } = useInteractionGroupMutations();
  const submit = async () => {
    if (!value.name.trim()) return setError(t('errors.name'));
    if (value.memberIds.length === 0) return setError(t('errors.members'));
    setError(null);
    try {
      await save.mutateAsync(value);
      notifications.show({ color: 'teal', message: t('saved') });
      onClose();
    } catch {
      setError(t('errors.save'));
    }
  };
  return (
    <Stack>
      <TextInput
        label={t('name')}
        value={value.name}
        onChange={(e) => setValue({ ...value, name: e.currentTarget.value })}
        maxLength={120}
        required
        data-autofocus
        data-testid="ig-name"
      />
      <SegmentedControl
        fullWidth
        value={value.kind}
        onChange={(kind) => setValue({ ...value, kind: kind as TInteractionGroupKind, memberIds: [] })}
        data={[
          { value: 'users', label: t('kinds.users') },
          { value: 'units', label: t('kinds.units') },
        ]}
        disabled={Boolean(value.id)}
      />
      {value.kind === 'users' ? (
        <PeoplePicker
          label={t('people')}
          value={value.memberIds}
          onChange={(memberIds) => setValue({ ...value, memberIds })}
        />
      ) : (
        <MultiSelect
          label={t('units')}
          placeholder={t('unitsPlaceholder')}
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={value.memberIds}
          onChange={(memberIds) => setValue({ ...value, memberIds })}
          searchable
          hidePickedOptions
          comboboxProps={{ withinPortal: true }}
          data-testid="ig-units"
        />
      )}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button onClick={() => void submit()} loading={save.isPending} data-testid="ig-save">
          {t('save')}
        </Button>
      </Group>
    </Stack>
  );
}

function GroupCard({
  group,
  onEdit,
  onRemove,
}: {
  group: TInteractionGroup;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('interactionGroups');
  const Icon = group.kind === 'users' ? IconUsersGroup : IconBuildingCommunity;
  return (
    <Card withBorder padding="md" data-testid="ig-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Icon size={22} stroke={1.6} aria-hidden />
          <div style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {group.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`kinds.${group.kind}`)} · {t('reach', { count: group.reach })}
            </Text>
          </div>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('edit')}>
            <ActionIcon variant="subtle" aria-label={t('edit')} onClick={onEdit}>
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('remove')}>
            <ActionIcon variant="subtle" color="red" aria-label={t('remove')} onClick={onRemove}>
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Group gap={6} mt="sm">
        {group.members.slice(0, 12).map((m) => (
          <Badge key={m.id} variant="light" radius="sm" tt="none" fw={500}>
            {m.name}
          </Badge>
        ))}
        {group.members.length > 12 && (
          <Badge variant="outline" radius="sm" tt="none">
            +{group.members.length - 12}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

/**
 * Nhóm tương tác: my groups of people or of units, to address announcements (and later tasks,
 * discussions, votes) to many at once. Only I see and use my groups.
 */
export default function InteractionGroupsPage() {
  const { t } = useTranslation('interactionGroups');
  const groups = useQuery(interactionGroupsQuery);
  const { remove } = useInteractionGroupMutations();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [removing, setRemoving] = useState<TInteractionGroup | null>(null);
  return (
    <Stack p="md" gap="md" maw={1100}>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ name: '', kind: 'users', memberIds: [] })}
          data-testid="ig-new"
        >
          {t('new')}
        </Button>
      </Group>
      {groups.data && groups.data.length === 0 && (
        <Card withBorder padding="lg">
          <Text c="dimmed">{t('empty')}</Text>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(groups.data ?? []).map((g) => (
          <GroupCard
            key={g.id}
            group={g}
            onEdit={() => setEditing({ id: g.id, name: g.name, kind: g.kind, memberIds: g.members.map((m) => m.id) })}
            onRemove={() => setRemoving(g)}
          />
        ))}
      </SimpleGrid>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.id ? t('edit') : t('new')}
        size="lg"
        fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
      >
        {editing && <GroupForm draft={editing} onClose={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('remove')}
        body={t('removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('remove')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void remove.mutateAsync(removing.id).then(() => setRemoving(null));
        }}
      />
    </Stack>
  );
}
