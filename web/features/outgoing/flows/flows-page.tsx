import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconEdit, IconPlayerPause, IconPlus, IconRoute } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFlow } from '../../../../contracts/outgoing';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { formatDate } from '../../../app/format';
import { ConfirmModal } from '../../../components/confirm-modal';
import { PageHeader } from '../../../components/page-header';
import { unitOptionsQuery } from '../../incoming/components/catalog-queries';
import { matchesFolded } from '../../incoming/search/search-state';
import { flowsQuery, useDeactivateFlow } from '../api';
import { unitTree } from '../components/recipients';
import { ApproversLine } from './approver-pickers';
import { FlowFormModal } from './flow-form';

/** One flow: its type, its steps in order with their approvers, and the buttons. */
function FlowCard(props: { flow: TFlow; onEdit: () => void; onDeactivate: () => void }) {
  const { flow } = props;
  const { t } = useTranslation('outgoing');
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={{ opacity: flow.active ? 1 : 0.65 }}
      data-testid="flow-card"
      data-flow-name={flow.name}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="wrap">
              <Text fw={700}>{flow.name}</Text>
              {!flow.active && (
                <Badge size="sm" color="gray" variant="light">
                  {t('flows.inactive')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('flows.forType', { type: flow.documentTypeName ?? t('flows.allTypes') })} ·{' '}
              {t('flows.updated', { date: formatDate(flow.updatedAt) })}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEdit size={14} />}
              onClick={props.onEdit}
              data-testid="flow-edit"
            >
              {t('flows.edit')}
            </Button>
            {flow.active && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconPlayerPause size={14} />}
                onClick={props.onDeactivate}
                data-testid="flow-deactivate"
              >
                {t('flows.deactivate')}
              </Button>
            )}
          </Group>
        </Group>
        <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {flow.steps.map((step, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their order is the path
            <Group key={i} component="li" gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon size={22} radius="xl" variant="light" color={i === flow.steps.length - 1 ? 'teal' : 'blue'}>
                <Text size="xs" fw={700}>
                  {i + 1}
                </Text>
              </ThemeIcon>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {step.label}
                  </Text>
                  <Badge size="xs" variant="outline" color="gray">
                    {t(`flows.mode.${step.mode}`)}
                  </Badge>
                </Group>
                <ApproversLine approvers={step.approvers} />
              </Stack>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

/**
 * Thiết kế luồng công việc (Điều 3.1b): the approval paths of outgoing drafts, per unit and
 * document type — ordered steps, each approved by a person, anyone with a job title, or a group's
 * members, one enough or all co-signing; the last step signs. A type without its own flow uses
 * the unit's flow for every type; a unit with none asks the drafter to choose the signer.
 */
export default function FlowsPage() {
  const { t } = useTranslation(['outgoing', 'functions', 'errors']);
  const me = useMe();
  const [unitId, setUnitId] = useState<string>(me.unit.id);
  const units = useQuery(unitOptionsQuery);
  const tree = unitTree(units.data ?? []);
  const flows = useQuery(flowsQuery(unitId));
  const deactivate = useDeactivateFlow();
  const [editing, setEditing] = useState<{ flow: TFlow | null } | null>(null);
  const [stopping, setStopping] = useState<TFlow | null>(null);
  const list = [...(flows.data ?? [])].sort((a, b) => Number(b.active) - Number(a.active));

  return (
    <div data-testid="page-admin-flows">
      <PageHeader title={t('functions:admin-flows')} description={t('flows.description')} />
      <Group justify="space-between" align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label={t('field.unit')}
          data={tree.map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={(v) => v && setUnitId(v)}
          allowDeselect={false}
          searchable
          filter={({ options, search }) =>
            options.filter((o) => !('value' in o) || matchesFolded((o as { label: string }).label, search))
          }
          renderOption={({ option }) => (
            <span style={{ paddingLeft: (tree.find((u) => u.id === option.value)?.depth ?? 0) * 14 }}>
              {option.label}
            </span>
          )}
          w={{ base: '100%', sm: 380 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="flows-unit"
        />
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ flow: null })}
          data-testid="flow-create"
        >
          {t('flows.create')}
        </Button>
      </Group>
      {flows.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" mb="md">
          {errorMessage(t, flows.error)}
        </Alert>
      )}
      {flows.isPending ? (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      ) : list.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="flows-empty">
          <Stack align="center" gap={6} ta="center">
            <IconRoute size={36} color="var(--mantine-color-gray-5)" aria-hidden />
            <Title order={4} fz="md">
              {t('flows.emptyTitle')}
            </Title>
            <Text size="sm" c="dimmed" maw={520}>
              {t('flows.empty')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm" data-testid="flows-list">
          {list.map((flow) => (
            <FlowCard
              key={flow.id}
              flow={flow}
              onEdit={() => setEditing({ flow })}
              onDeactivate={() => setStopping(flow)}
            />
          ))}
        </Stack>
      )}
      {editing && (
        <FlowFormModal
          key={editing.flow?.id ?? 'new'}
          opened
          unitId={unitId}
          flow={editing.flow}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={stopping !== null}
        title={t('flows.deactivateTitle')}
        body={t('flows.deactivateBody', { name: stopping?.name ?? '' })}
        confirmLabel={t('flows.deactivate')}
        loading={deactivate.isPending}
        onClose={() => setStopping(null)}
        onConfirm={() =>
          stopping &&
          deactivate.mutate(stopping.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('flows.deactivated') });
              setStopping(null);
            },
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
          })
        }
      />
    </div>
  );
}
