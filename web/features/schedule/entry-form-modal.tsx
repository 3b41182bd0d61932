import {
  Alert,
  Input,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  SCHEDULE_CONTENT_MAX,
  SCHEDULE_TEXT_MAX,
  type TScheduleEntry,
  type TScheduleSession,
  weekDays,
} from '../../../contracts/schedule';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { useScheduleMutations } from './api';
import { dayLabel } from './labels';

interface Values {
  day: string;
  session: TScheduleSession;
  startTime: string;
  content: string;
  chair: string;
  participants: string;
  location: string;
  preparingUnit: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What the dialog edits: a new line (on a day, maybe) or an existing one. */
export type EntryTarget = { mode: 'new'; day?: string } | { mode: 'edit'; entry: TScheduleEntry };

/** "Thêm lịch" / "Sửa lịch" dialog: day of the week, session, time, content and the four columns. */
export function EntryFormModal(props: {
  target: EntryTarget | null;
  unitId: string;
  weekStart: string;
  published: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('schedule');
  const phone = useIsPhone();
  const opened = props.target !== null;
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={t(props.target?.mode === 'edit' ? 'form.editTitle' : 'form.addTitle')}
      size="lg"
      fullScreen={phone}
      centered
    >
      {props.target && <EntryForm {...props} target={props.target} />}
    </Modal>
  );
}

function EntryForm(props: {
  target: EntryTarget;
  unitId: string;
  weekStart: string;
  published: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['schedule', 'errors']);
  const { create, update } = useScheduleMutations();
  const editing = props.target.mode === 'edit' ? props.target.entry : null;
  const days = weekDays(props.weekStart);
  const firstDay = props.target.mode === 'new' ? (props.target.day ?? days[0]) : days[0];
  const form = useForm<Values>({
    initialValues: {
      day: editing?.day ?? firstDay,
      session: editing?.session ?? 'morning',
      startTime: editing?.startTime ?? '',
      content: editing?.content ?? '',
      chair: editing?.chair ?? '',
      participants: editing?.participants ?? '',
      location: editing?.location ?? '',
      preparingUnit: editing?.preparingUnit ?? '',
    },
    validate: {
      content: (v) => (v.trim() ? null : t('schedule:form.required')),
      startTime: (v) => (v.trim() === '' || TIME.test(v.trim()) ? null : t('schedule:form.invalid.startTime')),
    },
  });

  const onError = (error: unknown) => {
    const field = error instanceof ApiError ? error.fields[0]?.path.replace(/^body\./, '') : undefined;
    if (field && field in form.values) {
      form.setFieldError(field, t(`schedule:form.invalid.${field}`, { defaultValue: t('errors:VALIDATION_FAILED') }));
    } else notifications.show({ color: 'red', message: errorMessage(t, error) });
  };
  const submit = (v: Values) => {
    const body = {
      day: v.day,
      session: v.session,
      startTime: v.startTime.trim(),
      content: v.content,
      chair: v.chair,
      participants: v.participants,
      location: v.location,
      preparingUnit: v.preparingUnit,
    };
    const onSuccess = () => {
      notifications.show({ color: 'green', message: t(editing ? 'schedule:done.updated' : 'schedule:done.created') });
      props.onClose();
    };
    if (editing) update.mutate({ id: editing.id, ...body }, { onSuccess, onError });
    else create.mutate({ unitId: props.unitId, weekStart: props.weekStart, ...body }, { onSuccess, onError });
  };

  return (
    <form noValidate onSubmit={form.onSubmit(submit)} data-testid="schedule-form">
      <Stack gap="sm">
        {props.published && (
          <Alert color="yellow" p="xs">
            <Text size="sm">{t('schedule:form.publishedWarning')}</Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            label={t('schedule:form.day')}
            data={days.map((d) => ({ value: d, label: dayLabel(t, d) }))}
            allowDeselect={false}
            data-testid="form-day"
            {...form.getInputProps('day')}
          />
          <Input.Wrapper label={t('schedule:form.session')}>
            <SegmentedControl
              fullWidth
              data={[
                { value: 'morning', label: t('schedule:sessions.morning') },
                { value: 'afternoon', label: t('schedule:sessions.afternoon') },
              ]}
              data-testid="form-session"
              {...form.getInputProps('session')}
            />
          </Input.Wrapper>
          <TextInput
            label={t('schedule:form.time')}
            placeholder="07:30"
            inputMode="numeric"
            maxLength={5}
            data-testid="form-time"
            {...form.getInputProps('startTime')}
          />
        </SimpleGrid>
        <Textarea
          label={t('schedule:form.content')}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={SCHEDULE_CONTENT_MAX}
          data-autofocus
          data-testid="form-content"
          {...form.getInputProps('content')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('schedule:form.chair')}
            maxLength={SCHEDULE_TEXT_MAX}
            data-testid="form-chair"
            {...form.getInputProps('chair')}
          />
          <TextInput
            label={t('schedule:form.location')}
            maxLength={SCHEDULE_TEXT_MAX}
            data-testid="form-location"
            {...form.getInputProps('location')}
          />
        </SimpleGrid>
        <TextInput
          label={t('schedule:form.participants')}
          maxLength={SCHEDULE_TEXT_MAX}
          data-testid="form-participants"
          {...form.getInputProps('participants')}
        />
        <TextInput
          label={t('schedule:form.preparingUnit')}
          maxLength={SCHEDULE_TEXT_MAX}
          data-testid="form-preparing"
          {...form.getInputProps('preparingUnit')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={props.onClose}>
            {t('schedule:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="form-save">
            {t('schedule:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
