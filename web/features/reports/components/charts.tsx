import { Box, Group, Text, Tooltip } from '@mantine/core';

/** Colours of the series, the same on every chart and in the legends. */
export const SERIES = {
  incoming: 'var(--mantine-color-blue-6)',
  outgoing: 'var(--mantine-color-teal-6)',
  onTime: 'var(--mantine-color-green-6)',
  late: 'var(--mantine-color-yellow-6)',
  inProgress: 'var(--mantine-color-blue-4)',
  overdue: 'var(--mantine-color-red-6)',
} as const;
export type Series = keyof typeof SERIES;

/** A legend: a coloured square and a name per series. */
export function Legend({ items }: { items: { series: Series; label: string }[] }) {
  return (
    <Group gap="md" wrap="wrap">
      {items.map((i) => (
        <Group key={i.series} gap={6} wrap="nowrap">
          <Box w={12} h={12} style={{ background: SERIES[i.series], borderRadius: 2 }} aria-hidden />
          <Text size="xs">{i.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** A thin horizontal bar for a value out of `max`, for the cells of a table. */
export function InlineBar({ value, max, series }: { value: number; max: number; series: Series }) {
  const width = max > 0 ? Math.max(value > 0 ? 2 : 0, (value / max) * 100) : 0;
  return (
    <Box h={8} w="100%" bg="var(--mantine-color-gray-1)" style={{ borderRadius: 4 }} aria-hidden>
      <Box h={8} w={`${width}%`} style={{ background: SERIES[series], borderRadius: 4 }} />
    </Box>
  );
}

/** One bar split into its parts (done on time, late, in progress, overdue), with each part's count on hover. */
export function StackedBar({ parts }: { parts: { series: Series; value: number; label: string }[] }) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  if (total === 0) return <Box h={10} w="100%" bg="var(--mantine-color-gray-1)" style={{ borderRadius: 5 }} />;
  return (
    <Group gap={0} wrap="nowrap" h={10} w="100%" style={{ borderRadius: 5, overflow: 'hidden' }}>
      {parts
        .filter((p) => p.value > 0)
        .map((p) => (
          <Tooltip key={p.series} label={`${p.label}: ${p.value}`} withArrow>
            <Box h={10} w={`${(p.value / total) * 100}%`} style={{ background: SERIES[p.series] }} />
          </Tooltip>
        ))}
    </Group>
  );
}

/**
 * Vertical grouped bars (documents in and out per month) in plain boxes: the groups share the
 * width, a bar is at most 24 px wide, each shows its value on hover and above it; the labels run
 * under the groups ("11/2026" is written "11/26").
 */
export function GroupedColumns({
  groups,
  series,
  height = 160,
  label,
}: {
  groups: { label: string; values: number[] }[];
  series: Series[];
  height?: number;
  label: string;
}) {
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  return (
    <Box role="img" aria-label={label}>
      <Group
        gap={4}
        wrap="nowrap"
        align="flex-end"
        h={height}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}
      >
        {groups.map((g) => (
          <Group key={g.label} gap={2} wrap="nowrap" align="flex-end" justify="center" h="100%" style={{ flex: 1 }}>
            {g.values.map((v, i) => (
              <Tooltip key={series[i]} label={`${g.label}: ${v}`} withArrow>
                <Box
                  style={{
                    width: '100%',
                    maxWidth: 24,
                    height: `${(v / max) * 85}%`,
                    minHeight: v > 0 ? 2 : 0,
                    background: SERIES[series[i]],
                    borderRadius: '2px 2px 0 0',
                  }}
                />
              </Tooltip>
            ))}
          </Group>
        ))}
      </Group>
      <Group gap={4} wrap="nowrap" mt={4}>
        {groups.map((g) => (
          <Text key={g.label} size="xs" ta="center" style={{ flex: 1, minWidth: 0 }} truncate>
            {g.label.length === 7 ? `${g.label.slice(0, 3)}${g.label.slice(5)}` : g.label}
          </Text>
        ))}
      </Group>
    </Box>
  );
}
