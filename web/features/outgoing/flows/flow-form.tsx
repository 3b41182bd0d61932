import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTGOING_LIMITS, type TFlow } from '../../../../contracts/outgoing';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { documentTypesQuery } from '../../incoming/components/catalog-queries';
import { useSaveFlow } from '../api';
import { type ApproverPick, GroupApprovers, JobTitleApprovers, PeopleApprovers } from './approver-pickers';
import { ALL_TYPES, flowBody, moveItem, newStep, type StepDraft } from './flow-model';

function StepEditor(props: {
  step: StepDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (step: StepDraft) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { step, index, count, errors, onChange } = props;
  const { t } = useTranslation('outgoing');
  const byKind = (kind: ApproverPick['kind']) => step.approvers.filter((a) => a.kind === kind);
  const setKind = (kind: ApproverPick['kind'], picks: ApproverPick[]) =>
    onChange({ ...step, approvers: [...step.approvers.filter((a) => a.kind !== kind), ...picks] });
  const last = index === count - 1;
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`flow-step-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={700} size="sm">
            {t('flows.stepN', { n: index + 1 })}
            {last && (
              <Text span size="xs" c="teal.8" fw={500}>
                {' '}
                · {t('flows.lastStep')}
              </Text>
            )}
          </Text>
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('flows.moveUp')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === 0}
                onClick={() => props.onMove(-1)}
                aria-label={t('flows.moveUpStep', { n: index + 1 })}
                data-testid={`flow-step-up-${index}`}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('flows.moveDown')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={last}
                onClick={() => props.onMove(1)}
                aria-label={t('flows.moveDownStep', { n: index + 1 })}
                data-testid={`flow-step-down-${index}`}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('flows.removeStep')}>
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={count === 1}
                onClick={props.onRemove}
                aria-label={t('flows.removeStepN', { n: index + 1 })}
                data-testid={`flow-step-remove-${index}`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('flows.stepLabel')}
            placeholder={t('flows.stepLabelPlaceholder')}
            required
            maxLength={100}
            value={step.label}
            onChange={(e) => onChange({ ...step, label: e.currentTarget.value })}
            error={errors[`steps.${index}.label`] ? t(`flows.errors.${errors[`steps.${index}.label`]}`) : undefined}
            data-testid={`flow-step-label-${index}`}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('flows.stepMode')}
            </Text>
            <SegmentedControl
              value={step.mode}
              onChange={(v) => onChange({ ...step, mode: v as StepDraft['mode'] })}
              data={[
                { value: 'any', label: t('flows.mode.any') },
                { value: 'all', label: t('flows.mode.all') },
              ]}
              fullWidth
              data-testid={`flow-step-mode-${index}`}
            />
          </Stack>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <PeopleApprovers
            value={byKind('user')}
            onChange={(v) => setKind('user', v)}
            testId={`flow-step-people-${index}`}
          />
          <JobTitleApprovers
            value={byKind('jobTitle')}
            onChange={(v) => setKind('jobTitle', v)}
            testId={`flow-step-titles-${index}`}
          />
          <GroupApprovers
            value={byKind('group')}
            onChange={(v) => setKind('group', v)}
            testId={`flow-step-groups-${index}`}
          />
        </SimpleGrid>
        {errors[`steps.${index}.approvers`] && (
          <Text size="xs" c="red.7" role="alert">
            {t('flows.errors.approvers')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {step.mode === 'all' ? t('flows.modeAllHint') : t('flows.modeAnyHint')}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * Create or edit an approval flow: its name, the document type it is for (or every type), and
 * the ordered steps — each a label, one approver enough or all co-signing, and its approvers
 * (people, job titles, groups). The last step signs.
 */
export function FlowFormModal(props: { opened: boolean; unitId: string; flow: TFlow | null; onClose: () => void }) {
  const { t } = useTranslation(['outgoing', 'errors']);
  const isPhone = useIsPhone();
  const { flow } = props;
  const types = useQuery(documentTypesQuery);
  const save = useSaveFlow();
  const [name, setName] = useState(flow?.name ?? '');
  const [typeId, setTypeId] = useState(flow ? (flow.documentTypeId ?? ALL_TYPES) : ALL_TYPES);
  const [steps, setSteps] = useState<StepDraft[]>(() =>
    flow
      ? flow.steps.map((s) => ({ ...newStep(s.label), mode: s.mode, approvers: s.approvers }))
      : [newStep(t('flows.defaultStep'))],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { body, errors: found } = flowBody(props.unitId, name, typeId, steps);
    setErrors(found);
    if (!body) return;
    save.mutate(
      { id: flow?.id ?? null, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('flows.saved') });
          props.onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      fullScreen={isPhone}
      size="min(1000px, 95vw)"
      title={<Text fw={700}>{flow ? t('flows.editTitle') : t('flows.createTitle')}</Text>}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      data-testid="flow-modal"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('flows.name')}
              placeholder={t('flows.namePlaceholder')}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name ? t('flows.errors.name') : undefined}
              data-autofocus
              data-testid="flow-name"
            />
            <Select
              label={t('flows.documentType')}
              allowDeselect={false}
              searchable
              data={[
                { value: ALL_TYPES, label: t('flows.allTypes') },
                ...(types.data ?? []).map((d) => ({ value: d.id, label: d.name })),
              ]}
              value={typeId}
              onChange={(v) => setTypeId(v ?? ALL_TYPES)}
              comboboxProps={{ withinPortal: true }}
              data-testid="flow-type"
            />
          </SimpleGrid>
          <Text size="sm" fw={600}>
            {t('flows.steps')}
          </Text>
          {steps.map((step, i) => (
            <StepEditor
              key={step.key}
              step={step}
              index={i}
              count={steps.length}
              errors={errors}
              onChange={(next) => setSteps((all) => all.map((s) => (s.key === step.key ? next : s)))}
              onMove={(delta) => setSteps((all) => moveItem(all, i, delta))}
              onRemove={() => setSteps((all) => all.filter((s) => s.key !== step.key))}
            />
          ))}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => setSteps((all) => [...all, newStep()])}
              disabled={steps.length >= OUTGOING_LIMITS.flowSteps}
              data-testid="flow-step-add"
            >
              {t('flows.addStep')}
            </Button>
          </Group>
          {save.error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {errorMessage(t, save.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose} disabled={save.isPending}>
              {t('actions.cancelForm')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="flow-save">
              {t('flows.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
