import { Center, Loader, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OUTGOING_LIMITS } from '../../../../../contracts/outgoing';
import { FormFooter } from '../../../incoming/detail/forms/form-parts';
import { outgoingFormQuery } from '../../api';
import { DraftFields } from '../../draft/draft-fields';
import { type DraftValues, draftFromDetail, toUpdateBody, validateDraft } from '../../draft/draft-form';
import { OutgoingActionError, type OutgoingFormProps } from './simple-forms';

const MAX_OF: Partial<Record<string, number>> = {
  subject: OUTGOING_LIMITS.subject,
  summary: OUTGOING_LIMITS.summary,
  draftingCode: OUTGOING_LIMITS.draftingCode,
  recipientsText: OUTGOING_LIMITS.recipientsText,
  notes: OUTGOING_LIMITS.notes,
};

/** Sửa: the draft's fields and recipients (files change through "Thêm phiên bản"). */
export function EditForm({ doc, actions, onCancel, onDone }: OutgoingFormProps) {
  const { t } = useTranslation('outgoing');
  const options = useQuery(outgoingFormQuery);
  const form = useForm<DraftValues>({ initialValues: draftFromDetail(doc) });
  if (!options.data)
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errors = validateDraft(form.values, { needSigner: false });
    form.setErrors(
      Object.fromEntries(
        Object.entries(errors).map(([field, key]) => [field, t(`draft.errors.${key}`, { max: MAX_OF[field] })]),
      ),
    );
    if (Object.keys(errors).length > 0) return;
    actions.update.mutate(toUpdateBody(form.values), { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="outgoing-edit-form">
      <Stack gap="sm">
        <DraftFields
          form={form}
          // The document's own unit drives the pickers (a clerk may correct it before issuing).
          options={{ ...options.data, unitId: doc.unitId }}
          withFiles={false}
          needSigner={false}
        />
        <OutgoingActionError error={actions.update.error} />
        <FormFooter submitLabel={t('actions.edit.submit')} loading={actions.update.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
