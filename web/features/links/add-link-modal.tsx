import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Paper,
  Radio,
  ScrollArea,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LINK_NOTE_MAX,
  LINK_RELATIONS,
  type TDocumentKind,
  type TDocumentSummary,
  type TLinkRelation,
} from '../../../contracts/links';
import { hasErrorCode } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { useCreateLink, useLinkSearch } from './api';
import { documentLine } from './link-format';

/**
 * Thêm liên kết: choose the kind, find a document (subject without diacritics, or number), the
 * relation and its direction; the sentence below says what will be recorded.
 */
export function AddLinkModal({
  opened,
  onClose,
  root,
  kinds,
}: {
  opened: boolean;
  onClose: () => void;
  root: TDocumentSummary;
  kinds: TDocumentKind[];
}) {
  const { t } = useTranslation(['links', 'errors', 'common']);
  const isPhone = useIsPhone();
  const [kind, setKind] = useState<TDocumentKind>(root.kind);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [chosen, setChosen] = useState<TDocumentSummary | null>(null);
  const [relation, setRelation] = useState<TLinkRelation>('related');
  const [reverse, setReverse] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateLink();
  const search = useLinkSearch(kind, q, opened);
  const results = (search.data ?? []).filter((d) => !(d.kind === root.kind && d.id === root.id));

  useEffect(() => {
    if (!opened) return;
    setText('');
    setChosen(null);
    setRelation('related');
    setReverse(false);
    setNote('');
    setError(null);
  }, [opened]);

  const relationWord = t(`relations.${relation}`);
  const thisDoc = t('modal.thisDocument');
  const preview = chosen
    ? reverse
      ? t('node.sentence', { from: chosen.title, relation: relationWord, to: thisDoc })
      : t('node.sentence', { from: thisDoc, relation: relationWord, to: chosen.title })
    : null;

  const submit = () => {
    if (!chosen) {
      setError(t('modal.chooseFirst'));
      return;
    }
    const self = { kind: root.kind, id: root.id };
    const other = { kind: chosen.kind, id: chosen.id };
    create.mutate(
      {
        from: reverse ? other : self,
        to: reverse ? self : other,
        relation,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('modal.created') });
          onClose();
        },
        onError: (e) => setError(hasErrorCode(e, 'DUPLICATE') ? t('modal.duplicate') : errorMessage(t, e)),
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('modal.title')}
      size="lg"
      fullScreen={isPhone}
      data-testid="link-modal"
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap={isPhone ? 'wrap' : 'nowrap'}>
          <Select
            label={t('modal.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={kind}
            onChange={(v) => {
              if (!v) return;
              setKind(v as TDocumentKind);
              setChosen(null);
            }}
            allowDeselect={false}
            w={isPhone ? '100%' : 200}
            comboboxProps={{ withinPortal: true }}
            data-testid="link-kind"
          />
          <TextInput
            label={t('modal.search')}
            placeholder={t('modal.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={search.isFetching ? <Loader size={14} /> : undefined}
            style={{ flex: 1 }}
            w={isPhone ? '100%' : undefined}
            data-autofocus
            data-testid="link-search"
          />
        </Group>
        <ScrollArea.Autosize mah={isPhone ? 300 : 280} type="auto">
          <Radio.Group
            value={chosen ? `${chosen.kind}:${chosen.id}` : null}
            onChange={(v) => {
              setChosen(results.find((d) => `${d.kind}:${d.id}` === v) ?? null);
              setError(null);
            }}
            aria-label={t('modal.results')}
          >
            <Stack gap={6}>
              {results.length === 0 && !search.isFetching && (
                <Text size="sm" c="dimmed">
                  {t('modal.nothing')}
                </Text>
              )}
              {results.map((d) => (
                <Paper
                  key={`${d.kind}:${d.id}`}
                  withBorder
                  radius="sm"
                  px="sm"
                  py={6}
                  bg={chosen?.id === d.id ? 'var(--mantine-color-blue-light)' : undefined}
                  data-testid="link-result"
                >
                  <Radio
                    value={`${d.kind}:${d.id}`}
                    label={
                      <Stack gap={0}>
                        <Text size="sm" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                          {d.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {documentLine(t, d)}
                        </Text>
                      </Stack>
                    }
                  />
                </Paper>
              ))}
            </Stack>
          </Radio.Group>
        </ScrollArea.Autosize>
        <Select
          label={t('modal.relation')}
          data={LINK_RELATIONS.map((r) => ({ value: r, label: t(`modal.relationOptions.${r}`) }))}
          value={relation}
          onChange={(v) => v && setRelation(v as TLinkRelation)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="link-relation-select"
        />
        <Checkbox
          label={t('modal.reverse', { relation: relationWord })}
          checked={reverse}
          onChange={(e) => setReverse(e.currentTarget.checked)}
        />
        {preview && (
          <Paper withBorder radius="sm" p="xs" bg="gray.0" data-testid="link-preview">
            <Text size="xs" c="dimmed">
              {t('modal.preview')}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {preview}
            </Text>
          </Paper>
        )}
        <Textarea
          label={t('modal.note')}
          placeholder={t('modal.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={LINK_NOTE_MAX}
          autosize
          minRows={1}
          maxRows={4}
        />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="link-submit">
            {t('modal.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
