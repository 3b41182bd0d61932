import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ABBREVIATION_PATTERN, CATALOG_LIMITS, type TDocumentType } from '../../../contracts/catalogs';
import i18n from '../../app/i18n';
import { type CatalogRow, useSaveCatalogRow } from './api';
import { showSaveError } from './form-errors';

interface Values {
  name: string;
  abbreviation: string;
  sortOrder: number | string;
}

/** Add or edit a document type: name, ND30 abbreviation (empty for Công văn), order in lists. */
export function DocumentTypeForm(props: {
  row: TDocumentType | null;
  onDone: (row: CatalogRow) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['catalogs', 'common', 'errors']);
  const save = useSaveCatalogRow('document-types');
  const form = useForm<Values>({
    initialValues: {
      name: props.row?.name ?? '',
      abbreviation: props.row?.abbreviation ?? '',
      sortOrder: props.row?.sortOrder ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : i18n.t('catalogs:form.required')),
      abbreviation: (v) =>
        !v.trim() || (ABBREVIATION_PATTERN.test(v.trim()) && v.trim().length <= CATALOG_LIMITS.abbreviation)
          ? null
          : i18n.t('catalogs:form.invalid.abbreviation'),
      sortOrder: (v) =>
        v === '' || (Number.isInteger(v) && Number(v) >= 0) ? null : i18n.t('catalogs:form.invalid.sortOrder'),
    },
  });
  const submit = (values: Values) =>
    save.mutate(
      {
        id: props.row?.id,
        body: {
          name: values.name.trim(),
          abbreviation: values.abbreviation.trim() || null,
          ...(values.sortOrder === '' ? {} : { sortOrder: Number(values.sortOrder) }),
        },
      },
      {
        onSuccess: props.onDone,
        onError: (error) => showSaveError(t, error, values, form.setFieldError),
      },
    );
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <TextInput
          label={t('catalogs:form.typeName')}
          required
          maxLength={CATALOG_LIMITS.typeName}
          data-autofocus
          data-testid="form-name"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('catalogs:form.abbreviation')}
          description={t('catalogs:form.abbreviationHelp')}
          maxLength={CATALOG_LIMITS.abbreviation}
          data-testid="form-abbreviation"
          {...form.getInputProps('abbreviation')}
        />
        <NumberInput
          label={t('catalogs:form.sortOrder')}
          description={t('catalogs:form.sortOrderHelp')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('sortOrder')}
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
