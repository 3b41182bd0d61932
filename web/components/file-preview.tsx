import {
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Image,
  Modal,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { ActionIcon } from '@mantine/core';
import {
  IconDownload,
  IconExternalLink,
  IconEye,
  IconFile,
  IconFileSpreadsheet,
  IconFileTypeDoc,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconPhoto,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFileRef } from '../../contracts/files';
import { withActingFor } from '../app/acting-for';
import { currentLocale } from '../app/i18n';
import { useIsPhone } from '../app/media';

/**
 * Showing files the server serves. Every file has a URL base `<collection>/<fileId>` under which
 * `/content` is the file (inline for PDF and images, `?download=1` to download) and `/preview`
 * its HTML view (DOCX). Unattached uploads: `/api/files/<id>`; a module's attachments e.g.
 * `/api/incoming/<docId>/files/<fileId>`.
 */

/** URL base of one file of a collection (`/api/incoming/<id>/files` → `/api/incoming/<id>/files/<fileId>`). */
export function fileUrl(collection: string, file: Pick<TFileRef, 'id'>): string {
  return `${collection.replace(/\/$/, '')}/${file.id}`;
}

/** Where to fetch a file's bytes, its HTML preview, or a download. */
export function fileLinks(url: string) {
  return {
    content: withActingFor(`${url}/content`),
    preview: withActingFor(`${url}/preview`),
    download: withActingFor(`${url}/content`, { download: '1' }),
  };
}

/** A size in the reader's language: "850 B", "12,5 KB", "3,2 MB" (1 KB = 1024 B). */
export function useFileSize(): (bytes: number) => string {
  const { t } = useTranslation('files');
  const number = new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  return (bytes) => {
    if (bytes < 1024) return t('size.b', { n: number.format(bytes) });
    if (bytes < 1024 * 1024) return t('size.kb', { n: number.format(bytes / 1024) });
    return t('size.mb', { n: number.format(bytes / (1024 * 1024)) });
  };
}

/** An icon for a file from its MIME type (works before the server has answered, from a File too). */
export function FileTypeIcon({ mime, name = '', size = 20 }: { mime: string; name?: string; size?: number }) {
  const lower = name.toLowerCase();
  const props = { size, 'aria-hidden': true, stroke: 1.6, style: { flexShrink: 0 } } as const;
  if (mime === 'application/pdf' || lower.endsWith('.pdf'))
    return <IconFileTypePdf {...props} color="var(--mantine-color-red-7)" />;
  if (mime.includes('wordprocessingml') || lower.endsWith('.docx'))
    return <IconFileTypeDocx {...props} color="var(--mantine-color-blue-7)" />;
  if (mime === 'application/msword' || lower.endsWith('.doc'))
    return <IconFileTypeDoc {...props} color="var(--mantine-color-blue-7)" />;
  if (mime.includes('spreadsheet') || mime === 'application/vnd.ms-excel' || /\.xlsx?$/.test(lower))
    return <IconFileSpreadsheet {...props} color="var(--mantine-color-green-8)" />;
  if (mime.startsWith('image/') || /\.(jpe?g|png|tiff?)$/.test(lower))
    return <IconPhoto {...props} color="var(--mantine-color-grape-7)" />;
  return <IconFile {...props} color="var(--mantine-color-gray-7)" />;
}

/**
 * The file itself, as the browser can show it: a PDF in a frame, an image, a DOCX as its
 * sandboxed HTML view; other types get a download button. `url` is the file's URL base.
 */
export function FilePreview({ file, url, height = '75vh' }: { file: TFileRef; url: string; height?: number | string }) {
  const { t } = useTranslation('files');
  const links = fileLinks(url);
  const frame = { width: '100%', height, minHeight: 320, border: 0, display: 'block', background: '#fff' } as const;
  if (file.preview === 'pdf') {
    return <iframe src={links.content} title={t('preview.frameTitle', { name: file.name })} style={frame} />;
  }
  if (file.preview === 'html') {
    // An empty sandbox: the page may not run scripts, submit forms or navigate anything.
    return <iframe src={links.preview} sandbox="" title={t('preview.frameTitle', { name: file.name })} style={frame} />;
  }
  if (file.preview === 'image') {
    return (
      <Center bg="gray.1" p="xs" style={{ minHeight: 200 }}>
        <Image src={links.content} alt={file.name} fit="contain" mah={height} w="auto" maw="100%" />
      </Center>
    );
  }
  return (
    <Paper withBorder radius="md" p="xl" bg="gray.0">
      <Stack align="center" gap="sm">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <FileTypeIcon mime={file.mime} name={file.name} size={30} />
        </ThemeIcon>
        <Text fw={500} ta="center" style={{ overflowWrap: 'anywhere' }}>
          {file.name}
        </Text>
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          {t('preview.none')}
        </Text>
        <Button component="a" href={links.download} leftSection={<IconDownload size={16} aria-hidden />}>
          {t('preview.download')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** A modal with a file's preview, its name and size, "open in a new tab" and "download". Full screen on a phone. */
export function FilePreviewModal({ file, url, onClose }: { file: TFileRef | null; url: string; onClose: () => void }) {
  const { t } = useTranslation('files');
  const isPhone = useIsPhone();
  const formatSize = useFileSize();
  const links = file ? fileLinks(url) : null;
  return (
    <Modal
      opened={file !== null}
      onClose={onClose}
      size="min(1100px, 95vw)"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('preview.close') }}
      title={
        file && (
          <Group gap="xs" wrap="nowrap">
            <FileTypeIcon mime={file.mime} name={file.name} />
            <Text fw={600} lineClamp={isPhone ? 2 : 1} style={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Text>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatSize(file.size)}
            </Text>
          </Group>
        )
      }
      styles={{ title: { minWidth: 0, flex: 1 } }}
      data-testid="file-preview-modal"
    >
      {file && links && (
        <Stack gap="sm">
          <Group gap="xs" justify="flex-end">
            {file.preview !== 'none' && (
              <Button
                component="a"
                href={file.preview === 'html' ? links.preview : links.content}
                target="_blank"
                rel="noopener"
                variant="default"
                size="xs"
                leftSection={<IconExternalLink size={14} aria-hidden />}
              >
                {t('preview.open')}
              </Button>
            )}
            <Button
              component="a"
              href={links.download}
              variant="light"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              {t('preview.download')}
            </Button>
          </Group>
          <Box style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}>
            <FilePreview file={file} url={url} height={isPhone ? 'calc(100dvh - 150px)' : '75vh'} />
          </Box>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * A compact list of attachments: type icon, name (opens the file), size, preview and download.
 * `collection` is the URL of the record's files (`/api/incoming/<id>/files`).
 */
export function AttachmentList({ files, collection }: { files: TFileRef[]; collection: string }) {
  const { t } = useTranslation('files');
  const formatSize = useFileSize();
  const [previewing, setPreviewing] = useState<TFileRef | null>(null);
  if (files.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="attachment-list-empty">
        {t('list.empty')}
      </Text>
    );
  }
  return (
    <>
      <Stack gap={4} component="ul" aria-label={t('list.label')} p={0} m={0} style={{ listStyle: 'none' }}>
        {files.map((file) => {
          const links = fileLinks(fileUrl(collection, file));
          const canPreview = file.preview !== 'none';
          return (
            <Paper key={file.id} component="li" withBorder radius="sm" px="sm" py={6} data-testid="attachment-item">
              <Group gap="sm" wrap="nowrap">
                <FileTypeIcon mime={file.mime} name={file.name} />
                <Box style={{ flex: 1, minWidth: 0 }}>
                  <Anchor
                    href={canPreview ? links.content : links.download}
                    onClick={(e) => {
                      if (!canPreview || e.ctrlKey || e.metaKey || e.shiftKey) return;
                      e.preventDefault();
                      setPreviewing(file);
                    }}
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
                <Group gap={2} wrap="nowrap">
                  {canPreview && (
                    <Tooltip label={t('list.preview')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('list.previewFile', { name: file.name })}
                        onClick={() => setPreviewing(file)}
                      >
                        <IconEye size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  <Tooltip label={t('preview.download')}>
                    <ActionIcon
                      component="a"
                      href={links.download}
                      variant="subtle"
                      color="gray"
                      aria-label={t('list.downloadFile', { name: file.name })}
                    >
                      <IconDownload size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <FilePreviewModal
        file={previewing}
        url={previewing ? fileUrl(collection, previewing) : ''}
        onClose={() => setPreviewing(null)}
      />
    </>
  );
}
