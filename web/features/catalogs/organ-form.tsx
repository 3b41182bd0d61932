import { Alert, Button, Group, List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CATALOG_LIMITS, EMAIL_PATTERN, ORGAN_ID_PATTERN, type TIssuingOrgan } from '../../../contracts/catalogs';
import i18n from '../../app/i18n';
import { type CatalogRow, similarOrgansQueryOptions, useSaveCatalogRow } from './api';
import { showSaveError } from './form-errors';

interface Values {
  name: string;
  shortName: string;
  organId: string;
  address: string;
  email: string;
}

/** "Có thể trùng với: …": organs whose name is close to the one typed, so the clerk keeps one organ. */
function SimilarOrgans({ name, exceptId }: { name: string; exceptId: string | null }) {
  const { t } = useTranslation('catalogs');
  const [debounced] = useDebouncedValue(name.trim(), 300);
  const query = useQuery(similarOrgansQueryOptions(debounced));
  const matches = (query.data ?? []).filter((o) => o.id !== exceptId);
  if (matches.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm" data-testid="organ-similar">
      <Text size="sm" fw={600}>
        {t('form.similar')}
      </Text>
      <List size="sm" spacing={2} mt={4}>
        {matches.map((o) => (
          <List.Item key={o.id}>
            {o.name}
            {o.shortName ? ` (${o.shortName})` : ''}
            {!o.active && (
              <Text span size="xs" c="dimmed">
                {' '}
                — {t('status.inactive')}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Add or edit an issuing organ, warning about near-identical names while typing. */
export function OrganForm(props: {
  row: TIssuingOrgan | null;
  onDone: (row: CatalogRow) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['catalogs', 'common', 'errors']);
  const save = useSaveCatalogRow('issuing-organs');
  const form = useForm<Values>({
    initialValues: {
      name: props.row?.name ?? '',
      shortName: props.row?.shortName ?? '',
      organId: props.row?.organId ?? '',
      address: props.row?.address ?? '',
      email: props.row?.email ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : i18n.t('catalogs:form.required')),
      organId: (v) => (!v.trim() || ORGAN_ID_PATTERN.test(v.trim()) ? null : i18n.t('catalogs:form.invalid.organId')),
      email: (v) => (!v.trim() || EMAIL_PATTERN.test(v.trim()) ? null : i18n.t('catalogs:form.invalid.email')),
    },
  });
  const submit = (values: Values) =>
    save.mutate(
      {
        id: props.row?.id,
        body: {
          name: values.name.trim(),
          shortName: values.shortName.trim() || null,
          organId: values.organId.trim() || null,
          address: values.address.trim() || null,
          email: values.email.trim() || null,
        },
      },
      {
        onSuccess: props.onDone,
        onError: (error) => showSaveError(t, error, values, form.setFieldError),
      },
    );
  const nameChanged = form.values.name.trim() !== (props.row?.name ?? '');
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <TextInput
          label={t('catalogs:form.organName')}
          description={t('catalogs:form.organNameHelp')}
          required
          maxLength={CATALOG_LIMITS.organName}
          data-autofocus
          data-testid="form-name"
          {...form.getInputProps('name')}
        />
        {nameChanged && <SimilarOrgans name={form.values.name} exceptId={props.row?.id ?? null} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('catalogs:form.shortName')}
            description={t('catalogs:form.shortNameHelp')}
            maxLength={CATALOG_LIMITS.organShortName}
            data-testid="form-short-name"
            {...form.getInputProps('shortName')}
          />
          <TextInput
            label={t('catalogs:form.organId')}
            description={t('catalogs:form.organIdHelp')}
            maxLength={CATALOG_LIMITS.organId}
            {...form.getInputProps('organId')}
          />
        </SimpleGrid>
        <TextInput
          label={t('catalogs:form.address')}
          maxLength={CATALOG_LIMITS.address}
          {...form.getInputProps('address')}
        />
        <TextInput
          label={t('catalogs:form.email')}
          type="email"
          maxLength={CATALOG_LIMITS.email}
          {...form.getInputProps('email')}
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
