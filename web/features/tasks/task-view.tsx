import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Divider,
  Drawer,
  Group,
  Menu,
  Modal,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowForwardUp,
  IconBan,
  IconBulb,
  IconCalendarTime,
  IconChartBar,
  IconCheck,
  IconCircleCheck,
  IconDots,
  IconEdit,
  IconSitemap,
  IconSpeakerphone,
  IconStar,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTaskAbilities, TTaskDetail } from '../../../contracts/tasks';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { AttachmentList } from '../../components/file-preview';
import {
  AcceptForm,
  type ActionFormProps,
  ApproveForm,
  AssignForm,
  ChangeDueForm,
  CloseForm,
  HandOnForm,
  ProposeForm,
  ReasonForm,
  ReportForm,
  UrgeForm,
} from './action-forms';
import { taskFilesUrl, taskQuery, useTaskActions } from './api';
import { TaskFormModal } from './task-form';
import { EventTrail, PeopleList, RelatedList, SubtaskList, TaskHeader } from './task-sections';

type ModalAction = 'accept' | 'report' | 'propose' | 'handOn' | 'urge' | 'changeDue' | 'assign' | 'close' | 'cancel';
type FormAction = 'subtask' | 'update';
type ActionName = ModalAction | FormAction;

interface ActionDef {
  name: ActionName;
  icon: ComponentType<{ size?: number }>;
  primary?: boolean;
  danger?: boolean;
}

/** In button order: the main step of whoever holds it first, corrections and cancelling last. */
const ACTIONS: ActionDef[] = [
  { name: 'accept', icon: IconCheck, primary: true },
  { name: 'report', icon: IconChartBar, primary: true },
  { name: 'urge', icon: IconSpeakerphone },
  { name: 'changeDue', icon: IconCalendarTime },
  { name: 'close', icon: IconStar },
  { name: 'propose', icon: IconBulb },
  { name: 'handOn', icon: IconArrowForwardUp },
  { name: 'assign', icon: IconUserPlus },
  { name: 'subtask', icon: IconSitemap },
  { name: 'update', icon: IconEdit },
  { name: 'cancel', icon: IconBan, danger: true },
];

const FORMS: Record<ModalAction, ComponentType<ActionFormProps>> = {
  accept: AcceptForm,
  report: ReportForm,
  propose: ProposeForm,
  handOn: HandOnForm,
  urge: UrgeForm,
  changeDue: ChangeDueForm,
  assign: AssignForm,
  close: CloseForm,
  cancel: (p) => <ReasonForm kind="cancel" {...p} />,
};

