import { Button, Divider, Group, MultiSelect, Paper, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX } from '../../../contracts/announcements';
import type { TFileRef } from '../../../contracts/files';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { FileDrop } from '../../components/file-drop';
import { composeOptionsQuery, groupOptionsQuery, unitOptionsQuery, useSendAnnouncement } from './api';
import { interactionGroupsQuery } from '../interaction-groups/api';
import { PeoplePicker } from './people-picker';

type Field = 'title' | 'body' | 'recipients' | 'files' | 'sms';

/** Which form field a server error path belongs to. */
function fieldOf(path: string): Field | null {
  if (path.startsWith('body.title')) return 'title';
  if (path.startsWith('body.body')) return 'body';
  if (path.startsWith('body.recipients')) return 'recipients';
  if (path.startsWith('body.fileIds')) return 'files';
  if (path.startsWith('body.sms')) return 'sms';
  return null;
}

/** The compose form of "Gửi thông báo": text, files, recipients (people, units, groups), optional SMS. */
export function ComposeForm() {
  const { t } = useTranslation('announcements');
  const isPhone = useIsPhone();
  const options = useQuery(composeOptionsQuery);
  const units = useQuery(unitOptionsQuery);
  const groups = useQuery(groupOptionsQuery);
  const send = useSendAnnouncement();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [userIds, setUserIds] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [interactionGroupIds, setInteractionGroupIds] = useState<string[]>([]);
  const interactionGroups = useQuery(interactionGroupsQuery);
  const [files, setFiles] = useState<TFileRef[]>([]);
  const [sms, setSms] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const smsEnabled = options.data?.smsEnabled ?? false;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (send.isPending || uploading) return;
    const next: Partial<Record<Field, string>> = {};
    if (!title.trim()) next.title = t('errors.titleRequired');
    if (!body.trim()) next.body = t('errors.bodyRequired');
    if (userIds.length + unitIds.length + groupIds.length + interactionGroupIds.length === 0)
      next.recipients = t('errors.recipientsRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    send.mutate(
      {
        title,
        body,
        fileIds: files.map((f) => f.id),
        recipients: { userIds, unitIds, groupIds, interactionGroupIds },
        sms: smsEnabled && sms,
      },
      {
        onSuccess: (created) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('compose.sent', { count: created.recipientCount }),
          });
          setTitle('');
          setBody('');
          setUserIds([]);
          setUnitIds([]);
          setGroupIds([]);
          setInteractionGroupIds([]);
          setFiles([]);
          setSms(false);
          setErrors({});
        },
        onError: (error) => {
          const placed: Partial<Record<Field, string>> = {};
          if (error instanceof ApiError) {
            for (const f of error.fields) {
              const field = fieldOf(f.path);
              if (field && !placed[field]) placed[field] = t(`errors.server.${field}`);
            }
          }
          if (Object.keys(placed).length > 0) setErrors(placed);
          else notifications.show({ color: 'red', message: errorMessage(t, error) });
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={isPhone ? 'sm' : 'md'} component="form" noValidate onSubmit={submit}>
      <Stack gap="sm" data-testid="ann-compose">
        <Text fw={600}>{t('compose.heading')}</Text>
        <TextInput
          label={t('compose.title')}
          required
          value={title}
          maxLength={ANNOUNCEMENT_TITLE_MAX}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-testid="ann-title"
        />
        <Textarea
          label={t('compose.body')}
          required
          autosize
          minRows={4}
          maxRows={12}
          value={body}
          maxLength={ANNOUNCEMENT_BODY_MAX}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          description={t('compose.bodyCount', { count: [...body].length, max: ANNOUNCEMENT_BODY_MAX })}
          data-testid="ann-body"
        />
        <Stack gap={6}>
          <Divider
            label={t('compose.recipients')}
            labelPosition="left"
            mt={4}
            styles={{ label: { fontWeight: 600 } }}
          />
          <PeoplePicker value={userIds} onChange={setUserIds} label={t('compose.people')} />
          <MultiSelect
            label={t('compose.units')}
            placeholder={t('compose.unitsPlaceholder')}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={unitIds}
            onChange={setUnitIds}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('compose.nothing')}
            comboboxProps={{ withinPortal: true }}
            data-testid="ann-units"
          />
          <MultiSelect
            label={t('compose.groups')}
            placeholder={t('compose.groupsPlaceholder')}
            data={(groups.data ?? []).map((g) => ({
              value: g.id,
              label: t('compose.groupLabel', { name: g.name, count: g.memberCount }),
            }))}
            value={groupIds}
            onChange={setGroupIds}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('compose.nothing')}
            comboboxProps={{ withinPortal: true }}
            data-testid="ann-groups"
          />
          {(interactionGroups.data?.length ?? 0) > 0 && (
            <MultiSelect
              label={t('compose.interactionGroups')}
              placeholder={t('compose.interactionGroupsPlaceholder')}
              data={(interactionGroups.data ?? []).map((g) => ({
                value: g.id,
                label: t('compose.groupLabel', { name: g.name, count: g.reach }),
              }))}
              value={interactionGroupIds}
              onChange={setInteractionGroupIds}
              searchable
              clearable
              hidePickedOptions
              nothingFoundMessage={t('compose.nothing')}
              comboboxProps={{ withinPortal: true }}
              data-testid="ann-interaction-groups"
            />
          )}
          {errors.recipients && (
            <Text size="sm" c="red" role="alert" data-testid="ann-recipients-error">
              {errors.recipients}
            </Text>
          )}
        </Stack>
        <FileDrop value={files} onChange={setFiles} onBusyChange={setUploading} data-testid="ann-files" />
        {errors.files && (
          <Text size="sm" c="red" role="alert">
            {errors.files}
          </Text>
        )}
        {smsEnabled && (
          <Switch
            label={t('compose.sms')}
            description={t('compose.smsHint')}
            checked={sms}
            onChange={(e) => setSms(e.currentTarget.checked)}
            error={errors.sms}
            data-testid="ann-sms"
          />
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconSend size={16} aria-hidden />}
            loading={send.isPending}
            disabled={uploading}
            fullWidth={isPhone}
            data-testid="ann-send"
          >
            {t('compose.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
