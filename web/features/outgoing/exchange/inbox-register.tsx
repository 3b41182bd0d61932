import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconDeviceFloppy, IconDownload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../../../contracts/calendar';
import { INCOMING_LIMITS } from '../../../../contracts/incoming';
import type { TInboxDetail } from '../../../../contracts/outgoing';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { FileTypeIcon, useFileSize } from '../../../components/file-preview';
import { withActingFor } from '../../../app/acting-for';
import { formOptionsQuery, useDuplicates, useRegisterIncoming } from '../../incoming/api';
import { levelsQuery } from '../../incoming/components/catalog-queries';
import { arrivalLabel } from '../../incoming/register/register-alerts';
import { RegisterFields } from '../../incoming/register/register-fields';
import { type RegisterValues, toCreateBody, validateRegister } from '../../incoming/register/register-form';
import { EXCHANGE_KEY, inboxDetailQuery, outgoingUrls } from '../api';
import { valuesFromDelivery } from './inbox-values';

const MAX_OF: Partial<Record<keyof RegisterValues, number>> = {
  organName: INCOMING_LIMITS.organName,
  codeNumber: INCOMING_LIMITS.codeNumber,
  codeNotation: INCOMING_LIMITS.codeNotation,
  signer: INCOMING_LIMITS.signer,
  subject: INCOMING_LIMITS.subject,
  notes: INCOMING_LIMITS.notes,
};

/** The files the sender attached: open (inline) or download; they are attached when registered. */
function InboxFiles({ detail }: { detail: TInboxDetail }) {
  const { t } = useTranslation(['outgoing', 'files']);
  const formatSize = useFileSize();
  const base = outgoingUrls.inboxFileBase(detail.deliveryId);
  if (detail.files.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('files:list.empty')}
      </Text>
    );
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {detail.files.map((file) => (
        <Paper key={file.id} component="li" withBorder radius="sm" px="sm" py={6} data-testid="inbox-file">
          <Group gap="sm" wrap="nowrap">
            <FileTypeIcon mime={file.mime} name={file.name} />
            <Box style={{ flex: 1, minWidth: 0 }}>
              <Anchor
                href={withActingFor(`${base}/${file.id}`)}
                target="_blank"
                rel="noopener"
                size="sm"
                fw={500}
                lineClamp={2}
                style={{ overflowWrap: 'anywhere' }}
              >
                {file.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatSize(file.size)}
              </Text>
            </Box>
            <ActionIcon
              component="a"
              href={withActingFor(`${base}/${file.id}`, { download: '1' })}
              variant="subtle"
              color="gray"
              aria-label={t('files:list.downloadFile', { name: file.name })}
            >
              <IconDownload size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function RegisterForm({
  detail,
  onDone,
  onCancel,
}: {
  detail: TInboxDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  // A possible duplicate opens in "Xem văn bản đến" (the form closes: a modal would stay over it).
  const onOpenIncoming = (id: string) => {
    onCancel();
    void navigate({ to: '/app/$functionId', params: { functionId: 'incoming-view' }, search: { doc: id } });
  };
  const { t } = useTranslation(['outgoing', 'incomingRegister', 'errors']);
  const qc = useQueryClient();
  const options = useQuery(formOptionsQuery);
  const confidentiality = useQuery(levelsQuery('confidentiality'));
  const register = useRegisterIncoming();
  const [leadersChosen, setLeadersChosen] = useState(0);
  const organRef = useRef<HTMLInputElement>(null);
  const subjectRef = useRef<HTMLTextAreaElement>(null);
  const form = useForm<RegisterValues>({
    initialValues: valuesFromDelivery(detail),
    validate: (values) => {
      const errors = validateRegister(values, vnDate(new Date()));
      return Object.fromEntries(
        Object.entries(errors).map(([field, key]) => [
          field,
          t(`incomingRegister:register.errors.${key}`, { max: MAX_OF[field as keyof RegisterValues] }),
        ]),
      );
    },
  });
  const v = form.values;
  const [dupQuery] = useDebouncedValue(
    {
      codeNumber: v.codeNumber.trim() || undefined,
      codeNotation: v.codeNotation.trim() || undefined,
      issuingOrganName: v.organId ? undefined : v.organName.trim() || undefined,
      issuingOrganId: v.organId ?? undefined,
    },
    400,
  );
  const duplicates = useDuplicates(dupQuery);
  const secret = (confidentiality.data ?? []).some((c) => c.code === v.confidentialityCode && c.rank > 0);

  const submit = form.onSubmit((values) => {
    register.mutate(
      { ...toCreateBody(values), fileIds: [], deliveryId: detail.deliveryId },
      {
        onSuccess: (created) => {
          void qc.invalidateQueries({ queryKey: EXCHANGE_KEY });
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('exchange.registered', { number: arrivalLabel(created.document) }),
          });
          onDone();
        },
      },
    );
  });

  if (!options.data)
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  return (
    <form onSubmit={submit} noValidate data-testid="inbox-register-form">
      <Stack gap="sm">
        <RegisterFields
          form={form}
          organRef={organRef}
          subjectRef={subjectRef}
          maxFileMb={options.data.maxFileMb}
          allowedTypes={options.data.allowedTypes}
          duplicates={duplicates.data ?? []}
          onOpen={onOpenIncoming}
          secret={secret}
          onUploadingChange={() => undefined}
          leadersChosen={leadersChosen}
          onLeadersChosen={setLeadersChosen}
          filesSlot={
            <Stack gap={4} data-testid="inbox-files">
              <Text size="sm" fw={500}>
                {t('exchange.files', { count: detail.files.length })}
              </Text>
              <InboxFiles detail={detail} />
              <Text size="xs" c="dimmed">
                {t('exchange.filesHint')}
              </Text>
            </Stack>
          }
        />
        {register.error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(t, register.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={register.isPending}>
            {t('actions.cancelForm')}
          </Button>
          <Button
            type="submit"
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            loading={register.isPending}
            data-testid="inbox-register-save"
          >
            {t('exchange.registerSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Vào sổ" of a document another unit sent: the usual entry form of "Nhập văn bản đến", filled
 * from the sender's metadata (organ = the sending unit, type, number and notation, date, signer,
 * subject, pages, levels, due date); the files come with it and are shown, not uploaded.
 */
export function InboxRegisterModal(props: { deliveryId: string | null; onClose: () => void }) {
  const { t } = useTranslation(['outgoing', 'errors']);
  const isPhone = useIsPhone();
  const detail = useQuery({ ...inboxDetailQuery(props.deliveryId ?? ''), enabled: Boolean(props.deliveryId) });
  return (
    <Modal
      opened={props.deliveryId !== null}
      onClose={props.onClose}
      fullScreen={isPhone}
      size="min(960px, 95vw)"
      title={
        <div>
          <Text fw={700}>{t('exchange.registerTitle')}</Text>
          {detail.data && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {detail.data.senderUnit} · {detail.data.code}
            </Text>
          )}
        </div>
      }
      styles={{ title: { minWidth: 0, flex: 1 } }}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      data-testid="inbox-register-modal"
    >
      {detail.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {errorMessage(t, detail.error)}
        </Alert>
      ) : detail.data && detail.data.deliveryId === props.deliveryId ? (
        <RegisterForm
          key={detail.data.deliveryId}
          detail={detail.data}
          onDone={props.onClose}
          onCancel={props.onClose}
        />
      ) : (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
    </Modal>
  );
}
