import {
  Alert,
  Button,
  Center,
  Drawer,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconBuildingCommunity, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { PageHeader } from '../../components/page-header';
import classes from './admin-org.module.css';
import { unitsQueryOptions } from './api';
import { UnitCreateModal } from './unit-create-modal';
import { UnitPanel } from './unit-panel';
import { UnitTree } from './unit-tree';

/** Function "Đơn vị trực thuộc" (Điều 3.6b): the unit tree with search, and the selected unit's panel. */
export default function UnitsPage() {
  const { t } = useTranslation(['adminOrg', 'functions', 'common', 'errors']);
  const isPhone = useIsPhone();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [showInactive, setShowInactive] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [creatingRoot, setCreatingRoot] = useState(false);

  const list = useQuery({ ...unitsQueryOptions(q, showInactive), placeholderData: keepPreviousData });
  // The whole tree in scope, stopped units included: the choices of "Chuyển đơn vị".
  const all = useQuery(unitsQueryOptions('', true));
  const items = list.data?.items ?? [];

  // First load: open the top level so its children show; later changes keep the user's choice.
  useEffect(() => {
    if (expanded || !list.data) return;
    const minDepth = Math.min(...list.data.items.map((i) => i.depth));
    setExpanded(new Set(list.data.items.filter((i) => i.depth === minDepth).map((i) => i.id)));
    if (!isPhone && list.data.items[0]) setSelectedId((id) => id ?? list.data.items[0].id);
  }, [expanded, list.data, isPhone]);

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // The selected unit's ancestors are opened so that it shows in the tree, also after it moved. A
  // unit just created is not in the lists yet: its parent comes with it.
  const reveal = useCallback(
    (id: string, parentId?: string | null) => {
      const byId = new Map((all.data?.items ?? []).map((u) => [u.id, u]));
      const chain: string[] = [];
      for (let p = parentId ?? byId.get(id)?.parentId; p; p = byId.get(p)?.parentId) chain.push(p);
      if (chain.length)
        setExpanded((prev) => (prev && chain.every((p) => prev.has(p)) ? prev : new Set([...(prev ?? []), ...chain])));
    },
    [all.data],
  );
  useEffect(() => {
    if (selectedId) reveal(selectedId);
  }, [selectedId, reveal]);

  const select = (id: string, parentId?: string | null) => {
    setSelectedId(id);
    reveal(id, parentId);
  };

  const panel = selectedId && (
    <UnitPanel
      key={selectedId}
      id={selectedId}
      allUnits={all.data?.items ?? []}
      canCreateRoot={Boolean(list.data?.canCreateRoot)}
      onSelect={select}
    />
  );

  return (
    <div data-testid="page-admin-units">
      <PageHeader title={t('functions:admin-units')} description={t('adminOrg:units.description')} />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="sm">
              <TextInput
                label={t('adminOrg:units.search')}
                placeholder={t('adminOrg:units.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                rightSection={list.isFetching ? <Loader size={14} /> : null}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                data-testid="units-search"
              />
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Switch
                  size="sm"
                  label={t('adminOrg:units.showInactive')}
                  checked={showInactive}
                  onChange={(e) => setShowInactive(e.currentTarget.checked)}
                  data-testid="units-show-inactive"
                />
                {list.data?.canCreateRoot && (
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setCreatingRoot(true)}
                    data-testid="unit-add-root"
                  >
                    {t('adminOrg:units.addRoot')}
                  </Button>
                )}
              </Group>
              {list.isError && (
                <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                  {errorMessage(t, list.error)}
                </Alert>
              )}
              {list.isPending ? (
                <Center py="xl">
                  <Loader />
                </Center>
              ) : items.length === 0 ? (
                !list.isError && (
                  <Stack align="center" gap={4} ta="center" py="lg" data-testid="units-empty">
                    <IconBuildingCommunity size={36} color="var(--mantine-color-gray-5)" aria-hidden />
                    <Text fw={600}>{t('adminOrg:units.empty')}</Text>
                    <Text size="sm" c="dimmed">
                      {t('adminOrg:units.emptyHint')}
                    </Text>
                  </Stack>
                )
              ) : (
                <UnitTree
                  items={items}
                  query={q}
                  expanded={expanded ?? new Set()}
                  onToggle={toggle}
                  selectedId={selectedId}
                  onSelect={select}
                />
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        {!isPhone && (
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder radius="md" p="md" className={classes.stickyPanel}>
              {panel || (
                <Text c="dimmed" size="sm" ta="center" py="xl">
                  {t('adminOrg:units.pickHint')}
                </Text>
              )}
            </Paper>
          </Grid.Col>
        )}
      </Grid>
      {isPhone && (
        <Drawer
          opened={Boolean(selectedId)}
          onClose={() => setSelectedId(null)}
          position="right"
          size="100%"
          title={t('adminOrg:units.back')}
        >
          {panel}
        </Drawer>
      )}
      <UnitCreateModal
        opened={creatingRoot}
        parent={null}
        onClose={() => setCreatingRoot(false)}
        onCreated={(u) => select(u.id, u.parentId)}
      />
    </div>
  );
}
