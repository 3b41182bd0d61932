import { Button } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TIncomingDetail } from '../../../../contracts/incoming';
import { useIsOpenable } from '../../../app/functions';

/**
 * "Soạn văn bản trả lời" on an incoming document, for the people handling it (lead or
 * co-handler) who may draft: opens "Nhập văn bản đi" linked to it; issuing the reply closes the
 * drafter's part on the server.
 */
export function ReplyButton({
  doc,
  onOpened,
}: {
  doc: Pick<TIncomingDetail, 'id' | 'myRole' | 'status'>;
  /** Closes the drawer it sits in: a drawer of a hidden tab would stay over the draft form. */
  onOpened?: () => void;
}) {
  const { t } = useTranslation('outgoing');
  const navigate = useNavigate();
  const isOpenable = useIsOpenable();
  const handler = doc.myRole === 'lead' || doc.myRole === 'co';
  const open = doc.status !== 'cancelled' && doc.status !== 'returned';
  if (!handler || !open || !isOpenable('outgoing-register')) return null;
  return (
    <Button
      variant="light"
      size="sm"
      leftSection={<IconArrowBackUp size={16} aria-hidden />}
      onClick={() => {
        onOpened?.();
        void navigate({
          to: '/app/$functionId',
          params: { functionId: 'outgoing-register' },
          search: { replyTo: doc.id },
        });
      }}
      style={{ alignSelf: 'flex-start' }}
      data-testid="incoming-reply"
    >
      {t('draft.replyButton')}
    </Button>
  );
}
