import { Button, Group, Input, Pill, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatWeekday } from '../../app/format';
import { currentLocale } from '../../app/i18n';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date 'YYYY-MM-DD' as a local Date (no time-zone shift). */
function localDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Edits the list of public holidays: add a date with the date picker, remove one with its ×. */
export function HolidaysEditor(props: {
  value: string[];
  onChange: (value: string[]) => void;
  label: string;
  description: string;
  error?: string | null;
}) {
  const { t } = useTranslation('settings');
  const [candidate, setCandidate] = useState('');
  const add = () => {
    if (!ISO_DATE.test(candidate) || props.value.includes(candidate)) return;
    props.onChange([...props.value, candidate].sort());
    setCandidate('');
  };
  return (
    <Input.Wrapper label={props.label} description={props.description} error={props.error}>
      <Stack gap="xs" mt={6}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            type="date"
            aria-label={t('holidays.pick')}
            value={candidate}
            onChange={(event) => setCandidate(event.currentTarget.value)}
            style={{ flex: '0 1 200px', minWidth: 0 }}
            data-testid="holiday-date"
          />
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={add}
            disabled={!ISO_DATE.test(candidate) || props.value.includes(candidate)}
            data-testid="holiday-add"
          >
            {t('holidays.add')}
          </Button>
        </Group>
        {props.value.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('holidays.none')}
          </Text>
        ) : (
          <Pill.Group data-testid="holiday-list">
            {props.value.map((iso) => (
              <Pill
                key={iso}
                size="md"
                withRemoveButton
                onRemove={() => props.onChange(props.value.filter((d) => d !== iso))}
                removeButtonProps={{ 'aria-label': t('holidays.remove', { date: formatDate(localDate(iso)) }) }}
                title={formatWeekday(localDate(iso), currentLocale())}
              >
                {formatDate(localDate(iso))}
              </Pill>
            ))}
          </Pill.Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
