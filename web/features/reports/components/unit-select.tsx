import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TReportUnit } from '../../../../contracts/reports';

/** The units the person may report on, indented under their parent, own unit first. */
export function UnitSelect({
  units,
  value,
  onChange,
  testId,
}: {
  units: TReportUnit[];
  value: string | null;
  onChange: (id: string) => void;
  testId: string;
}) {
  const { t } = useTranslation('reports');
  // Non-breaking spaces keep the indentation in the list.
  const data = units.map((u) => ({ value: u.id, label: `${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name}` }));
  return (
    <Select
      label={t('registers.unit')}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable={units.length > 8}
      allowDeselect={false}
      w={{ base: '100%', sm: 360 }}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
