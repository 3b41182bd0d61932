import { Button, Group, Loader, Paper, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBackUp, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type TDocumentKind, type TDocumentSummary } from '../../../contracts/links';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import { useLinkSearch } from './api';
import { documentLine } from './link-format';
import { LinkedDocuments } from './linked-documents';

/**
 * Tạo liên kết văn bản (Điều 3.1e): find any document the user may see, then see the tree of
 * its linked documents and add links from it. The same section shows in every document view.
 */
export default function LinksPage() {
  const { t } = useTranslation(['links', 'functions']);
  const isPhone = useIsPhone();
  const [kind, setKind] = useState<TDocumentKind>('incoming');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [chosen, setChosen] = useState<TDocumentSummary | null>(null);
  const search = useLinkSearch(kind, q, chosen === null);
  const results = search.data ?? [];

  return (
    <div data-testid="page-document-links">
      <PageHeader title={t('functions:document-links')} description={t('page.description')} />
      {chosen ? (
        <Stack gap="md">
          <Paper withBorder radius="md" p={isPhone ? 'sm' : 'md'} data-testid="links-chosen">
            <Group justify="space-between" align="flex-start" gap="sm" wrap={isPhone ? 'wrap' : 'nowrap'}>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {t('page.chosen')} · {documentLine(t, chosen)}
                </Text>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {chosen.title}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowBackUp size={14} aria-hidden />}
                onClick={() => setChosen(null)}
                style={{ flexShrink: 0 }}
              >
                {t('page.change')}
              </Button>
            </Group>
          </Paper>
          <LinkedDocuments kind={chosen.kind} id={chosen.id} />
        </Stack>
      ) : (
        <Paper withBorder radius="md" p={isPhone ? 'sm' : 'md'}>
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap={isPhone ? 'wrap' : 'nowrap'}>
              <Select
                label={t('modal.kind')}
                data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                value={kind}
                onChange={(v) => v && setKind(v as TDocumentKind)}
                allowDeselect={false}
                w={isPhone ? '100%' : 220}
                data-testid="links-page-kind"
              />
              <TextInput
                label={t('page.pick')}
                placeholder={t('modal.searchPlaceholder')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                leftSection={<IconSearch size={16} aria-hidden />}
                rightSection={search.isFetching ? <Loader size={14} /> : undefined}
                style={{ flex: 1 }}
                w={isPhone ? '100%' : undefined}
                data-testid="links-page-search"
              />
            </Group>
            {results.length === 0 && !search.isFetching ? (
              <Text size="sm" c="dimmed">
                {q ? t('modal.nothing') : t('page.hint')}
              </Text>
            ) : (
              <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {results.map((d) => (
                  <Paper key={d.id} component="li" withBorder radius="sm">
                    <UnstyledButton
                      onClick={() => setChosen(d)}
                      w="100%"
                      px="sm"
                      py={8}
                      data-testid="links-page-result"
                    >
                      <Text size="sm" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                        {d.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {documentLine(t, d)}
                      </Text>
                    </UnstyledButton>
                  </Paper>
                ))}
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
    </div>
  );
}
