import { Chip, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/date-input';
import { PERIOD_PRESETS, type Period, type PeriodPreset, presetOf, presetPeriod } from '../period';

/** Two date boxes and the quick choices (this month, this year …) of a report's period. */
export function PeriodFields({
  value,
  onChange,
  presets = PERIOD_PRESETS,
  error,
  testId,
}: {
  value: Period;
  onChange: (p: Period) => void;
  presets?: readonly PeriodPreset[];
  error?: { field: 'from' | 'to'; message: string } | null;
  testId: string;
}) {
  const { t } = useTranslation('reports');
  const current = presetOf(value);
  return (
    <Stack gap={6}>
      <SimpleGrid cols={2} spacing="sm" w={{ base: '100%', sm: 360 }}>
        <DateInput
          label={t('registers.from')}
          value={value.from}
          onChange={(from) => onChange({ ...value, from })}
          error={error?.field === 'from' ? error.message : undefined}
          data-testid={`${testId}-from`}
        />
        <DateInput
          label={t('registers.to')}
          value={value.to}
          onChange={(to) => onChange({ ...value, to })}
          error={error?.field === 'to' ? error.message : undefined}
          data-testid={`${testId}-to`}
        />
      </SimpleGrid>
      <Group gap={6} wrap="wrap" aria-label={t('period.presets')}>
        <Text size="xs" c="dimmed">
          {t('period.presets')}:
        </Text>
        {presets.map((p) => (
          <Chip
            key={p}
            size="xs"
            checked={current === p}
            onChange={() => onChange(presetPeriod(p))}
            data-testid={`${testId}-${p}`}
          >
            {t(`period.${p}`)}
          </Chip>
        ))}
      </Group>
    </Stack>
  );
}
