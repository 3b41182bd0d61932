import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDeliveryStatus, TOutgoingStatus } from '../../../../contracts/outgoing';

const STATUS_COLORS: Record<TOutgoingStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  returned: 'orange',
  signed: 'teal',
  issued: 'green',
  recalled: 'red',
  cancelled: 'dark',
};

/** The document's status in words (Dự thảo, Đang trình duyệt, Đã phát hành …). */
export function OutgoingStatusBadge({ status, size = 'sm' }: { status: TOutgoingStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('outgoing');
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} miw="max-content" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Colour of each receipt status: the further the recipient got, the greener. */
export const DELIVERY_COLORS: Record<TDeliveryStatus, string> = {
  pending: 'gray',
  arrived: 'blue',
  refused: 'red',
  registered: 'teal',
  assigned: 'cyan',
  in_progress: 'yellow',
  done: 'green',
  recalled: 'dark',
};

/**
 * A recipient's receipt status (hồi báo) as a coloured badge: Chưa gửi, Đã đến, Đã vào sổ … An
 * outside organ reports nothing back: once sent (email, edXML) it shows "Đã gửi".
 */
export function DeliveryStatusBadge({ status, sentAt }: { status: TDeliveryStatus; sentAt?: string | null }) {
  const { t } = useTranslation('outgoing');
  const sentOutside = status === 'pending' && Boolean(sentAt);
  return (
    <Badge
      color={DELIVERY_COLORS[status]}
      variant={status === 'done' || status === 'refused' ? 'filled' : 'light'}
      size="sm"
      miw="max-content"
      data-testid="delivery-status"
      data-status={sentOutside ? 'sent' : status}
    >
      {sentOutside ? t('delivery.sent') : t(`delivery.status.${status}`)}
    </Badge>
  );
}
