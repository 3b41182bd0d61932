import {
  ActionIcon,
  Box,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCloudUpload, IconEye, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type DragEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELEGATION_INVALID, ON_BEHALF_HEADER } from '../../contracts/account';
import type { TErrorBody } from '../../contracts/errors';
import type { TFileRef } from '../../contracts/files';
import { UPLOAD_FILE_TYPES } from '../../contracts/settings';
import { dropInvalidActingFor, getActingFor } from '../app/acting-for';
import { ApiError, apiFetch, NetworkError } from '../app/api';
import { errorMessage } from '../app/errors';
import { useIsPhone } from '../app/media';
import { FilePreviewModal, FileTypeIcon, fileUrl, useFileSize } from './file-preview';

/** The upload limits in force (GET /api/files/limits). */
export interface UploadLimits {
  maxFileMb: number;
  allowedTypes: string[];
}

/** Reads the upload limits once per session (they change rarely; the server checks anyway). */
export function useUploadLimits(enabled = true) {
  return useQuery({
    queryKey: ['files', 'limits'],
    queryFn: () => apiFetch<UploadLimits>('/api/files/limits'),
    staleTime: 10 * 60_000,
    enabled,
  });
}

const IMAGE_TYPES = new Set(['jpg', 'png', 'tif']);
const EXT_ALIASES: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg', tiff: 'tif' };

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return EXT_ALIASES[ext] ?? ext;
}

/** The `accept` attribute of the file input: each allowed type with its usual aliases. */
function acceptOf(types: readonly string[]): string {
  const aliases: Record<string, string[]> = { jpg: ['.jpg', '.jpeg'], tif: ['.tif', '.tiff'] };
  return types.flatMap((type) => aliases[type] ?? [`.${type}`]).join(',');
}

/** One file the user picked that has not (successfully) reached the server yet. */
interface Pending {
  key: string;
  name: string;
  size: number;
  type: string;
  percent: number;
  error: string | null;
  abort?: () => void;
}

