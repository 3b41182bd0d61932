import { Alert, Button, Divider, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { errorMessage } from '../app/errors';
import { useIsPhone } from '../app/media';

/**
 * Pieces every document (or task) view shares: the drawer it opens in from a list, its titled
 * sections, the skeleton while it loads and the alert when it cannot be read.
 */

/** A titled block of a document view. */
export function DetailSection({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
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

/** The skeleton of a document view while it loads. */
export function DetailLoading({ testId }: { testId?: string }) {
  return (
    <Stack gap="sm" data-testid={testId}>
      <Skeleton h={24} w="40%" />
      <Skeleton h={28} />
      <Skeleton h={16} w="70%" />
      <Skeleton h={120} mt="md" />
      <Skeleton h={200} />
    </Stack>
  );
}

/**
 * A document that cannot be read: "not found" for a 404, else the error's message, with "Đóng"
 * when it is in a drawer and, given `onRetry`, "Thử lại" for an error that may pass.
 */
export function DetailError({
  error,
  notFound,
  onRetry,
  onClose,
  testId,
}: {
  error: unknown;
  /** Text for a 404 (the document is gone or not visible). */
  notFound: string;
  onRetry?: () => void;
  onClose?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation(['errors', 'common']);
  const missing = error instanceof ApiError && error.status === 404;
  const close = onClose && (
    <Button size="xs" variant="default" onClick={onClose}>
      {t('common:actions.close')}
    </Button>
  );
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid={testId}>
      <Stack gap="xs">
        <Text size="sm">{missing ? notFound : errorMessage(t, error)}</Text>
        {onRetry ? (
          <Group gap="xs">
            {!missing && (
              <Button size="xs" variant="light" onClick={onRetry}>
                {t('common:actions.retry')}
              </Button>
            )}
            {close}
          </Group>
        ) : (
          close && <Group>{close}</Group>
        )}
      </Stack>
    </Alert>
  );
}

interface DrawerProps {
  /** The document shown; null keeps the drawer closed (the last one stays while it slides out). */
  id: string | null;
  onClose: () => void;
  /** The small grey title at the top ("Văn bản đến"). */
  title: string;
  /** aria-label of the close button. */
  closeLabel: string;
  /** About 60 % of a wide screen (a document with a flow) instead of 55 %. */
  wide?: boolean;
  /** Escape inside a field that stops it (an open dropdown) does not close the drawer. */
  respectStopPropagation?: boolean;
  'data-testid': string;
  children: (id: string) => ReactNode;
}

/**
 * A document opened from a list, in a drawer from the right (the whole screen of a phone).
 * Mantine closes every open drawer and modal on one Escape; a form or a file preview opened from
 * the document must close alone, so the drawer closes on Escape only when nothing is above it.
 */
export function DetailDrawer({
  id,
  onClose,
  title,
  closeLabel,
  wide,
  respectStopPropagation,
  children,
  ...rest
}: DrawerProps) {
  const isPhone = useIsPhone();
  const last = useRef<string | null>(id);
  if (id) last.current = id;
  const shown = id ?? last.current;
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    if (!id) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing) return;
      if (
        respectStopPropagation &&
        (e.target as HTMLElement | null)?.getAttribute?.('data-mantine-stop-propagation') === 'true'
      )
        return;
      if (document.querySelector('.mantine-Modal-content')) return;
      closeRef.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [id, respectStopPropagation]);
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      closeOnEscape={false}
      size={isPhone ? '100%' : wide ? 'clamp(640px, 60%, 1100px)' : 'clamp(600px, 55%, 1000px)'}
      padding={isPhone ? 'sm' : 'lg'}
      title={
        <Text fw={700} size="sm" c="dimmed">
          {title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': closeLabel, size: 'lg' }}
      data-testid={rest['data-testid']}
    >
      {shown && children(shown)}
    </Drawer>
  );
}
