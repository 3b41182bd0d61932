import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { textSortKey } from '../../../contracts/text';
import { type TUnitOption, unitOptionsQueryOptions } from './api';

interface TreeOption {
  value: string;
  label: string;
  depth: number;
}

/** Units in tree order (parents before children, siblings in Vietnamese order) with their depth. */
export function unitTree(units: readonly TUnitOption[]): TreeOption[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, TUnitOption[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: TreeOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => (textSortKey(a.name) < textSortKey(b.name) ? -1 : 1));
    for (const unit of list) {
      out.push({ value: unit.id, label: unit.name, depth });
      walk(unit.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Searchable unit filter; null means every unit. */
export function UnitFilter({ value, onChange }: { value: string | null; onChange: (unitId: string | null) => void }) {
  const { t } = useTranslation('directory');
  const units = useQuery(unitOptionsQueryOptions);
  const options = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const depth = useMemo(() => new Map(options.map((o) => [o.value, o.depth])), [options]);
  return (
    <Select
      label={t('unit')}
      placeholder={t('allUnits')}
      data={options.map(({ value: id, label }) => ({ value: id, label }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('noUnit')}
      disabled={units.isPending}
      data-testid="directory-unit"
      renderOption={({ option }) => (
        <span style={{ paddingLeft: (depth.get(option.value) ?? 0) * 14 }}>{option.label}</span>
      )}
      comboboxProps={{ width: 'target', withinPortal: true }}
    />
  );
}