/** Sends one file to POST /api/files with progress; resolves with its reference or rejects with ApiError/NetworkError. */
function sendFile(
  file: File,
  onProgress: (percent: number) => void,
): { promise: Promise<TFileRef>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<TFileRef>((resolve, reject) => {
    xhr.open('POST', '/api/files');
    xhr.setRequestHeader('Accept', 'application/json');
    const actingFor = getActingFor();
    if (actingFor) xhr.setRequestHeader(ON_BEHALF_HEADER, actingFor.userId);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new NetworkError('Network request failed'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: handled as an error without details below.
      }
      if (xhr.status === 201) return resolve(body as TFileRef);
      const error = new ApiError(xhr.status, (body as Partial<TErrorBody> | null)?.error ?? {});
      // The delegation ended while this tab worked under it: same handling as apiFetch.
      if (xhr.status === 403 && actingFor && error.details.reason === DELEGATION_INVALID) dropInvalidActingFor();
      reject(error);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

export interface FileDropProps {
  /** The uploaded files (in order); the form sends their ids when it saves. */
  value: TFileRef[];
  onChange: (files: TFileRef[]) => void;
  /** Limits for the hint and the checks before sending; read from the server when not given. */
  maxFileMb?: number;
  allowedTypes?: readonly string[];
  /** Accept several files (default) or only one. */
  multiple?: boolean;
  disabled?: boolean;
  /** Told when uploads start and finish, so that a form can wait before saving. */
  onBusyChange?: (busy: boolean) => void;
  /** Label above the drop area (defaults to "Tệp đính kèm"). */
  label?: ReactNode;
  'data-testid'?: string;
}

/**
 * Drag-and-drop (or click) upload area: each file goes to /api/files at once with a progress
 * bar; the list shows name, size, the server's error per file and a remove button. The
 * uploaded references come out through `onChange`; the record's form attaches them by id.
 */
export function FileDrop(props: FileDropProps) {
  const { value, onChange, multiple = true, disabled = false, onBusyChange } = props;
  const { t } = useTranslation('files');
  const isPhone = useIsPhone();
  const formatSize = useFileSize();
  const limitsQuery = useUploadLimits(props.maxFileMb === undefined || props.allowedTypes === undefined);
  const maxFileMb = props.maxFileMb ?? limitsQuery.data?.maxFileMb;
  const allowedTypes = props.allowedTypes ?? limitsQuery.data?.allowedTypes;
  const [pending, setPending] = useState<Pending[]>([]);
  const [dragging, setDragging] = useState(false);
  const [previewing, setPreviewing] = useState<TFileRef | null>(null);
  const dragDepth = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  // Several uploads may finish before the parent re-renders: always extend the latest list.
  const latest = useRef(value);
  latest.current = value;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const busy = pending.some((p) => p.error === null);
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  const patch = (key: string, next: Partial<Pending> | null) =>
    setPending((list) =>
      next === null ? list.filter((p) => p.key !== key) : list.map((p) => (p.key === key ? { ...p, ...next } : p)),
    );

  const start = (files: File[]) => {
    if (disabled || files.length === 0) return;
    const chosen = multiple ? files : files.slice(0, 1);
    if (!multiple) {
      for (const p of pending) p.abort?.();
      setPending([]);
      if (latest.current.length > 0) {
        latest.current = [];
        onChange([]);
      }
    }
    for (const file of chosen) {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const item: Pending = { key, name: file.name, size: file.size, type: file.type, percent: 0, error: null };
      // Checks before sending spare a long upload that the server would refuse anyway.
      const ext = extOf(file.name);
      if (allowedTypes && ext && !allowedTypes.includes(ext)) item.error = t('errors:FILE_TYPE_NOT_ALLOWED');
      else if (maxFileMb && file.size > maxFileMb * 1024 * 1024) item.error = t('errors:FILE_TOO_LARGE');
      if (item.error) {
        setPending((list) => [...list, item]);
        continue;
      }
      const upload = sendFile(file, (percent) => mounted.current && patch(key, { percent }));
      item.abort = upload.abort;
      setPending((list) => [...list, item]);
      upload.promise.then(
        (ref) => {
          if (!mounted.current) return;
          patch(key, null);
          const next = [...latest.current, ref];
          latest.current = next;
          onChange(next);
        },
        (error: unknown) => {
          if (!mounted.current) return;
          if (error instanceof DOMException && error.name === 'AbortError') return patch(key, null);
          patch(key, { error: errorMessage(t, error), abort: undefined });
        },
      );
    }
  };

  const removeDone = (id: string) => {
    const next = latest.current.filter((f) => f.id !== id);
    latest.current = next;
    onChange(next);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    start(Array.from(e.dataTransfer.files));
  };
  const onDragEnter = (e: DragEvent) => {
    if (disabled || !Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragLeave = () => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };

  const hint = maxFileMb && allowedTypes ? typesHint(allowedTypes, maxFileMb, t('drop.images'), t) : null;

  return (
    <Stack gap="xs" data-testid={props['data-testid'] ?? 'file-drop'}>
      <Text component="label" htmlFor={inputId} size="sm" fw={500}>
        {props.label ?? t('drop.label')}
      </Text>
      <UnstyledButton
        onClick={() => inputRef.current?.click()}
        onDragEnter={onDragEnter}
        onDragOver={(e) => {
          if (!disabled) e.preventDefault();
        }}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        disabled={disabled}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        data-testid="file-drop-zone"
        style={{
          display: 'block',
          width: '100%',
          borderRadius: 'var(--mantine-radius-md)',
          border: `1.5px dashed var(--mantine-color-${dragging ? 'blue-6' : 'gray-4'})`,
          background: dragging ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
          padding: isPhone ? '14px 12px' : '22px 16px',
          cursor: disabled ? 'not-allowed' : 'pointer',
          opacity: disabled ? 0.6 : 1,
          transition: 'background 120ms, border-color 120ms',
        }}
      >
        <Group gap="sm" justify="center" wrap="nowrap">
          <ThemeIcon size={isPhone ? 36 : 44} radius="xl" variant="light" color={dragging ? 'blue' : 'gray'}>
            <IconCloudUpload size={isPhone ? 20 : 24} aria-hidden />
          </ThemeIcon>
          <Box style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {dragging ? t('drop.active') : isPhone ? t('drop.titlePhone') : t('drop.title')}
            </Text>
            {hint && (
              <Text id={`${inputId}-hint`} size="xs" c="dimmed">
                {hint}
              </Text>
            )}
          </Box>
        </Group>
      </UnstyledButton>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        hidden
        multiple={multiple}
        accept={allowedTypes ? acceptOf(allowedTypes) : undefined}
        disabled={disabled}
        data-testid="file-drop-input"
        onChange={(e) => {
          start(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
        }}
      />
      {(value.length > 0 || pending.length > 0) && (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-live="polite">
          {value.map((file) => (
            <FileRow
              key={file.id}
              name={file.name}
              mime={file.mime}
              size={formatSize(file.size)}
              status={
                <Text size="xs" c="teal.8" component="span">
                  <IconCheck size={12} aria-hidden style={{ verticalAlign: -1 }} /> {t('drop.uploaded')}
                </Text>
              }
              onPreview={file.preview !== 'none' ? () => setPreviewing(file) : undefined}
              previewLabel={t('drop.preview', { name: file.name })}
              onRemove={disabled ? undefined : () => removeDone(file.id)}
              removeLabel={t('drop.remove', { name: file.name })}
            />
          ))}
          {pending.map((p) => (
            <FileRow
              key={p.key}
              name={p.name}
              mime={p.type}
              size={formatSize(p.size)}
              error={p.error}
              status={
                p.error === null && (
                  <Group gap={8} wrap="nowrap" align="center">
                    <Progress value={p.percent} size="sm" animated={p.percent >= 100} style={{ flex: 1 }} aria-hidden />
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('drop.uploading', { percent: p.percent })}
                    </Text>
                  </Group>
                )
              }
              onRemove={() => {
                p.abort?.();
                patch(p.key, null);
              }}
              removeLabel={t(p.error === null ? 'drop.cancel' : 'drop.remove', { name: p.name })}
            />
          ))}
        </Stack>
      )}
      <FilePreviewModal
        file={previewing}
        url={previewing ? fileUrl('/api/files', previewing) : ''}
        onClose={() => setPreviewing(null)}
      />
    </Stack>
  );
}

/** "PDF, DOCX, XLSX, DOC, XLS, ảnh; tối đa 20 MB": document types by name, image types as one word. */
function typesHint(
  allowed: readonly string[],
  maxFileMb: number,
  images: string,
  t: (key: string, opts: Record<string, unknown>) => string,
): string {
  const ordered = UPLOAD_FILE_TYPES.filter((type) => allowed.includes(type));
  const names = ordered.filter((type) => !IMAGE_TYPES.has(type)).map((type) => type.toUpperCase());
  if (ordered.some((type) => IMAGE_TYPES.has(type))) names.push(images);
  return t('drop.hint', { types: names.join(', '), mb: maxFileMb });
}

function FileRow(props: {
  name: string;
  mime: string;
  size: string;
  status?: ReactNode;
  error?: string | null;
  onPreview?: () => void;
  previewLabel?: string;
  onRemove?: () => void;
  removeLabel: string;
}) {
  const failed = Boolean(props.error);
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      px="sm"
      py={6}
      style={
        failed ? { borderColor: 'var(--mantine-color-red-4)', background: 'var(--mantine-color-red-0)' } : undefined
      }
      data-testid={failed ? 'file-drop-error' : 'file-drop-item'}
    >
      <Group gap="sm" wrap="nowrap" align="center">
        {failed ? (
          <IconAlertCircle size={20} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0 }} />
        ) : (
          <FileTypeIcon mime={props.mime} name={props.name} />
        )}
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={props.name}>
            {props.name}
          </Text>
          <Group gap={8} wrap="nowrap" align="center">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {props.size}
            </Text>
            {!failed && <Box style={{ flex: 1, minWidth: 0 }}>{props.status}</Box>}
          </Group>
          {failed && (
            <Text size="xs" c="red.8" role="alert">
              {props.error}
            </Text>
          )}
        </Box>
        {props.onPreview && (
          <Tooltip label={props.previewLabel}>
            <ActionIcon variant="subtle" color="gray" aria-label={props.previewLabel} onClick={props.onPreview}>
              <IconEye size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
        {props.onRemove && (
          <Tooltip label={props.removeLabel}>
            <ActionIcon variant="subtle" color="gray" aria-label={props.removeLabel} onClick={props.onRemove}>
              <IconX size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}
