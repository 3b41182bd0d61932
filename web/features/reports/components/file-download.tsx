import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api';

/** Where a download is: the server making the file (time-estimated), then its bytes arriving (measured). */
export interface DownloadState {
  phase: 'idle' | 'making' | 'downloading';
  /** 0–100. */
  percent: number;
}

const IDLE: DownloadState = { phase: 'idle', percent: 0 };

type Timer = ReturnType<typeof setInterval>;

function stopTimer(timer: RefObject<Timer | null>): void {
  if (timer.current) clearInterval(timer.current);
  timer.current = null;
}
/** The share of the bar for making the file; the download fills the rest. */
const MAKING_SHARE = 90;

/**
 * Downloads a file made on request with a progress bar: while the server makes it the bar moves
 * on the server's own estimate (never quite reaching the end), then follows the bytes received.
 */
export function useFileDownload() {
  const [state, setState] = useState<DownloadState>(IDLE);
  const abort = useRef<AbortController | null>(null);
  const timer = useRef<Timer | null>(null);
  useEffect(
    () => () => {
      stopTimer(timer);
      abort.current?.abort();
    },
    [],
  );

  const start = useCallback(async (url: string, estimatedSeconds: number): Promise<string> => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    const began = Date.now();
    setState({ phase: 'making', percent: 0 });
    stopTimer(timer);
    timer.current = setInterval(() => {
      const elapsed = (Date.now() - began) / 1000;
      const percent = MAKING_SHARE * (1 - Math.exp((-1.6 * elapsed) / Math.max(0.5, estimatedSeconds)));
      setState((s) => (s.phase === 'making' ? { phase: 'making', percent } : s));
    }, 150);
    try {
      return await downloadFile(url, {
        signal: ctrl.signal,
        onStarted: () => {
          stopTimer(timer);
          setState({ phase: 'downloading', percent: MAKING_SHARE });
        },
        onProgress: (f) => setState({ phase: 'downloading', percent: MAKING_SHARE + (100 - MAKING_SHARE) * f }),
      });
    } finally {
      stopTimer(timer);
      abort.current = null;
      setState(IDLE);
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, start, cancel, busy: state.phase !== 'idle' };
}

/** The progress bar of a download, with what is happening and a way to stop waiting. */
export function DownloadProgress({
  state,
  makingLabel,
  onCancel,
}: {
  state: DownloadState;
  makingLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation('reports');
  if (state.phase === 'idle') return null;
  const percent = Math.round(state.percent);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="download-progress" aria-live="polite">
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
        <Text size="sm">{state.phase === 'making' ? makingLabel : t('registers.downloading')}</Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {percent}%
          </Text>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onCancel}>
            {t('registers.cancel')}
          </Button>
        </Group>
      </Group>
      <Progress value={percent} animated striped size="lg" aria-label={makingLabel} />
    </Paper>
  );
}
