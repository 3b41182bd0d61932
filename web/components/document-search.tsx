import {
  Alert,
  Badge,
  Button,
  Collapse,
  Divider,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAdjustmentsHorizontal, IconAlertCircle, IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../app/errors';
import { useIsPhone } from '../app/media';
import { listNumberFormat } from './document-list';
import { PageHeader } from './page-header';

/**
 * The page layout of a document search (incoming, outgoing): the subject box with "Lọc nâng
 * cao" folding the filters, the total, the sort menu, the page size and the XLSX export above the
 * results. Each search keeps its own state, filters and list; the texts come from its i18n keys.
 */

const sameValues = <T extends Record<string, string>>(a: T, b: T) =>
  (Object.keys(a) as (keyof T)[]).every((k) => a[k] === b[k]);

/**
 * The typed fields of a search (subject, code, year, number) wait for 300 ms of quiet before they
 * search; `flush` (Enter) searches at once. `onSettle` runs when they take effect (back to page 1).
 */
export function useSettledTyping<T extends Record<string, string>>(live: T, onSettle: () => void) {
  const [settled, setSettled] = useState<T>(live);
  const settle = useRef(onSettle);
  settle.current = onSettle;
  const liveKey = JSON.stringify(live);
  useEffect(() => {
    const next = JSON.parse(liveKey) as T;
    if (sameValues(next, settled)) return;
    const timer = setTimeout(() => {
      setSettled(next);
      settle.current();
    }, 300);
    return () => clearTimeout(timer);
  }, [liveKey, settled]);
  const flush = () => {
    if (sameValues(live, settled)) return;
    setSettled(live);
    onSettle();
  };
  return { settled, setSettled, flush };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Props {
  /** Test ids and element ids start with it: `page-${kind}-search`, `${kind}-search-q`, … */
  kind: string;
  title: string;
  /** The caller's t and the prefix of its search keys (q, qPlaceholder, advanced, sort.<key>, …). */
  t: Translate;
  keyPrefix: string;
  text: string;
  onText: (text: string) => void;
  /** Enter in the subject box searches at once. */
  onSubmit: () => void;
  fetching: boolean;
  activeFilters: number;
  filters: ReactNode;
  /** What the server found; undefined while the first answer is awaited. */
  found: { total: number; totalCapped?: boolean } | undefined;
  error: unknown;
  sortKeys: string[];
  sortKey: string;
  onSortKey: (key: string) => void;
  pageSizes: readonly number[];
  pageSize: number;
  onPageSize: (size: number) => void;
  exportHref: string;
  children: ReactNode;
}

export function DocumentSearchLayout(props: Props) {
  const { kind, t, keyPrefix: k, found } = props;
  const isPhone = useIsPhone();
  // Open on a desktop, folded on a phone where the results matter more than the form.
  const [showFilters, setShowFilters] = useState(!isPhone);
  const number = listNumberFormat();

  const total = (
    <Text fw={600} size="sm" aria-live="polite" data-testid={`${kind}-search-total`}>
      {!found
        ? t(`${k}searching`)
        : found.totalCapped
          ? t(`${k}foundCapped`, { n: number.format(found.total) })
          : t(`${k}found`, { count: found.total, n: number.format(found.total) })}
    </Text>
  );
  const sortSelect = (
    <Select
      aria-label={t(`${k}sortLabel`)}
      allowDeselect={false}
      data={props.sortKeys.map((s) => ({ value: s, label: t(`${k}sort.${s}`) }))}
      value={props.sortKey}
      onChange={(v) => {
        if (v && props.sortKeys.includes(v)) props.onSortKey(v);
      }}
      size="xs"
      w={isPhone ? undefined : 230}
      style={isPhone ? { flex: 1, minWidth: 0 } : undefined}
      comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-end' }}
      data-testid={`${kind}-search-sort`}
    />
  );
  const pageSizeSelect = (
    <Select
      aria-label={t(`${k}pageSize`)}
      allowDeselect={false}
      data={props.pageSizes.map((n) => ({ value: String(n), label: t(`${k}perPage`, { n }) }))}
      value={String(props.pageSize)}
      onChange={(v) => props.onPageSize(Number(v) || props.pageSizes[0])}
      size="xs"
      w={116}
      style={{ flexShrink: 0 }}
      comboboxProps={{ withinPortal: true }}
      data-testid={`${kind}-page-size`}
    />
  );
  const exportButton = (
    <Button
      component="a"
      href={props.exportHref}
      download
      size="xs"
      variant="light"
      color="green"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      title={t(`${k}exportHint`)}
      disabled={!found || found.total === 0}
      style={{ flexShrink: 0 }}
      data-testid={`${kind}-export`}
    >
      {t(`${k}export`)}
    </Button>
  );

  return (
    <div data-testid={`page-${kind}-search`}>
      <PageHeader title={props.title} description={isPhone ? undefined : t(`${k}description`)} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label={t(`${k}q`)}
            placeholder={t(`${k}qPlaceholder`)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={props.fetching ? <Loader size={14} /> : null}
            value={props.text}
            onChange={(e) => props.onText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                props.onSubmit();
              }
            }}
            type="search"
            enterKeyHint="search"
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
            data-testid={`${kind}-search-q`}
          />
          <Button
            variant={showFilters ? 'light' : 'default'}
            onClick={() => setShowFilters((v) => !v)}
            aria-expanded={showFilters}
            aria-controls={`${kind}-search-filters`}
            aria-label={isPhone ? (showFilters ? t(`${k}advancedHide`) : t(`${k}advanced`)) : undefined}
            title={showFilters ? t(`${k}advancedHide`) : t(`${k}advanced`)}
            px={isPhone ? 'sm' : undefined}
            leftSection={isPhone ? undefined : <IconAdjustmentsHorizontal size={18} aria-hidden />}
            style={{ flexShrink: 0 }}
            data-testid={`${kind}-filter-toggle`}
          >
            {isPhone ? (
              <IconAdjustmentsHorizontal size={18} aria-hidden />
            ) : showFilters ? (
              t(`${k}advancedHide`)
            ) : (
              t(`${k}advanced`)
            )}
            {props.activeFilters > 0 && (
              <Badge size="sm" circle ml={6}>
                {props.activeFilters}
              </Badge>
            )}
          </Button>
        </Group>
        <Collapse expanded={showFilters} id={`${kind}-search-filters`}>
          <Divider my="sm" label={t(`${k}advanced`)} labelPosition="left" />
          {props.filters}
        </Collapse>
      </Paper>

      {isPhone ? (
        <Stack gap={6} mb="xs">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            {total}
            {exportButton}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {sortSelect}
            {pageSizeSelect}
          </Group>
        </Stack>
      ) : (
        <Group justify="space-between" align="center" gap="xs" mb="xs" wrap="wrap">
          {total}
          <Group gap="xs" wrap="nowrap">
            {sortSelect}
            {pageSizeSelect}
            {exportButton}
          </Group>
        </Group>
      )}

      {props.error != null && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t as Parameters<typeof errorMessage>[0], props.error)}
        </Alert>
      )}

      {props.children}
    </div>
  );
}
