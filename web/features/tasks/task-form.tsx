import {
  Loader,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty, vnDate } from '../../../contracts/calendar';
import type { TFileRef } from '../../../contracts/files';
import { formatArrivalNumber } from '../../../contracts/incoming';
import {
  TASK_LIMITS,
  TASK_PRIORITIES,
  type TTaskDetail,
  type TTaskPriority,
  type TTaskRelatedItem,
} from '../../../contracts/tasks';
import { useMe } from '../../app/auth';
import { useIsPhone } from '../../app/media';
import { DateInput } from '../../components/date-input';
import { FileDrop } from '../../components/file-drop';
import { useCreateTask, useIncomingSearch, useTaskActions } from './api';
import { FormError, FormFooter } from './form-parts';
import { type TargetRow, TargetsEditor, toTargets } from './targets-editor';

/** Incoming documents to relate, picked by subject; chosen ones keep their label. */
function RelatedPicker(props: { value: TTaskRelatedItem[]; onChange: (v: TTaskRelatedItem[]) => void }) {
  const { t } = useTranslation('tasks');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const docs = useIncomingSearch(q, true);
  const known = useRef(new Map<string, string>());
  for (const r of props.value) known.current.set(r.id, r.label ?? r.id);
  for (const d of docs.data?.items ?? [])
    known.current.set(
      d.id,
      t('form.relatedOption', { number: formatArrivalNumber(d.arrivalNumber), year: d.year, subject: d.subject }),
    );
  const ids = [...new Set([...props.value.map((r) => r.id), ...(docs.data?.items ?? []).map((d) => d.id)])];
  return (
    <MultiSelect
      label={t('form.related')}
      placeholder={t('form.relatedPlaceholder')}
      data={ids.map((id) => ({ value: id, label: known.current.get(id) ?? id }))}
      value={props.value.map((r) => r.id)}
      onChange={(next) =>
        props.onChange(next.map((id) => ({ kind: 'incoming', id, label: known.current.get(id) ?? null })))
      }
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      clearable
      maxValues={TASK_LIMITS.related}
      rightSection={docs.isFetching ? <Loader size={14} /> : undefined}
      nothingFoundMessage={docs.isFetching ? t('form.searching') : t('form.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      data-testid="task-related"
    />
  );
}

export type TaskFormMode = 'new' | 'own' | 'subtask' | 'edit';

/**
 * The task form: new task (given to people and units, or kept when nobody is chosen), one's own
 * task, a sub-task of `parent`, or the creator's corrections (`task`). Dates are dd/mm/yyyy; the
 * server checks everything again and names the wrong field.
 */
function TaskForm(props: {
  mode: TaskFormMode;
  task?: TTaskDetail;
  parent?: TTaskDetail;
  onCancel: () => void;
  onDone: (task: TTaskDetail) => void;
}) {
  const { mode, task } = props;
  const { t } = useTranslation(['tasks', 'common']);
  const me = useMe();
  const canAssign = me.permissions.includes('tasks.assign') && mode !== 'own' && mode !== 'edit';
  const canRelate = me.permissions.includes('incoming.view');
  const create = useCreateTask();
  const actions = useTaskActions(task?.id ?? '');
  const mutation = mode === 'edit' ? actions.update : create;
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [priority, setPriority] = useState<TTaskPriority>(task?.priority ?? 'normal');
  const [startDate, setStartDate] = useState(task?.startDate ?? '');
  const [dueDate, setDueDate] = useState('');
  const [files, setFiles] = useState<TFileRef[]>([]);
  const [related, setRelated] = useState<TTaskRelatedItem[]>(task?.related ?? []);
  const [targets, setTargets] = useState<TargetRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const today = vnDate(new Date());

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!title.trim()) errs.title = t('errors.titleRequired');
    if (!isDateOrEmpty(startDate)) errs.startDate = t('errors.dateInvalid');
    if (!isDateOrEmpty(dueDate)) errs.dueDate = t('errors.dateInvalid');
    else if (dueDate && dueDate < today) errs.dueDate = t('errors.pastDue');
    else if (dueDate && startDate && isDateOrEmpty(startDate) && dueDate < startDate)
      errs.dueDate = t('errors.beforeStart');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const common = {
      title: title.trim(),
      description: description.trim() || null,
      priority,
      startDate: startDate || null,
      fileIds: files.map((f) => f.id),
      related: related.map((r) => ({ kind: r.kind, id: r.id })),
    };
    if (mode === 'edit') actions.update.mutate(common, { onSuccess: props.onDone });
    else
      create.mutate(
        {
          ...common,
          dueDate: dueDate || null,
          targets: canAssign ? toTargets(targets) : [],
          parentId: props.parent?.id ?? null,
        },
        { onSuccess: props.onDone },
      );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="task-form">
      <Stack gap="sm">
        {props.parent && (
          <Text size="sm" c="dimmed">
            {t('detail.parent', { title: props.parent.title })}
          </Text>
        )}
        <TextInput
          label={t('form.title')}
          placeholder={t('form.titlePlaceholder')}
          required
          maxLength={TASK_LIMITS.title}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus
          data-testid="task-title"
        />
        <Textarea
          label={t('form.description')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={TASK_LIMITS.description}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          data-testid="task-description"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('priority.label')}
          </Text>
          <SegmentedControl
            value={priority}
            onChange={(v) => setPriority(v as TTaskPriority)}
            data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            fullWidth
            data-testid="task-priority"
          />
        </Stack>
        <SimpleGrid cols={2} spacing="sm">
          <DateInput
            label={t('form.start')}
            value={startDate}
            onChange={setStartDate}
            error={errors.startDate}
            data-testid="task-start"
          />
          {mode !== 'edit' && (
            <DateInput
              label={t('form.due')}
              value={dueDate}
              onChange={setDueDate}
              min={today}
              error={errors.dueDate}
              data-testid="task-due"
            />
          )}
        </SimpleGrid>
        {canAssign && <TargetsEditor value={targets} onChange={setTargets} />}
        {canRelate && <RelatedPicker value={related} onChange={setRelated} />}
        <FileDrop
          value={files}
          onChange={setFiles}
          onBusyChange={setBusy}
          label={t('form.files')}
          data-testid="task-files"
        />
        <FormError error={mutation.error} />
        <FormFooter
          submitLabel={
            mode === 'edit'
              ? t('actions.update.submit')
              : mode === 'subtask'
                ? t('actions.subtask.submit')
                : t('actions.assign.submit')
          }
          loading={mutation.isPending}
          disabled={busy}
          onCancel={props.onCancel}
        />
      </Stack>
    </form>
  );
}

