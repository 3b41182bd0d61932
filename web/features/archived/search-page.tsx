import {
  Button,
  Collapse,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAdjustmentsHorizontal, IconPinFilled, IconSearch, IconStar, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TArchivedSearch } from '../../../contracts/archived';
import { isDateOrEmpty } from '../../../contracts/calendar';
import { useMe } from '../../app/auth';
import { useIsPhone } from '../../app/media';
import { DateInput } from '../../components/date-input';
import { PageHeader } from '../../components/page-header';
import { documentTypesQuery, levelsQuery } from '../incoming/components/catalog-queries';
import { useDocParam } from '../links/use-doc-param';
import { archivedSearchQuery, frequentQuery } from './api';
import { ArchivedList } from './archived-list';
import { ArchivedDrawer } from './archived-view';

interface Filters {
  q: string;
  code: string;
  organ: string;
  documentTypeId: string | null;
  fieldId: string | null;
  from: string;
  to: string;
}

const EMPTY: Filters = { q: '', code: '', organ: '', documentTypeId: null, fieldId: null, from: '', to: '' };

function toQuery(f: Filters): TArchivedSearch {
  return {
    q: f.q.trim() || undefined,
    code: f.code.trim() || undefined,
    organ: f.organ.trim() || undefined,
    documentTypeId: f.documentTypeId ?? undefined,
    fieldId: f.fieldId ?? undefined,
    from: f.from && isDateOrEmpty(f.from) ? f.from : undefined,
    to: f.to && isDateOrEmpty(f.to) ? f.to : undefined,
  };
}

function SearchTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation('archived');
  const me = useMe();
  const isPhone = useIsPhone();
  const types = useQuery(documentTypesQuery);
  const fields = useQuery(levelsQuery('field'));
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<TArchivedSearch>({});
  const [page, setPage] = useState(1);
  const [more, setMore] = useState(false);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  const list = useQuery(archivedSearchQuery({ ...applied, page, pageSize }));
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setApplied(toQuery(draft));
    setPage(1);
  };
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={isPhone ? 'sm' : 'md'} component="form" onSubmit={submit}>
        <Stack gap="sm">
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('search.q')}
              placeholder={t('search.qPlaceholder')}
              value={draft.q}
              onChange={(e) => set('q', e.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              style={{ flex: 1 }}
              enterKeyHint="search"
              data-testid="archived-search-q"
            />
            <Button
              variant={more ? 'light' : 'default'}
              px="xs"
              onClick={() => setMore((m) => !m)}
              aria-label={t('search.filters')}
              aria-expanded={more}
              title={t('search.filters')}
            >
              <IconAdjustmentsHorizontal size={18} aria-hidden />
            </Button>
          </Group>
          <Collapse expanded={more} transitionDuration={150}>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('search.code')}
                  value={draft.code}
                  onChange={(e) => set('code', e.currentTarget.value)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('search.organ')}
                  value={draft.organ}
                  onChange={(e) => set('organ', e.currentTarget.value)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <Select
                  label={t('field.documentType')}
                  placeholder={t('search.anyType')}
                  data={(types.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  value={draft.documentTypeId}
                  onChange={(v) => set('documentTypeId', v)}
                  clearable
                  searchable
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <Select
                  label={t('field.field')}
                  placeholder={t('search.anyField')}
                  data={(fields.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
                  value={draft.fieldId}
                  onChange={(v) => set('fieldId', v)}
                  clearable
                  searchable
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 4 }}>
                <DateInput label={t('search.from')} value={draft.from} onChange={(v) => set('from', v)} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 4 }}>
                <DateInput label={t('search.to')} value={draft.to} onChange={(v) => set('to', v)} />
              </Grid.Col>
            </Grid>
          </Collapse>
          <Group gap="xs">
            <Button
              type="submit"
              leftSection={<IconSearch size={16} aria-hidden />}
              data-testid="archived-search-submit"
            >
              {t('search.submit')}
            </Button>
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => {
                setDraft(EMPTY);
                setApplied({});
                setPage(1);
              }}
            >
              {t('search.reset')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ArchivedList
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={onOpen}
        loading={list.isPending || list.isPlaceholderData}
        emptyText={t('search.empty')}
        data-testid="archived-results"
      />
    </Stack>
  );
}

function FrequentTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation('archived');
  const frequent = useQuery(frequentQuery);
  const data = frequent.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="xs">
        <Group gap={6}>
          <IconPinFilled size={16} color="var(--mantine-color-orange-6)" aria-hidden />
          <Title order={3} fz="md">
            {t('frequent.pinned')}
          </Title>
        </Group>
        <ArchivedList
          rows={data?.pinned ?? []}
          onOpen={onOpen}
          loading={frequent.isPending}
          emptyText={t('frequent.pinnedEmpty')}
          cards
          data-testid="archived-pinned"
        />
      </Stack>
      <Stack gap="xs">
        <Group gap={6}>
          <IconStar size={16} color="var(--mantine-color-yellow-7)" aria-hidden />
          <Title order={3} fz="md">
            {t('frequent.mostOpened')}
          </Title>
        </Group>
        <ArchivedList
          rows={data?.mostOpened ?? []}
          onOpen={onOpen}
          loading={frequent.isPending}
          emptyText={t('frequent.mostOpenedEmpty')}
          cards
          extra={(row) => (
            <Text size="xs" c="dimmed" mt={2}>
              {t('frequent.opened', { count: row.openCount })}
            </Text>
          )}
          data-testid="archived-most-opened"
        />
      </Stack>
    </SimpleGrid>
  );
}

/**
 * Tìm văn bản lưu (Điều 3.1d, 4.1): search without diacritics with filters, and "Hay dùng" —
 * the documents the user pinned and those they open most. Made for a phone first.
 */
export default function ArchivedSearchPage() {
  const { t } = useTranslation(['archived', 'functions']);
  const isPhone = useIsPhone();
  const [tab, setTab] = useState<'search' | 'frequent'>('search');
  const [open, setOpen] = useState<string | null>(null);
  useDocParam('archived-search', setOpen);
  return (
    <div data-testid="page-archived-search">
      <PageHeader title={t('functions:archived-search')} description={t('search.description')} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as 'search' | 'frequent')} keepMounted={false}>
        <Tabs.List mb="sm" grow={isPhone}>
          <Tabs.Tab value="search" data-testid="archived-tab-search">
            <Group gap={6} wrap="nowrap" justify="center">
              <IconSearch size={14} aria-hidden />
              {t('search.tabs.search')}
            </Group>
          </Tabs.Tab>
          <Tabs.Tab value="frequent" data-testid="archived-tab-frequent">
            <Group gap={6} wrap="nowrap" justify="center">
              <IconPinFilled size={14} aria-hidden />
              {t('search.tabs.frequent')}
            </Group>
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="search">
          <SearchTab onOpen={setOpen} />
        </Tabs.Panel>
        <Tabs.Panel value="frequent">
          <FrequentTab onOpen={setOpen} />
        </Tabs.Panel>
      </Tabs>
      <ArchivedDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
