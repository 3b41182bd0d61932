import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconDeviceFloppy, IconLock, IconPlaylistAdd } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../../../contracts/calendar';
import { INCOMING_LIMITS, type TIncomingCreated } from '../../../../contracts/incoming';
import { ApiError } from '../../../app/api';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { PageHeader } from '../../../components/page-header';
import { EdxmlImportButton } from '../../outgoing/exchange/edxml-import';
import { RegisterTabs } from '../../outgoing/exchange/register-tabs';
import { formOptionsQuery, searchQuery, useDuplicates, useRegisterIncoming } from '../api';
import { IncomingList } from '../components/incoming-list';
import { DocumentDrawer } from '../detail/document-view';
import { levelsQuery } from '../components/catalog-queries';
import { RegisterFields } from './register-fields';
import { arrivalLabel, SavedPanel } from './register-alerts';
import {
  emptyRegisterValues,
  fieldOfServerPath,
  prefillFromLast,
  previewArrivalNumber,
  type RegisterValues,
  toCreateBody,
  validateRegister,
} from './register-form';

/** Character limits shown in "Tối đa … ký tự". */
const MAX_OF: Partial<Record<keyof RegisterValues, number>> = {
  organName: INCOMING_LIMITS.organName,
  codeNumber: INCOMING_LIMITS.codeNumber,
  codeNotation: INCOMING_LIMITS.codeNotation,
  signer: INCOMING_LIMITS.signer,
  subject: INCOMING_LIMITS.subject,
  notes: INCOMING_LIMITS.notes,
};

