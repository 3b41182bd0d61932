import {
  Alert,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../contracts/calendar';
import type { TFileRef } from '../../../contracts/files';
import { formatInternalCode, INTERNAL_LIMITS, type TInternalDetail } from '../../../contracts/internal';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { DateInput } from '../../components/date-input';
import { FileDrop } from '../../components/file-drop';
import { PageHeader } from '../../components/page-header';
import { documentTypesQuery } from '../incoming/components/catalog-queries';
import { PersonPicker } from '../incoming/components/person-picker';
import { internalFormQuery, internalListQuery, useCreateInternal } from './api';
import { InternalList } from './internal-list';
import { InternalDrawer } from './internal-view';
import { NumberingSettings } from './numbering-settings';

interface Values {
  documentTypeId: string | null;
  issuedDate: string;
  signer: string;
  subject: string;
  content: string;
  recipientIds: string[];
  files: TFileRef[];
}

const SERVER_FIELDS = ['documentTypeId', 'issuedDate', 'recipientIds', 'subject', 'fileIds'] as const;

/** Nhập văn bản nội bộ (Điều 3.1c): the entry form, the unit's numbered types and my latest documents. */
export default function InternalRegisterPage() {
  const { t } = useTranslation(['internal', 'functions', 'errors']);
  const isPhone = useIsPhone();
  const options = useQuery(internalFormQuery);
  const types = useQuery(documentTypesQuery);
  const create = useCreateInternal();
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<TInternalDetail | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [recentPage, setRecentPage] = useState(1);
  const recent = useQuery(internalListQuery({ box: 'created', page: recentPage, pageSize: 8 }));
  const today = options.data?.today ?? '';

  const form = useForm<Values>({
    initialValues: {
      documentTypeId: null,
      issuedDate: '',
      signer: '',
      subject: '',
      content: '',
      recipientIds: [],
      files: [],
    },
    validate: {
      documentTypeId: (v) => (v ? null : t('register.errors.required')),
      subject: (v) =>
        !v.trim()
          ? t('register.errors.required')
          : v.trim().length > INTERNAL_LIMITS.subject
            ? t('register.errors.tooLong', { max: INTERNAL_LIMITS.subject })
            : null,
      issuedDate: (v) =>
        !isDateOrEmpty(v) ? t('register.errors.date') : v && today && v > today ? t('register.errors.future') : null,
      signer: (v) =>
        v.trim().length > INTERNAL_LIMITS.signer ? t('register.errors.tooLong', { max: INTERNAL_LIMITS.signer }) : null,
    },
  });

  // The date starts as today (the server's day), once the form options arrive.
  const dated = useRef(false);
  const { setFieldValue } = form;
  useEffect(() => {
    if (dated.current || !options.data) return;
    dated.current = true;
    setFieldValue('issuedDate', options.data.today);
  }, [options.data, setFieldValue]);

  if (options.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (options.isError)
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
        {errorMessage(t, options.error)}
      </Alert>
    );
  const opts = options.data;
  const numbered = opts.numbered.find((n) => n.documentTypeId === form.values.documentTypeId);

  const save = form.onSubmit((v) => {
    if (uploading) return;
    create.mutate(
      {
        documentTypeId: v.documentTypeId as string,
        subject: v.subject,
        content: v.content || null,
        issuedDate: v.issuedDate || null,
        signer: v.signer || null,
        recipientIds: v.recipientIds,
        fileIds: v.files.map((f) => f.id),
      },
      {
        onSuccess: (doc) => {
          setSaved(doc);
          setRecentPage(1);
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} aria-hidden />,
            message: doc.code ? t('register.saved', { code: doc.code }) : t('register.savedNoNumber'),
          });
          form.setValues({
            documentTypeId: v.documentTypeId,
            issuedDate: opts.today,
            signer: v.signer,
            subject: '',
            content: '',
            recipientIds: [],
            files: [],
          });
          form.clearErrors();
        },
        onError: (error) => {
          let placed = false;
          if (error instanceof ApiError) {
            if (error.code.startsWith('FILE_')) {
              form.setFieldError('files', errorMessage(t, error));
              placed = true;
            }
            const field = String(error.details.field ?? error.fields[0]?.path ?? '').replace(/^body\./, '');
            const known = SERVER_FIELDS.find((f) => field.startsWith(f));
            if (known) {
              form.setFieldError(known === 'fileIds' ? 'files' : known, t(`register.errors.server.${known}`));
              placed = true;
            }
          }
          if (!placed) notifications.show({ color: 'red', message: errorMessage(t, error) });
        },
      },
    );
  });

  const formPanel = (
    <Paper
      withBorder
      radius="md"
      p={isPhone ? 'sm' : 'md'}
      component="form"
      noValidate
      onSubmit={save}
      data-testid="internal-register-form"
    >
      <Stack gap="sm">
        {saved && (
          <Alert
            color="green"
            variant="light"
            icon={<IconCheck size={18} aria-hidden />}
            withCloseButton
            onClose={() => setSaved(null)}
            data-testid="internal-saved"
          >
            <Group gap="xs" justify="space-between">
              <Text size="sm">
                {saved.code ? t('register.saved', { code: saved.code }) : t('register.savedNoNumber')}
              </Text>
              <Button size="compact-xs" variant="white" onClick={() => setOpenId(saved.id)}>
                {t('register.openSaved')}
              </Button>
            </Group>
          </Alert>
        )}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <Select
              label={t('field.documentType')}
              placeholder={t('register.typePlaceholder')}
              required
              searchable
              data={(types.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
              {...form.getInputProps('documentTypeId')}
              comboboxProps={{ withinPortal: true }}
              data-testid="internal-type"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <DateInput
              label={t('field.issuedDate')}
              value={form.values.issuedDate}
              onChange={(v) => form.setFieldValue('issuedDate', v)}
              error={form.errors.issuedDate}
              max={opts.today}
              data-testid="internal-date"
            />
          </Grid.Col>
        </Grid>
        {form.values.documentTypeId && (
          <Group gap="xs" data-testid="internal-number-preview">
            {numbered ? (
              <>
                <Badge
                  size="lg"
                  radius="sm"
                  variant="light"
                  color="indigo"
                  styles={{ label: { textTransform: 'none' } }}
                >
                  {t('register.numbered', { code: formatInternalCode(numbered.nextNumber, numbered.notation) })}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('register.numberedHint', { year: opts.year })}
                </Text>
              </>
            ) : (
              <Text size="xs" c="dimmed">
                {t('register.unnumbered')}
              </Text>
            )}
          </Group>
        )}
        <Textarea
          label={t('field.subject')}
          placeholder={t('register.subjectPlaceholder')}
          required
          autosize
          minRows={2}
          maxRows={5}
          maxLength={INTERNAL_LIMITS.subject + 20}
          {...form.getInputProps('subject')}
          data-testid="internal-subject-input"
        />
        <Textarea
          label={t('field.content')}
          placeholder={t('register.contentPlaceholder')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={INTERNAL_LIMITS.content}
          {...form.getInputProps('content')}
          data-testid="internal-content-input"
        />
        <TextInput
          label={t('field.signer')}
          placeholder={t('register.signerPlaceholder')}
          maxLength={INTERNAL_LIMITS.signer + 10}
          {...form.getInputProps('signer')}
        />
        <PersonPicker
          label={t('field.recipients')}
          placeholder={t('register.recipientsPlaceholder')}
          kind="handlers"
          unitId={opts.unitId}
          value={form.values.recipientIds}
          onChange={(ids) => form.setFieldValue('recipientIds', ids)}
          error={form.errors.recipientIds}
          maxValues={INTERNAL_LIMITS.recipients}
          testId="internal-recipients-input"
        />
        <Stack gap={4}>
          <FileDrop
            value={form.values.files}
            onChange={(files) => form.setFieldValue('files', files)}
            onBusyChange={setUploading}
          />
          {form.errors.files && (
            <Text size="xs" c="red.7" role="alert">
              {form.errors.files}
            </Text>
          )}
        </Stack>
        <Group justify="space-between" gap="sm">
          <Button
            type="submit"
            leftSection={<IconSend size={16} aria-hidden />}
            loading={create.isPending}
            disabled={uploading}
            fullWidth={isPhone}
            data-testid="internal-save"
          >
            {t('register.save')}
          </Button>
          {uploading && (
            <Text size="xs" c="dimmed">
              {t('register.uploading')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );

  return (
    <div data-testid="page-internal-register">
      <PageHeader
        title={t('functions:internal-register')}
        description={t('register.description', { unit: opts.unitName })}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>{formPanel}</Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <NumberingSettings />
            <Stack gap="xs">
              <Title order={3} fz="md">
                {t('register.recentTitle')}
              </Title>
              <InternalList
                rows={recent.data?.items ?? []}
                total={recent.data?.total ?? 0}
                page={recentPage}
                pageSize={8}
                onPage={setRecentPage}
                onOpen={setOpenId}
                loading={recent.isPending}
                emptyText={t('register.recentEmpty')}
                hideTotal
                cards
                data-testid="internal-recent"
              />
            </Stack>
          </Stack>
        </Grid.Col>
      </Grid>
      <InternalDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
