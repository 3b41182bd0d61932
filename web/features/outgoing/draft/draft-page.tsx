import { Alert, Button, Center, CloseButton, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowBackUp, IconCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatArrivalNumber } from '../../../../contracts/incoming';
import { OUTGOING_LIMITS, type TOutgoingDetail } from '../../../../contracts/outgoing';
import { ApiError } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { useActiveFunctionId } from '../../../app/tabs/navigation';
import { PageHeader } from '../../../components/page-header';
import { detailQuery as incomingDetailQuery } from '../../incoming/api';
import { outgoingBoxQuery, outgoingFormQuery, useCreateOutgoing, useSubmitOutgoing } from '../api';
import { OutgoingList } from '../components/outgoing-list';
import { OutgoingStatusBadge } from '../components/status';
import { OutgoingDrawer } from '../detail/outgoing-view';
import { DraftFields } from './draft-fields';
import { type DraftValues, emptyDraft, fieldOfServerPath, hasFlowFor, toCreateBody, validateDraft } from './draft-form';

const FUNCTION_ID = 'outgoing-register';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const MAX_OF: Partial<Record<string, number>> = {
  subject: OUTGOING_LIMITS.subject,
  summary: OUTGOING_LIMITS.summary,
  draftingCode: OUTGOING_LIMITS.draftingCode,
  recipientsText: OUTGOING_LIMITS.recipientsText,
  notes: OUTGOING_LIMITS.notes,
};

/** The incoming document this draft answers, with a way to drop the link. */
function ReplyToNotice({ incomingId, onClear }: { incomingId: string; onClear: () => void }) {
  const { t } = useTranslation('outgoing');
  const doc = useQuery(incomingDetailQuery(incomingId));
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconArrowBackUp aria-hidden />}
      title={t('draft.replyTitle')}
      data-testid="draft-reply-to"
      withCloseButton
      closeButtonLabel={t('draft.replyClear')}
      onClose={onClear}
    >
      {doc.data ? (
        <Text size="sm">
          {t('draft.replyTo', {
            number: formatArrivalNumber(doc.data.arrivalNumber),
            code: doc.data.code || doc.data.issuingOrgan,
            subject: doc.data.subject,
          })}
        </Text>
      ) : (
        <Loader size="xs" />
      )}
    </Alert>
  );
}

/** What was just saved, with a button that opens it. */
function SavedPanel(props: { doc: TOutgoingDetail; error: unknown; onOpen: () => void; onClose: () => void }) {
  const { t } = useTranslation(['outgoing', 'errors']);
  const submitted = props.doc.status === 'in_review' || props.doc.status === 'signed';
  return (
    <Alert
      color={props.error ? 'orange' : 'green'}
      variant="light"
      icon={props.error ? <IconAlertCircle aria-hidden /> : <IconCheck aria-hidden />}
      data-testid="draft-saved"
      data-status={props.doc.status}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text size="sm" fw={700}>
              {submitted ? t('draft.submitted') : t('draft.saved')}
            </Text>
            <OutgoingStatusBadge status={props.doc.status} />
          </Group>
          <Text size="sm" lineClamp={2}>
            {props.doc.subject}
          </Text>
          {Boolean(props.error) && (
            <Text size="sm" c="orange.9">
              {t('draft.submitFailed', { error: errorMessage(t, props.error) })}
            </Text>
          )}
          <Group gap="xs" mt={4}>
            <Button size="xs" variant="light" onClick={props.onOpen} data-testid="draft-saved-open">
              {t('draft.open')}
            </Button>
          </Group>
        </Stack>
        <CloseButton size="sm" onClick={props.onClose} aria-label={t('actions.closeNotice')} />
      </Group>
    </Alert>
  );
}

/**
 * Function "Nhập văn bản đi" (Điều 3.1b; ND30 Điều 10–11): "Soạn văn bản đi" — the draft with its
 * files (version 1), recipients in and outside the system and the signer; "Lưu nháp" keeps it,
 * "Lưu và trình duyệt" puts it on the unit's approval path (or to the chosen signer). The
 * incoming document view opens it with `?replyTo=<incoming id>` to draft a reply.
 */
