import { Autocomplete, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INCOMING_LIMITS } from '../../../../contracts/incoming';
import { normalizeText } from '../../../../contracts/text';
import { organSearchQuery } from '../components/catalog-queries';

export interface OrganInputProps {
  name: string;
  organId: string | null;
  /** The text typed, and the catalog organ when the text is exactly one of them. */
  onChange: (name: string, organId: string | null) => void;
  error?: ReactNode;
}

/**
 * "Cơ quan ban hành": type-ahead over the catalog (no diacritics needed, UBND / GD&ĐT understood).
 * A name that is not in the catalog is allowed: it is added to the catalog when the document is saved.
 */
export const OrganInput = forwardRef<HTMLInputElement, OrganInputProps>(function OrganInput(props, ref) {
  const { name, organId, onChange } = props;
  const { t } = useTranslation(['incomingRegister', 'incoming']);
  const [q] = useDebouncedValue(name.trim(), 200);
  const organs = useQuery(organSearchQuery(q));
  // Only what matches the text as it is now: a stale list would let Enter pick the wrong organ.
  const current = q === name.trim() && !organs.isPlaceholderData;
  const results = current ? (organs.data ?? []) : [];
  const byName = (value: string) => results.find((o) => o.name === normalizeText(value));

  const isNew = !organId && name.trim() !== '' && current && !organs.isFetching;

  return (
    <Autocomplete
      ref={ref}
      label={t('incoming:field.issuingOrgan')}
      withAsterisk
      placeholder={t('register.organPlaceholder')}
      value={name}
      onChange={(value) => onChange(value, byName(value)?.id ?? null)}
      onOptionSubmit={(value) => onChange(value, byName(value)?.id ?? null)}
      data={results.map((o) => o.name)}
      // The server searched already, without diacritics and with abbreviations.
      filter={({ options }) => options}
      limit={10}
      maxLength={INCOMING_LIMITS.organName}
      leftSection={<IconBuilding size={16} aria-hidden />}
      rightSection={organs.isFetching ? <Loader size={14} /> : undefined}
      description={isNew ? t('register.organNew') : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={props.error}
      renderOption={({ option }) => {
        const organ = results.find((o) => o.name === option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.value}</Text>
            {organ?.shortName && (
              <Text size="xs" c="dimmed">
                {organ.shortName}
              </Text>
            )}
          </Stack>
        );
      }}
      data-testid="incoming-organ"
    />
  );
});
