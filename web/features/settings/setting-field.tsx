import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SECRET_MASK, type TSettingItem, type TSettingKey, WEEKDAYS } from '../../../contracts/settings';
import { HolidaysEditor } from './holidays-editor';
import { type FieldKind, fieldId, SETTING_FIELDS, UPLOAD_FILE_TYPES } from './setting-fields';

/** The template placeholders, passed as values so that i18next prints them literally. */
export const TEMPLATE_TOKENS = { phone: '{{phone}}', text: '{{text}}' };

/** A setting's value in words, for the "Mặc định: …" hint. */
function describeValue(t: TFunction, key: TSettingKey, value: unknown): string {
  const field = SETTING_FIELDS[key];
  switch (field.kind) {
    case 'number':
      return t(`settings:units.${field.unit}`, { count: Number(value) });
    case 'switch':
      return value ? t('settings:on') : t('settings:off');
    case 'select':
      return t(`settings:options.${fieldId(key)}.${String(value)}`);
    case 'fileTypes':
      return (value as string[]).map((v) => v.toUpperCase()).join(', ');
    case 'weekdays':
      return (value as number[]).map((d) => t(`settings:weekdaysShort.${d}`)).join(', ');
    case 'holidays':
      return t('settings:holidays.count', { count: (value as string[]).length });
    case 'secret':
      return value ? SECRET_MASK : t('settings:empty');
    default:
      return String(value) || t('settings:empty');
  }
}

/** Columns a field spans in its section (two columns on wide screens for short inputs). */
export function fieldSpan(key: TSettingKey): 1 | 2 {
  const kind: FieldKind['kind'] = SETTING_FIELDS[key].kind;
  return kind === 'text' || kind === 'number' || kind === 'select' || kind === 'secret' ? 1 : 2;
}

interface Props {
  settingKey: TSettingKey;
  item: TSettingItem;
  value: unknown;
  onChange: (value: unknown) => void;
  error: string | null;
  onReset: () => void;
  resetting: boolean;
  disabled: boolean;
}

/** One system setting: its control with a Vietnamese label and help, the default, and "Khôi phục mặc định". */
export function SettingField({ settingKey, item, value, onChange, error, onReset, resetting, disabled }: Props) {
  const { t } = useTranslation('settings');
  const id = fieldId(settingKey);
  const label = t(`fields.${id}.label`);
  const help = t(`fields.${id}.help`, TEMPLATE_TOKENS);
  const field = SETTING_FIELDS[settingKey];
  const common = { label, description: help, error, disabled, 'data-testid': `setting-${id}` };

  let control: React.ReactNode;
  switch (field.kind) {
    case 'text':
      control = (
        <TextInput
          {...common}
          maxLength={field.maxLength}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
      break;
    case 'number':
      control = (
        <NumberInput
          {...common}
          min={field.min}
          max={field.max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          rightSection={
            <Text size="xs" c="dimmed" pr={6}>
              {t(`unitShort.${field.unit}`)}
            </Text>
          }
          rightSectionWidth={64}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
      break;
    case 'switch':
      control = <Switch {...common} checked={Boolean(value)} onChange={(e) => onChange(e.currentTarget.checked)} />;
      break;
    case 'select':
      control = (
        <Select
          {...common}
          allowDeselect={false}
          data={field.options.map((o) => ({ value: o, label: t(`options.${id}.${o}`) }))}
          value={String(value)}
          onChange={(v) => v && onChange(v)}
        />
      );
      break;
    case 'secret':
      control = (
        <PasswordInput
          {...common}
          autoComplete="new-password"
          placeholder={item.value === SECRET_MASK ? t('secretKept') : t('secretEmpty')}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
      break;
    case 'template':
      control = (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={6}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
      break;
    case 'fileTypes':
    case 'weekdays': {
      const options =
        field.kind === 'fileTypes'
          ? UPLOAD_FILE_TYPES.map((v) => ({ value: v, label: v.toUpperCase() }))
          : WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekdays.${d}`) }));
      const selected = ((value as (string | number)[]) ?? []).map(String);
      control = (
        <Checkbox.Group
          {...common}
          value={selected}
          onChange={(next) => onChange(field.kind === 'weekdays' ? next.map(Number).sort((a, b) => a - b) : next)}
        >
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs" verticalSpacing={8} mt={8}>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} disabled={disabled} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      );
      break;
    }
    case 'holidays':
      control = (
        <HolidaysEditor
          label={label}
          description={help}
          error={error}
          value={(value as string[]) ?? []}
          onChange={onChange}
        />
      );
      break;
  }

  return (
    <Stack gap={4}>
      {control}
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('default', { value: describeValue(t, settingKey, item.defaultValue) })}
        </Text>
        {item.changed && (
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconRestore size={14} />}
            onClick={onReset}
            loading={resetting}
            disabled={disabled}
            data-testid={`reset-${id}`}
          >
            {t('reset')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