/** Function "Nhập văn bản đến" (Điều 3.1a; ND30 Điều 22): the clerk's fast entry form and the latest registered documents. */
export default function RegisterPage() {
  const { t } = useTranslation(['incomingRegister', 'incoming', 'functions', 'errors']);
  const isPhone = useIsPhone();
  const options = useQuery(formOptionsQuery);
  const confidentiality = useQuery(levelsQuery('confidentiality'));
  const register = useRegisterIncoming();
  const [openId, setOpenId] = useState<string | null>(null);
  const [saved, setSaved] = useState<TIncomingCreated | null>(null);
  const [uploading, setUploading] = useState(false);
  const [recentPage, setRecentPage] = useState(1);
  const [leadersChosen, setLeadersChosen] = useState(0);
  const organRef = useRef<HTMLInputElement>(null);
  const subjectRef = useRef<HTMLTextAreaElement>(null);
  const topRef = useRef<HTMLDivElement>(null);

  const form = useForm<RegisterValues>({
    initialValues: emptyRegisterValues(),
    validate: (values) => {
      const errors = validateRegister(values, vnDate(new Date()));
      return Object.fromEntries(
        Object.entries(errors).map(([field, key]) => [
          field,
          t(`register.errors.${key}`, { max: MAX_OF[field as keyof RegisterValues] }),
        ]),
      );
    },
  });

  // Start from the organ and type used last, once the form options arrive (not again after that).
  const prefilled = useRef(false);
  const { setValues } = form;
  useEffect(() => {
    if (prefilled.current || !options.data) return;
    prefilled.current = true;
    setValues(prefillFromLast(options.data.last));
  }, [options.data, setValues]);

  const v = form.values;
  const [dupQuery] = useDebouncedValue(
    {
      codeNumber: v.codeNumber.trim() || undefined,
      codeNotation: v.codeNotation.trim() || undefined,
      issuingOrganId: v.organId ?? undefined,
      issuingOrganName: v.organId ? undefined : v.organName.trim() || undefined,
    },
    400,
  );
  const duplicates = useDuplicates(dupQuery);

  const recent = useQuery({
    ...searchQuery({ sort: 'arrivalAt', dir: 'desc', page: recentPage, pageSize: 10, unitId: options.data?.unitId }),
    enabled: Boolean(options.data),
  });

  const secret = (confidentiality.data ?? []).some((c) => c.code === v.confidentialityCode && c.rank > 0);

  const placeServerError = useCallback(
    (error: unknown) => {
      let placed = false;
      if (error instanceof ApiError) {
        if (error.code.startsWith('FILE_')) {
          form.setFieldError('files', errorMessage(t, error));
          placed = true;
        }
        for (const f of error.fields) {
          const field = fieldOfServerPath(f.path);
          if (!field) continue;
          form.setFieldError(
            field,
            t(`register.errors.server.${field}`, { defaultValue: t('register.errors.invalid') }),
          );
          placed = true;
        }
      }
      if (!placed) notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
    [form, t],
  );

  const save = (mode: 'save' | 'next') => {
    if (register.isPending || uploading) return;
    const check = form.validate();
    if (check.hasErrors) {
      const first = Object.keys(check.errors)[0];
      document.querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"] textarea`)?.focus();
      return;
    }
    const values = form.values;
    register.mutate(toCreateBody(values), {
      onSuccess: (created) => {
        setSaved(created);
        setRecentPage(1);
        notifications.show({
          color: 'green',
          icon: <IconCheck size={18} aria-hidden />,
          message: t('register.savedNotice', { number: arrivalLabel(created.document) }),
        });
        form.setValues(
          emptyRegisterValues({
            organName: values.organName,
            organId: created.document.issuingOrganId,
            documentTypeId: values.documentTypeId,
          }),
        );
        form.clearErrors();
        setLeadersChosen(0);
        if (mode === 'next') {
          requestAnimationFrame(() => subjectRef.current?.focus());
        } else {
          topRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          requestAnimationFrame(() => organRef.current?.focus({ preventScroll: true }));
        }
      },
      onError: placeServerError,
    });
  };

  // Ctrl+Enter saves from anywhere; a plain Enter in a one-line field does not send a half-filled form.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      save('save');
    } else if (e.target instanceof HTMLInputElement) {
      e.preventDefault();
    }
  };

  if (options.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (options.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
        {errorMessage(t, options.error)}
      </Alert>
    );
  }
  const opts = options.data;
  const busy = register.isPending || uploading;

  const formPanel = (
    <Paper
      withBorder
      radius="md"
      p={isPhone ? 'sm' : 'md'}
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save('save');
      }}
      onKeyDown={onKeyDown}
      data-testid="incoming-register-form"
    >
      <Stack gap="sm">
        {saved && <SavedPanel saved={saved} onOpen={setOpenId} onClose={() => setSaved(null)} />}
        <RegisterFields
          form={form}
          organRef={organRef}
          subjectRef={subjectRef}
          maxFileMb={opts.maxFileMb}
          allowedTypes={opts.allowedTypes}
          duplicates={duplicates.data ?? []}
          onOpen={setOpenId}
          secret={secret}
          onUploadingChange={setUploading}
          leadersChosen={leadersChosen}
          onLeadersChosen={setLeadersChosen}
        />

        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group
            gap="xs"
            w={isPhone ? '100%' : undefined}
            style={isPhone ? { flexDirection: 'column', alignItems: 'stretch' } : undefined}
          >
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={register.isPending}
              disabled={uploading}
              data-testid="incoming-save"
            >
              {t('register.save')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconPlaylistAdd size={16} aria-hidden />}
              onClick={() => save('next')}
              disabled={busy}
              data-testid="incoming-save-next"
            >
              {t('register.saveNext')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {uploading ? t('register.uploading') : isPhone ? null : t('register.shortcut')}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );

  const recentPanel = (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {t('register.recentTitle')}
      </Title>
      <IncomingList
        rows={recent.data?.items ?? []}
        total={recent.data?.total ?? 0}
        page={recentPage}
        pageSize={10}
        onPage={setRecentPage}
        onOpen={setOpenId}
        loading={recent.isPending || recent.isPlaceholderData}
        emptyText={t('register.recentEmpty')}
        columns={['arrivalNumber', 'subject', 'status']}
        hideTotal
        data-testid="incoming-recent"
      />
    </Stack>
  );

  return (
    <div data-testid="page-incoming-register" ref={topRef}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
        <PageHeader
          title={t('functions:incoming-register')}
          description={t('register.description', { year: opts.year, unit: opts.unitName })}
        />
        <Group gap="sm" align="center">
          <EdxmlImportButton
            disabled={busy}
            onRead={(pkg) => {
              form.setValues({
                ...emptyRegisterValues({
                  organName: pkg.issuingOrganName,
                  organId: null,
                  documentTypeId: pkg.documentTypeId,
                }),
                codeNumber: pkg.codeNumber,
                codeNotation: pkg.codeNotation,
                issuedDate: pkg.issuedDate ?? '',
                signer: pkg.signer,
                subject: pkg.subject,
                pageCount: pkg.pageCount ?? '',
                urgencyCode: pkg.urgencyCode,
                dueDate: pkg.dueDate ?? '',
                files: pkg.files,
              });
              form.clearErrors();
            }}
          />
          <NextNumber number={previewArrivalNumber(opts, secret)} secret={secret} />
        </Group>
      </Group>
      <RegisterTabs
        entry={
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>{formPanel}</Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>{recentPanel}</Grid.Col>
          </Grid>
        }
      />
      <DocumentDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** "Số đến dự kiến: 06" (a preview; the real number is given on save). */
function NextNumber({ number, secret }: { number: string; secret: boolean }) {
  const { t } = useTranslation('incomingRegister');
  return (
    <Tooltip label={t('register.nextHint')} multiline w={240}>
      <Box data-testid="incoming-next-number" data-secret={secret || undefined}>
        <Badge
          size="xl"
          radius="sm"
          variant="light"
          color={secret ? 'grape' : 'blue'}
          leftSection={secret ? <IconLock size={16} aria-hidden /> : undefined}
          styles={{ label: { textTransform: 'none', fontWeight: 600 } }}
        >
          {t(secret ? 'register.nextSecret' : 'register.nextNumber', { number })}
        </Badge>
      </Box>
    </Tooltip>
  );
}