/** The buttons the server's abilities allow: a row on a desktop, a bar at the bottom of a phone. */
function ActionBar(props: { actions: ActionDef[]; onPick: (name: ActionName) => void }) {
  const { t } = useTranslation('tasks');
  const isPhone = useIsPhone();
  const { actions, onPick } = props;
  if (actions.length === 0) return null;
  if (!isPhone)
    return (
      <Group gap="xs" data-testid="task-actions">
        {actions.map((a) => (
          <Button
            key={a.name}
            size="sm"
            variant={a.primary ? 'filled' : a.danger ? 'subtle' : 'default'}
            color={a.danger ? 'red' : undefined}
            leftSection={<a.icon size={16} />}
            onClick={() => onPick(a.name)}
            data-testid={`task-action-${a.name}`}
          >
            {t(`actions.${a.name}.button`)}
          </Button>
        ))}
      </Group>
    );
  const main = actions.filter((a) => a.primary).slice(0, 2);
  const visible = actions.length <= 2 ? actions : main.length ? main : actions.slice(0, 1);
  const rest = actions.filter((a) => !visible.includes(a));
  const short = visible.length > 1;
  return (
    <Box
      data-testid="task-actions"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 5,
        marginInline: 'calc(var(--mantine-spacing-sm) * -1)',
        padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-sm)',
        paddingBottom: 'calc(var(--mantine-spacing-xs) + env(safe-area-inset-bottom))',
        background: 'var(--mantine-color-body)',
        borderTop: '1px solid var(--mantine-color-gray-3)',
        boxShadow: '0 -4px 12px rgba(0, 0, 0, 0.06)',
      }}
    >
      <Group gap="xs" wrap="nowrap">
        {visible.map((a, i) => (
          <Button
            key={a.name}
            size="md"
            px="sm"
            style={{ flex: '1 1 auto', minWidth: 0 }}
            variant={i === 0 ? 'filled' : 'light'}
            color={a.danger ? 'red' : undefined}
            leftSection={<a.icon size={18} />}
            onClick={() => onPick(a.name)}
            data-testid={`task-action-${a.name}`}
          >
            {t(`actions.${a.name}.${short ? 'short' : 'button'}`)}
          </Button>
        ))}
        {rest.length > 0 && (
          <Menu position="top-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon
                size={42}
                variant="default"
                radius="sm"
                aria-label={t('actions.more')}
                data-testid="task-action-more"
              >
                <IconDots size={20} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {rest.map((a) => (
                <Menu.Item
                  key={a.name}
                  leftSection={<a.icon size={18} />}
                  color={a.danger ? 'red' : undefined}
                  onClick={() => onPick(a.name)}
                  py="sm"
                  data-testid={`task-action-${a.name}`}
                >
                  {t(`actions.${a.name}.button`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Box>
  );
}

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Divider
        label={
          <Text size="sm" fw={700} c="dark.6">
            {title}
          </Text>
        }
        labelPosition="left"
      />
      {children}
    </Stack>
  );
}

/** A step's form in a modal (full screen on a phone); says so when done. */
function StepModal(props: {
  step: { name: ModalAction | 'approve' | 'reject'; assignmentId?: string } | null;
  task: TTaskDetail;
  actions: ReturnType<typeof useTaskActions>;
  onClose: () => void;
}) {
  const { step, task, actions } = props;
  const { t } = useTranslation('tasks');
  const isPhone = useIsPhone();
  const close = () => {
    for (const m of Object.values(actions)) m.reset();
    props.onClose();
  };
  const done = () => {
    if (step)
      notifications.show({
        color: 'green',
        icon: <IconCircleCheck size={18} />,
        message: t(`actions.${step.name}.done`),
      });
    close();
  };
  const formProps: ActionFormProps = { task, actions, onCancel: close, onDone: done };
  let form: ReactNode = null;
  if (step?.name === 'approve') form = <ApproveForm {...formProps} assignmentId={step.assignmentId as string} />;
  else if (step?.name === 'reject') form = <ReasonForm {...formProps} kind="reject" assignmentId={step.assignmentId} />;
  else if (step) {
    const Form = FORMS[step.name];
    form = <Form {...formProps} />;
  }
  return (
    <Modal
      opened={step !== null}
      onClose={close}
      fullScreen={isPhone}
      size={step?.name === 'assign' ? 'min(820px, 95vw)' : 'lg'}
      title={
        step && (
          <div>
            <Text fw={700}>{t(`actions.${step.name}.title`)}</Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {task.title}
            </Text>
          </div>
        )
      }
      styles={{ title: { minWidth: 0, flex: 1 } }}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      data-testid={step ? `task-modal-${step.name}` : undefined}
    >
      {form}
    </Modal>
  );
}

function TaskBody({ task, onOpen }: { task: TTaskDetail; onOpen: (id: string) => void }) {
  const { t } = useTranslation('tasks');
  const isPhone = useIsPhone();
  const actions = useTaskActions(task.id);
  const [step, setStep] = useState<{ name: ModalAction | 'approve' | 'reject'; assignmentId?: string } | null>(null);
  const [form, setForm] = useState<FormAction | null>(null);
  // Closing is the assigner's main step once the work is done; before that it stays in the list.
  const allowed = ACTIONS.filter((a) => task.abilities[a.name as keyof TTaskAbilities]).map((a) =>
    a.name === 'close' && task.status === 'done' ? { ...a, primary: true } : a,
  );
  allowed.sort((a, b) => Number(Boolean(b.primary)) - Number(Boolean(a.primary)));
  const pick = (name: ActionName) => (name === 'subtask' || name === 'update' ? setForm(name) : setStep({ name }));
  const bar = <ActionBar actions={allowed} onPick={pick} />;
  return (
    <Stack gap="md" data-testid="task-view" data-task-id={task.id} data-stage={task.stage}>
      <TaskHeader task={task} onOpen={onOpen} />
      {!isPhone && bar}
      <Section title={t('detail.sections.description')}>
        <Text
          size="sm"
          c={task.description ? undefined : 'dimmed'}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {task.description ?? t('detail.noDescription')}
        </Text>
      </Section>
      {task.related.length > 0 && (
        <Section title={t('detail.sections.related')}>
          <RelatedList task={task} />
        </Section>
      )}
      {task.files.length > 0 && (
        <Section title={t('detail.sections.files', { count: task.files.length })}>
          <AttachmentList files={task.files} collection={taskFilesUrl(task.id)} />
        </Section>
      )}
      <Section title={t('detail.sections.people')}>
        <PeopleList task={task} onDecide={(name, assignmentId) => setStep({ name, assignmentId })} />
      </Section>
      {(task.subtasks.length > 0 || task.abilities.subtask) && (
        <Section title={t('detail.sections.subtasks', { count: task.subtasks.length })} testId="task-subtasks">
          <SubtaskList task={task} onOpen={onOpen} />
        </Section>
      )}
      <Section title={t('detail.sections.trail')}>
        <EventTrail task={task} />
      </Section>
      {isPhone && bar}
      <StepModal step={step} task={task} actions={actions} onClose={() => setStep(null)} />
      <TaskFormModal
        mode={form === 'update' ? 'edit' : form}
        task={form === 'update' ? task : undefined}
        parent={form === 'subtask' ? task : undefined}
        onClose={() => setForm(null)}
      />
    </Stack>
  );
}

/** One task with the actions the server allows; `onOpen` moves to another task (parent, sub-task). */
export function TaskView({ id, onOpen, onClose }: { id: string; onOpen: (id: string) => void; onClose?: () => void }) {
  const { t } = useTranslation(['tasks', 'errors', 'common']);
  const detail = useQuery(taskQuery(id));
  if (detail.isPending)
    return (
      <Stack gap="sm">
        <Skeleton h={22} w="40%" />
        <Skeleton h={28} />
        <Skeleton h={120} mt="md" />
      </Stack>
    );
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Alert color="red" variant="light" role="alert" data-testid="task-error">
        <Stack gap="xs">
          <Text size="sm">{missing ? t('detail.notFound') : errorMessage(t, detail.error)}</Text>
          {onClose && (
            <Group>
              <Button size="xs" variant="default" onClick={onClose}>
                {t('common:actions.close')}
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  return <TaskBody task={detail.data} onOpen={onOpen} />;
}

/** A task opened from a list, in a drawer from the right (the whole screen of a phone). */
export function TaskDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: string | null;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('tasks');
  const isPhone = useIsPhone();
  const last = useRef<string | null>(id);
  if (id) last.current = id;
  const shown = id ?? last.current;
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // A form opened from the task closes alone on Escape; the drawer closes only when nothing is above it.
  useEffect(() => {
    if (!id) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing) return;
      if (document.querySelector('.mantine-Modal-content')) return;
      closeRef.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [id]);
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      closeOnEscape={false}
      size={isPhone ? '100%' : 'clamp(600px, 55%, 1000px)'}
      padding={isPhone ? 'sm' : 'lg'}
      title={
        <Text fw={700} size="sm" c="dimmed">
          {t('detail.drawerTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common:actions.close'), size: 'lg' }}
      data-testid="task-drawer"
    >
      {shown && <TaskView key={shown} id={shown} onOpen={onOpen} onClose={onClose} />}
    </Drawer>
  );
}
