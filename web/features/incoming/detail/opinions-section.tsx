import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconHelp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TOpinion, TOpinionAsk } from '../../../../contracts/incoming';
import { AttachmentList } from '../../../components/file-preview';
import { incomingUrls } from '../api';
import { formatDateTime } from './detail-format';

/** Opinions given on the document, each with its files and the question it answers. */
export function OpinionsList({ docId, opinions }: { docId: string; opinions: TOpinion[] }) {
  const { t } = useTranslation('incomingDetail');
  if (opinions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('opinions.empty')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="doc-opinions">
      {opinions.map((o) => (
        <Paper key={o.id} withBorder radius="md" p="sm" data-testid="opinion-item">
          <Group justify="space-between" gap="xs" mb={4}>
            <Text size="sm" fw={700}>
              {o.author}
              {o.onBehalfOf && (
                <Text span c="dimmed" fw={400} inherit>
                  {' '}
                  {t('trail.onBehalf', { name: o.onBehalfOf })}
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(o.createdAt)}
            </Text>
          </Group>
          {o.question && (
            <Text size="xs" c="dimmed" mb={4} style={{ overflowWrap: 'anywhere' }}>
              {t('opinions.answers', { question: o.question })}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {o.body}
          </Text>
          {o.files.length > 0 && (
            <Stack mt="xs">
              <AttachmentList files={o.files} collection={incomingUrls.fileBase(docId)} />
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

/** Opinion requests (phiếu xin ý kiến): who asked whom what, and whether it was answered. */
export function OpinionAsks({ asks }: { asks: TOpinionAsk[] }) {
  const { t } = useTranslation('incomingDetail');
  if (asks.length === 0) return null;
  return (
    <Stack gap={6} data-testid="doc-opinion-asks">
      {asks.map((ask) => (
        <Paper key={ask.id} radius="md" p="xs" bg={ask.answeredAt ? 'gray.0' : 'yellow.0'} data-testid="opinion-ask">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconHelp size={16} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
            <Stack gap={2} miw={0} style={{ flex: 1 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('opinions.asked', { from: ask.askedBy, to: ask.person.fullName })}
              </Text>
              <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {ask.question}
              </Text>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {formatDateTime(ask.createdAt)}
                </Text>
                {ask.answeredAt ? (
                  <Badge size="xs" color="green" variant="light">
                    {t('opinions.answeredAt', { at: formatDateTime(ask.answeredAt) })}
                  </Badge>
                ) : (
                  <Badge size="xs" color="yellow" variant="light">
                    {t('opinions.open')}
                  </Badge>
                )}
              </Group>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
