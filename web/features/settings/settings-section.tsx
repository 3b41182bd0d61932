import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTING_SCHEMAS, settingConflicts, type TSettingItem, type TSettingKey } from '../../../contracts/settings';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useResetSetting, useSaveSettings } from './api';
import { fieldSpan, SettingField, TEMPLATE_TOKENS } from './setting-field';
import { fieldId, HTTP_GATEWAY_KEYS, SMTP_KEYS } from './setting-fields';

type Values = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Draft values of a section: secrets start empty (the stored one is kept unless a new one is typed). */
function initialDraft(keys: readonly TSettingKey[], items: Record<string, TSettingItem>): Values {
  return Object.fromEntries(keys.map((k) => [k, items[k].secret ? '' : items[k].value]));
}

/** Changed keys of the draft, with their values. */
function changes(keys: readonly TSettingKey[], draft: Values, items: Record<string, TSettingItem>): Values {
  const out: Values = {};
  for (const key of keys) {
    if (items[key].secret ? draft[key] !== '' : !same(draft[key], items[key].value)) out[key] = draft[key];
  }
  return out;
}

/**
 * One section of "Tùy chọn quản trị" (Thông tin đơn vị, Mật khẩu, …) with its own Save: fields
 * are checked with the server's own schemas first, then the server answers per key.
 */
export function SettingsSection(props: {
  id: string;
  keys: readonly TSettingKey[];
  items: Record<string, TSettingItem>;
}) {
  const { t } = useTranslation(['settings', 'errors']);
  const { id, keys, items } = props;
  const version = JSON.stringify(keys.map((k) => items[k]));
  const [draft, setDraft] = useState<Values>(() => initialDraft(keys, items));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveSettings();
  const reset = useResetSetting();

  // A save or reset brings new server values: start again from them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` stands for keys and items.
  useEffect(() => {
    setDraft(initialDraft(keys, items));
    setErrors({});
  }, [version]);

  const pending = useMemo(() => changes(keys, draft, items), [keys, draft, items]);
  const dirty = Object.keys(pending).length > 0;
  const fieldError = (key: string) => t(`settings:fields.${fieldId(key)}.error`, TEMPLATE_TOKENS);

  const validate = (): boolean => {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries(pending)) {
      if (!SETTING_SCHEMAS[key as TSettingKey].safeParse(value).success) next[key] = fieldError(key);
    }
    const all = { ...Object.fromEntries(Object.values(items).map((i) => [i.key, i.value])), ...draft };
    for (const c of settingConflicts(all))
      if (!next[c.key] && keys.includes(c.key)) next[c.key] = t(`settings:conflicts.${c.rule}`);
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const serverError = (error: unknown) => {
    const path = error instanceof ApiError ? error.fields[0]?.path : undefined;
    if (path && keys.includes(path as TSettingKey)) {
      const rule = error instanceof ApiError ? error.details.rule : undefined;
      const msg =
        typeof rule === 'string' && rule !== 'invalid'
          ? t(`settings:conflicts.${rule}`, { defaultValue: fieldError(path) })
          : fieldError(path);
      setErrors({ [path]: msg });
    } else {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
  };

  const submit = () => {
    if (!validate()) return;
    save.mutate(pending, {
      onSuccess: () =>
        notifications.show({
          color: 'green',
          icon: <IconCheck size={18} />,
          message: t('settings:saved', { section: t(`settings:sections.${id}.title`) }),
        }),
      onError: serverError,
    });
  };

  const resetKey = (key: string) =>
    reset.mutate(key, {
      onSuccess: () =>
        notifications.show({
          color: 'green',
          icon: <IconCheck size={18} />,
          message: t('settings:resetDone', { label: t(`settings:fields.${fieldId(key)}.label`) }),
        }),
      onError: serverError,
    });

  const hidden = (key: TSettingKey) =>
    (HTTP_GATEWAY_KEYS.includes(key) && draft['sms.provider'] !== 'http') ||
    (SMTP_KEYS.includes(key) && draft['email.provider'] !== 'smtp');
  const busy = save.isPending || reset.isPending;

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      component="section"
      aria-labelledby={`section-${id}`}
      data-testid={`settings-section-${id}`}
    >
      <Title order={3} fz="lg" id={`section-${id}`}>
        {t(`settings:sections.${id}.title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(`settings:sections.${id}.description`)}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
        {keys
          .filter((k) => !hidden(k))
          .map((key) => (
            <div key={key} style={fieldSpan(key) === 2 ? { gridColumn: '1 / -1' } : undefined}>
              <SettingField
                settingKey={key}
                item={items[key]}
                value={draft[key]}
                onChange={(value) => {
                  setDraft((d) => ({ ...d, [key]: value }));
                  setErrors((e) => ({ ...e, [key]: '' }));
                }}
                error={errors[key] || null}
                onReset={() => resetKey(key)}
                resetting={reset.isPending && reset.variables === key}
                disabled={busy}
              />
            </div>
          ))}
      </SimpleGrid>
      <Group justify="flex-end" mt="lg" gap="sm">
        {dirty && (
          <Text size="xs" c="dimmed" mr="auto">
            {t('settings:unsaved')}
          </Text>
        )}
        <Button
          variant="default"
          disabled={!dirty || busy}
          onClick={() => {
            setDraft(initialDraft(keys, items));
            setErrors({});
          }}
        >
          {t('settings:undo')}
        </Button>
        <Button onClick={submit} disabled={!dirty} loading={save.isPending} data-testid={`settings-save-${id}`}>
          {t('settings:save')}
        </Button>
      </Group>
    </Paper>
  );
}
