import { Alert, Badge, Box, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconBan,
  IconCheck,
  IconInbox,
  IconPaperclip,
  IconReplace,
  IconTruckReturn,
} from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import { OUTGOING_LIMITS, type TInboxItem } from '../../../../contracts/outgoing';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { ConfirmModal } from '../../../components/confirm-modal';
import { urgencyBarColor } from '../../incoming/components/incoming-list-parts';
import { LevelBadges } from '../../incoming/components/levels';
import { formatDateTime } from '../../incoming/detail/detail-format';
import { useInbox, useInboxActions } from '../api';
import { DeliveryStatusBadge } from '../components/status';
import { InboxRegisterModal } from './inbox-register';

/** "Từ chối": the wrongly addressed document goes back to the sender with the reason. */
function RefuseModal(props: { item: TInboxItem | null; onClose: () => void }) {
  const { t } = useTranslation(['outgoing', 'errors']);
  const { refuse } = useInboxActions();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    refuse.reset();
    setReason('');
    setError(null);
    props.onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!props.item) return;
    if (!reason.trim()) return setError(t('errors.reason'));
    refuse.mutate(
      { deliveryId: props.item.deliveryId, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('exchange.refused') });
          close();
        },
      },
    );
  };
  return (
    <Modal
      opened={props.item !== null}
      onClose={close}
      title={t('exchange.refuseTitle')}
      data-testid="inbox-refuse-modal"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('exchange.refuseHint', { unit: props.item?.senderUnit ?? '' })}
          </Text>
          <Textarea
            label={t('exchange.refuseReason')}
            required
            autosize
            minRows={3}
            maxLength={OUTGOING_LIMITS.reason}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
            data-testid="inbox-refuse-reason"
          />
          {refuse.error ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {errorMessage(t, refuse.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={refuse.isPending}>
              {t('actions.cancelForm')}
            </Button>
            <Button type="submit" color="red" loading={refuse.isPending} data-testid="inbox-refuse-submit">
              {t('exchange.refuse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One document another unit sent: who, what, when, and what the clerk may do with it. */
function InboxCard(props: {
  item: TInboxItem;
  onRegister: () => void;
  onRefuse: () => void;
  onConfirmRecall: () => void;
  onOpenIncoming: (id: string) => void;
}) {
  const { item } = props;
  const { t } = useTranslation('outgoing');
  const bar = urgencyBarColor(item);
  const recall = item.recallState === 'requested';
  const waiting = item.status === 'arrived' && !item.recallState && !item.incomingId;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={{
        borderLeft: bar ? `4px solid ${bar}` : undefined,
        background: recall ? 'var(--mantine-color-orange-0)' : undefined,
      }}
      data-testid="inbox-item"
      data-delivery-id={item.deliveryId}
      data-status={item.status}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
              {item.senderUnit}
            </Text>
            <Text size="xs" c="dimmed">
              {[
                item.documentType,
                item.code,
                item.issuedDate && t('header.issued', { date: formatVnDate(item.issuedDate) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
          <Box style={{ flexShrink: 0 }}>
            <DeliveryStatusBadge status={item.status} />
          </Box>
        </Group>
        <Group gap={4}>
          <LevelBadges row={item} />
          {item.business === 'replace' && (
            <Badge size="sm" variant="light" color="grape" leftSection={<IconReplace size={12} />}>
              {t('exchange.replaces')}
            </Badge>
          )}
        </Group>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {item.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            item.signer && t('exchange.signer', { name: item.signer }),
            t('exchange.sentAt', { at: formatDateTime(item.sentAt) }),
          ]
            .filter(Boolean)
            .join(' · ')}
          {item.fileCount > 0 && (
            <Text span size="xs" c="dimmed">
              {' · '}
              <IconPaperclip size={12} style={{ verticalAlign: 'middle' }} aria-hidden />{' '}
              {t('exchange.fileCount', { count: item.fileCount })}
            </Text>
          )}
        </Text>
        {recall && (
          <Alert
            color="orange"
            variant="light"
            p="xs"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={t('exchange.recallTitle')}
            data-testid="inbox-recall"
          >
            <Text size="sm">{item.recallReason ?? t('exchange.recallNoReason')}</Text>
          </Alert>
        )}
        <Group gap="xs" justify="flex-end">
          {item.incomingId && (
            <Button size="xs" variant="subtle" onClick={() => props.onOpenIncoming(item.incomingId as string)}>
              {t('exchange.openIncoming')}
            </Button>
          )}
          {recall && (
            <Button
              size="xs"
              color="orange"
              leftSection={<IconTruckReturn size={14} />}
              onClick={props.onConfirmRecall}
              data-testid="inbox-confirm-recall"
            >
              {t('exchange.confirmRecall')}
            </Button>
          )}
          {waiting && (
            <>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconBan size={14} />}
                onClick={props.onRefuse}
                data-testid="inbox-refuse"
              >
                {t('exchange.refuse')}
              </Button>
              <Button
                size="xs"
                leftSection={<IconInbox size={14} />}
                onClick={props.onRegister}
                data-testid="inbox-register"
              >
                {t('exchange.register')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * "Văn bản điện tử đến": documents other units sent through the system, waiting for this clerk to
 * register them ("Vào sổ" opens the entry form filled from the sender's data) or refuse them, and
 * the sender's recall requests to confirm.
 */
export function ExchangeInbox() {
  const { t } = useTranslation(['outgoing', 'errors']);
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const inbox = useInbox(true);
  const { confirmRecall } = useInboxActions();
  const [registering, setRegistering] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<TInboxItem | null>(null);
  const [recalling, setRecalling] = useState<TInboxItem | null>(null);
  const items = inbox.data ?? [];
  const openIncoming = (id: string) =>
    void navigate({ to: '/app/$functionId', params: { functionId: 'incoming-view' }, search: { doc: id } });

  return (
    <Stack gap="sm" data-testid="exchange-inbox">
      <Text size="sm" c="dimmed">
        {t('exchange.description')}
      </Text>
      {inbox.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {errorMessage(t, inbox.error)}
        </Alert>
      )}
      {inbox.isPending ? (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="exchange-inbox-empty">
          <Stack align="center" gap={6} ta="center">
            <IconInbox size={36} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('exchange.empty')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Box
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-sm)',
            gridTemplateColumns: isPhone ? '1fr' : 'repeat(auto-fill, minmax(420px, 1fr))',
          }}
        >
          {items.map((item) => (
            <InboxCard
              key={item.deliveryId}
              item={item}
              onRegister={() => setRegistering(item.deliveryId)}
              onRefuse={() => setRefusing(item)}
              onConfirmRecall={() => setRecalling(item)}
              onOpenIncoming={openIncoming}
            />
          ))}
        </Box>
      )}
      <InboxRegisterModal deliveryId={registering} onClose={() => setRegistering(null)} />
      <RefuseModal item={refusing} onClose={() => setRefusing(null)} />
      <ConfirmModal
        opened={recalling !== null}
        title={t('exchange.confirmRecallTitle')}
        body={t('exchange.confirmRecallBody', { unit: recalling?.senderUnit ?? '', code: recalling?.code ?? '' })}
        confirmLabel={t('exchange.confirmRecall')}
        color="orange"
        loading={confirmRecall.isPending}
        onClose={() => setRecalling(null)}
        onConfirm={() =>
          recalling &&
          confirmRecall.mutate(recalling.deliveryId, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('exchange.recallConfirmed') });
              setRecalling(null);
            },
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
          })
        }
      />
    </Stack>
  );
}