export default function DraftPage() {
  const { t } = useTranslation(['outgoing', 'functions', 'errors']);
  const me = useMe();
  const isPhone = useIsPhone();
  const options = useQuery(outgoingFormQuery);
  const create = useCreateOutgoing();
  const submit = useSubmitOutgoing();
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<{ doc: TOutgoingDetail; error: unknown } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [recentPage, setRecentPage] = useState(1);
  const topRef = useRef<HTMLDivElement>(null);
  const pageSize = 10;
  const recent = useQuery(outgoingBoxQuery('drafts', recentPage, pageSize, 0));

  const form = useForm<DraftValues>({ initialValues: emptyDraft() });
  const needSigner = options.data ? !hasFlowFor(options.data, form.values.documentTypeId) : false;

  // Start from the drafting code and signer used last (once the options arrive).
  const prefilled = useRef(false);
  const { setValues } = form;
  useEffect(() => {
    if (prefilled.current || !options.data) return;
    prefilled.current = true;
    setValues(emptyDraft(options.data.last));
  }, [options.data, setValues]);

  // "Soạn văn bản trả lời" opens this tab with ?replyTo=<id>; the parameter is then dropped.
  const navigate = useNavigate();
  const isActive = useActiveFunctionId() === FUNCTION_ID;
  const replyParam = useRouterState({ select: (s) => (s.location.search as { replyTo?: unknown }).replyTo });
  useEffect(() => {
    if (!isActive || replyParam === undefined) return;
    if (typeof replyParam === 'string' && UUID.test(replyParam)) {
      setReplyTo(replyParam);
      setSaved(null);
    }
    void navigate({ to: '/app/$functionId', params: { functionId: FUNCTION_ID }, search: {}, replace: true });
  }, [isActive, replyParam, navigate]);

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
          form.setFieldError(field, t(`draft.errors.server.${field}`, { defaultValue: t('draft.errors.invalid') }));
          placed = true;
        }
      }
      if (!placed) notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
    [form, t],
  );

  const busy = create.isPending || submit.isPending || uploading;

  const save = (mode: 'draft' | 'submit') => {
    if (busy || !options.data) return;
    // A draft can be saved without files; it is submitted with them (the reviewers read the files).
    const errors = validateDraft(form.values, {
      needSigner: mode === 'submit' && needSigner,
      needFiles: mode === 'submit',
    });
    form.setErrors(
      Object.fromEntries(
        Object.entries(errors).map(([field, key]) => [field, t(`draft.errors.${key}`, { max: MAX_OF[field] })]),
      ),
    );
    const first = Object.keys(errors)[0];
    if (first) {
      const root = first.split('.')[0];
      document.querySelector<HTMLElement>(`[data-field="${root}"] input, [data-field="${root}"] textarea`)?.focus();
      return;
    }
    const values = form.values;
    create.mutate(toCreateBody(values, replyTo), {
      onSuccess: (doc) => {
        const finish = (shown: TOutgoingDetail, error: unknown) => {
          setSaved({ doc: shown, error });
          setReplyTo(null);
          setRecentPage(1);
          form.setValues(emptyDraft({ draftingCode: values.draftingCode || null, signerId: values.signerId }));
          form.clearErrors();
          topRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          if (!error)
            notifications.show({
              color: 'green',
              icon: <IconCheck size={18} aria-hidden />,
              message: shown.status === 'draft' ? t('draft.saved') : t('draft.submitted'),
            });
        };
        if (mode === 'draft') return finish(doc, null);
        submit.mutate(
          { id: doc.id, body: { signerId: doc.abilities.submitNeedsSigner ? values.signerId : null } },
          { onSuccess: (next) => finish(next, null), onError: (error) => finish(doc, error) },
        );
      },
      onError: placeServerError,
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      save('draft');
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

  const formPanel = (
    <Paper
      withBorder
      radius="md"
      p={isPhone ? 'sm' : 'md'}
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save('draft');
      }}
      onKeyDown={onKeyDown}
      data-testid="outgoing-draft-form"
    >
      <Stack gap="sm">
        {saved && (
          <SavedPanel
            doc={saved.doc}
            error={saved.error}
            onOpen={() => setOpenId(saved.doc.id)}
            onClose={() => setSaved(null)}
          />
        )}
        {replyTo && <ReplyToNotice incomingId={replyTo} onClear={() => setReplyTo(null)} />}
        <DraftFields
          form={form}
          options={options.data}
          withFiles
          needSigner={needSigner}
          onUploadingChange={setUploading}
        />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group
            gap="xs"
            w={isPhone ? '100%' : undefined}
            style={isPhone ? { flexDirection: 'column-reverse', alignItems: 'stretch' } : undefined}
          >
            <Button
              type="submit"
              variant="default"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={create.isPending && !submit.isPending}
              disabled={busy}
              data-testid="draft-save"
            >
              {t('draft.save')}
            </Button>
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => save('submit')}
              loading={submit.isPending}
              disabled={busy}
              data-testid="draft-save-submit"
            >
              {t('draft.saveSubmit')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {uploading ? t('draft.uploading') : isPhone ? null : t('draft.shortcut')}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );

  return (
    <div data-testid="page-outgoing-register" ref={topRef}>
      <PageHeader
        title={t('functions:outgoing-register')}
        description={t('draft.description', { unit: options.data.unitName || me.unit.name })}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>{formPanel}</Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('draft.recentTitle')}
            </Title>
            <OutgoingList
              rows={recent.data?.items ?? []}
              total={recent.data?.total ?? 0}
              page={recentPage}
              pageSize={pageSize}
              onPage={setRecentPage}
              onOpen={setOpenId}
              loading={recent.isPending}
              emptyText={t('draft.recentEmpty')}
              columns={['subject', 'status']}
              hideTotal
              data-testid="outgoing-recent"
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <OutgoingDrawer id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </div>
  );
}
