import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  CATALOG_LIMITS,
  ENTRY_CODE_PATTERN,
  type TCatalogEntry,
  type TLevelCatalog,
} from '../../../contracts/catalogs';
import i18n from '../../app/i18n';
import { type CatalogRow, useSaveCatalogRow } from './api';
import { showSaveError } from './form-errors';

interface Values {
  code: string;
  name: string;
  rank: number | string;
}

/** Add or edit a confidentiality level, an urgency level or a field; the code is fixed once created. */
export function EntryForm(props: {
  kind: TLevelCatalog;
  row: TCatalogEntry | null;
  onDone: (row: CatalogRow) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['catalogs', 'common', 'errors']);
  const save = useSaveCatalogRow(props.kind);
  const editing = props.row !== null;
  const form = useForm<Values>({
    initialValues: { code: props.row?.code ?? '', name: props.row?.name ?? '', rank: props.row?.rank ?? '' },
    validate: {
      code: (v) => (editing || ENTRY_CODE_PATTERN.test(v.trim()) ? null : i18n.t('catalogs:form.invalid.code')),
      name: (v) => (v.trim() ? null : i18n.t('catalogs:form.required')),
      rank: (v) => (v === '' || (Number.isInteger(v) && Number(v) >= 0) ? null : i18n.t('catalogs:form.invalid.rank')),
    },
  });
  const submit = (values: Values) => {
    const rank = values.rank === '' ? {} : { rank: Number(values.rank) };
    save.mutate(
      {
        id: props.row?.id,
        body: editing
          ? { name: values.name.trim(), ...rank }
          : { code: values.code.trim(), name: values.name.trim(), ...rank },
      },
      {
        onSuccess: props.onDone,
        onError: (error) => showSaveError(t, error, values, form.setFieldError),
      },
    );
  };
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <TextInput
          label={t('catalogs:form.entryName')}
          required
          maxLength={CATALOG_LIMITS.entryName}
          data-autofocus
          data-testid="form-name"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('catalogs:form.code')}
          description={editing ? t('catalogs:form.codeFixed') : t('catalogs:form.codeHelp')}
          required={!editing}
          disabled={editing}
          maxLength={CATALOG_LIMITS.entryCode}
          autoCapitalize="none"
          spellCheck={false}
          data-testid="form-code"
          {...form.getInputProps('code')}
        />
        <NumberInput
          label={t('catalogs:form.rank')}
          description={t(`catalogs:form.rankHelp.${props.kind}`)}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('rank')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="form-submit">
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