/** The task form in a modal (full screen on a phone); says so when saved. */
export function TaskFormModal(props: {
  mode: TaskFormMode | null;
  task?: TTaskDetail;
  parent?: TTaskDetail;
  onClose: () => void;
  onSaved?: (task: TTaskDetail) => void;
}) {
  const { t } = useTranslation('tasks');
  const isPhone = useIsPhone();
  const titles: Record<TaskFormMode, string> = {
    new: t('form.newTitle'),
    own: t('form.ownTitle'),
    subtask: t('actions.subtask.title'),
    edit: t('actions.update.title'),
  };
  const done: Record<TaskFormMode, string> = {
    new: t('form.created'),
    own: t('form.created'),
    subtask: t('actions.subtask.done'),
    edit: t('actions.update.done'),
  };
  return (
    <Modal
      opened={props.mode !== null}
      onClose={props.onClose}
      fullScreen={isPhone}
      size="min(820px, 95vw)"
      title={props.mode ? <Text fw={700}>{titles[props.mode]}</Text> : null}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      data-testid="task-form-modal"
    >
      {props.mode && (
        <TaskForm
          key={props.mode}
          mode={props.mode}
          task={props.task}
          parent={props.parent}
          onCancel={props.onClose}
          onDone={(task) => {
            notifications.show({
              color: 'green',
              icon: <IconCheck size={18} />,
              message: done[props.mode as TaskFormMode],
            });
            props.onClose();
            props.onSaved?.(task);
          }}
        />
      )}
    </Modal>
  );
}
