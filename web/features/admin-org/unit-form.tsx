import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMAIL_PATTERN,
  ORGAN_ID_PATTERN,
  PHONE_PATTERN,
  SHORT_NAME_PATTERN,
  type TAdminUnit,
  UNIT_CODE_PATTERN,
  UNIT_KINDS,
  UNIT_LIMITS,
} from '../../../contracts/admin-org';
import { ApiError } from '../../app/api';

/** The editable fields of a unit as the form holds them. */
export interface UnitFormValues {
  code: string;
  name: string;
  shortName: string;
  kind: string;
  address: string;
  phone: string;
  email: string;
  organId: string;
  sortOrder: number | string;
}

/** Form values of an existing unit, or empty ones for a new unit. */
export function unitFormValues(unit?: TAdminUnit): UnitFormValues {
  return {
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    shortName: unit?.shortName ?? '',
    kind: unit?.kind ?? 'other',
    address: unit?.address ?? '',
    phone: unit?.phone ?? '',
    email: unit?.email ?? '',
    organId: unit?.organId ?? '',
    sortOrder: unit?.sortOrder ?? '',
  };
}

/** The request body of the form: trimmed, empty optional fields sent as null (which clears them). */
export function unitBody(v: UnitFormValues) {
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    shortName: v.shortName.trim(),
    kind: v.kind as (typeof UNIT_KINDS)[number],
    address: opt(v.address),
    phone: opt(v.phone),
    email: opt(v.email),
    organId: opt(v.organId),
    ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}),
  };
}

function rule(t: TFunction, field: keyof typeof UNIT_LIMITS, pattern: RegExp | null, required: boolean) {
  return (value: string) => {
    const v = value.trim();
    if (!v) return required ? t(`adminOrg:units.validation.required.${field}`) : null;
    if (v.length > UNIT_LIMITS[field]) return t('adminOrg:units.validation.tooLong', { max: UNIT_LIMITS[field] });
    if (pattern && !pattern.test(v)) return t(`adminOrg:units.validation.${field}`);
    return null;
  };
}

/** The unit form with Vietnamese validation messages under each field (same rules as the server). */
export function useUnitForm(initial: UnitFormValues) {
  const { t } = useTranslation('adminOrg');
  return useForm<UnitFormValues>({
    initialValues: initial,
    validate: {
      code: rule(t, 'code', UNIT_CODE_PATTERN, true),
      name: rule(t, 'name', null, true),
      shortName: rule(t, 'shortName', SHORT_NAME_PATTERN, true),
      address: rule(t, 'address', null, false),
      phone: rule(t, 'phone', PHONE_PATTERN, false),
      email: rule(t, 'email', EMAIL_PATTERN, false),
      organId: rule(t, 'organId', ORGAN_ID_PATTERN, false),
    },
  });
}

/**
 * Puts the server's field errors under the fields (`body.code` → code). Returns false when the
 * error names no field of the form, so the caller shows it as a notification.
 */
export function applyServerErrors(form: UseFormReturnType<UnitFormValues>, error: unknown, t: TFunction): boolean {
  if (!(error instanceof ApiError)) return false;
  let placed = false;
  for (const f of error.fields) {
    const name = f.path.replace(/^body\./, '');
    if (!(name in form.values)) continue;
    const message =
      error.code === 'DUPLICATE' && name === 'code'
        ? t('adminOrg:units.validation.codeTaken')
        : t(`adminOrg:units.validation.${name}`, { defaultValue: t('adminOrg:units.validation.invalid') });
    form.setFieldError(name, message);
    placed = true;
  }
  return placed;
}

/** Hints under the input, so that labels of side-by-side fields stay aligned. */
const HINT_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** All the fields of a unit; `actions` renders under them. */
export function UnitFields({
  form,
  readOnly,
  actions,
}: {
  form: UseFormReturnType<UnitFormValues>;
  readOnly?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('adminOrg');
  const f = (key: string) => t(`units.fields.${key}`);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={f('code')}
          withAsterisk
          readOnly={readOnly}
          maxLength={UNIT_LIMITS.code}
          data-testid="unit-code"
          {...form.getInputProps('code')}
        />
        <Select
          label={f('kind')}
          data={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
          allowDeselect={false}
          readOnly={readOnly}
          data-testid="unit-kind"
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
      </SimpleGrid>
      <TextInput
        label={f('name')}
        withAsterisk
        readOnly={readOnly}
        maxLength={UNIT_LIMITS.name}
        data-testid="unit-name"
        {...form.getInputProps('name')}
      />
      <TextInput
        label={f('shortName')}
        description={t('units.fields.shortNameHint')}
        inputWrapperOrder={HINT_BELOW}
        withAsterisk
        readOnly={readOnly}
        maxLength={UNIT_LIMITS.shortName}
        data-testid="unit-short-name"
        {...form.getInputProps('shortName')}
        // Short names are upper case: type "thcsam", get "THCSAM" (đ becomes Đ).
        onChange={(e) => form.setFieldValue('shortName', e.currentTarget.value.toUpperCase())}
      />
      <Textarea
        label={f('address')}
        autosize
        minRows={1}
        maxRows={3}
        readOnly={readOnly}
        maxLength={UNIT_LIMITS.address}
        {...form.getInputProps('address')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={f('phone')}
          type="tel"
          inputMode="tel"
          readOnly={readOnly}
          data-testid="unit-phone"
          {...form.getInputProps('phone')}
        />
        <TextInput
          label={f('email')}
          type="email"
          readOnly={readOnly}
          data-testid="unit-email"
          {...form.getInputProps('email')}
        />
        <TextInput
          label={f('organId')}
          description={t('units.fields.organIdHint')}
          inputWrapperOrder={HINT_BELOW}
          readOnly={readOnly}
          maxLength={UNIT_LIMITS.organId}
          data-testid="unit-organ-id"
          {...form.getInputProps('organId')}
        />
        <NumberInput
          label={f('sortOrder')}
          min={0}
          max={100000}
          allowDecimal={false}
          readOnly={readOnly}
          {...form.getInputProps('sortOrder')}
        />
      </SimpleGrid>
      {actions && (
        <Group justify="flex-end" gap="sm" mt="xs">
          {actions}
        </Group>
      )}
    </Stack>
  );
}

/** Submit and cancel buttons of a unit form. */
export function FormButtons({
  onCancel,
  cancelLabel,
  submitLabel,
  loading,
  disabled,
  testId,
}: {
  onCancel: () => void;
  cancelLabel: string;
  submitLabel: string;
  loading: boolean;
  disabled?: boolean;
  testId: string;
}) {
  return (
    <>
      <Button variant="default" onClick={onCancel} disabled={loading || disabled}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled} data-testid={testId}>
        {submitLabel}
      </Button>
    </>
  );
}
