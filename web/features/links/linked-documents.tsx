import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Divider,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconLinkOff, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDocumentKind, TLinkNode } from '../../../contracts/links';
import { errorMessage } from '../../app/errors';
import { formatDate } from '../../app/format';
import { ConfirmModal } from '../../components/confirm-modal';
import { AddLinkModal } from './add-link-modal';
import { linkTreeQuery, useRemoveLink } from './api';
import { documentLine, RELATION_COLORS } from './link-format';

interface TreeItem {
  node: TLinkNode;
  children: TreeItem[];
}

/** Nests the server's flat, breadth-first list under the link that reached each parent. */
function nest(nodes: TLinkNode[]): TreeItem[] {
  const byLink = new Map<string, TreeItem>();
  const roots: TreeItem[] = [];
  for (const node of nodes) {
    const item = { node, children: [] };
    byLink.set(node.linkId, item);
    const parent = node.parentLinkId ? byLink.get(node.parentLinkId) : undefined;
    (parent ? parent.children : roots).push(item);
  }
  return roots;
}

function Node({
  item,
  parentTitle,
  onRemove,
}: {
  item: TreeItem;
  parentTitle: string;
  onRemove: (node: TLinkNode) => void;
}) {
  const { t } = useTranslation('links');
  const navigate = useNavigate();
  const { node } = item;
  const d = node.document;
  const relation = t(`relations.${node.relation}`);
  const sentence =
    node.direction === 'in'
      ? t('node.sentence', { from: d.title, relation, to: parentTitle })
      : t('node.sentence', { from: parentTitle, relation, to: d.title });
  return (
    <Stack gap={6} component="li" data-testid="link-node" data-kind={d.kind} data-relation={node.relation}>
      <Paper withBorder radius="sm" px="sm" py={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Box style={{ flex: 1, minWidth: 0 }}>
            <Group gap={6} wrap="wrap" mb={2}>
              <Tooltip label={sentence} multiline maw={360} withinPortal>
                <Badge
                  size="sm"
                  radius="sm"
                  variant="light"
                  color={RELATION_COLORS[node.relation]}
                  styles={{ label: { textTransform: 'none' } }}
                  data-testid="link-relation"
                >
                  {t(`node.${node.direction}.${node.relation}`)}
                </Badge>
              </Tooltip>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {documentLine(t, d)}
              </Text>
            </Group>
            <UnstyledButton
              onClick={() => void navigate({ href: d.link })}
              aria-label={t('open', { title: d.title })}
              style={{ display: 'block', maxWidth: '100%' }}
            >
              <Text size="sm" fw={500} c="blue.8" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                {d.title}
              </Text>
            </UnstyledButton>
            {node.note && (
              <Text size="xs" c="dimmed" fs="italic" mt={2} style={{ overflowWrap: 'anywhere' }}>
                {node.note}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              {t('createdBy', { name: node.createdBy, date: formatDate(node.createdAt) })}
            </Text>
          </Box>
          {node.canRemove && (
            <Tooltip label={t('removeTitle')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => onRemove(node)}
                aria-label={t('remove', { title: d.title })}
                data-testid="link-remove"
              >
                <IconLinkOff size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Paper>
      {item.children.length > 0 && (
        <Stack
          gap={6}
          component="ul"
          m={0}
          pl="sm"
          ml={6}
          style={{ listStyle: 'none', borderLeft: '2px solid var(--mantine-color-gray-3)' }}
        >
          {item.children.map((child) => (
            <Node key={child.node.linkId} item={child} parentTitle={d.title} onRemove={onRemove} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * Văn bản liên kết: the tree of every document linked to this one (both ways, five links deep,
 * only documents the user may see), each with its relation; "Thêm liên kết" searches documents
 * of any kind and links them. A section any document view can embed.
 */
export function LinkedDocuments({ kind, id }: { kind: TDocumentKind; id: string }) {
  const { t } = useTranslation(['links', 'errors', 'common']);
  const tree = useQuery(linkTreeQuery(kind, id));
  const remove = useRemoveLink();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TLinkNode | null>(null);
  const count = tree.data?.nodes.length ?? 0;

  return (
    <Stack gap="xs" data-testid="linked-documents">
      <Divider
        label={
          <Group gap={6} wrap="nowrap">
            <IconLink size={14} aria-hidden />
            <Text size="sm" fw={700} c="dark.6">
              {count ? t('titleCount', { count }) : t('title')}
            </Text>
          </Group>
        }
        labelPosition="left"
      />
      {tree.isPending && <Skeleton h={40} />}
      {tree.isError && (
        <Alert color="red" variant="light" role="alert">
          <Group gap="xs" justify="space-between">
            <Text size="sm">{t('loadError')}</Text>
            <Button size="xs" variant="light" onClick={() => void tree.refetch()}>
              {t('common:actions.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      {tree.data && (
        <>
          {count === 0 ? (
            <Text size="sm" c="dimmed" data-testid="links-empty">
              {t('empty')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="link-tree">
              {nest(tree.data.nodes).map((item) => (
                <Node key={item.node.linkId} item={item} parentTitle={tree.data.root.title} onRemove={setRemoving} />
              ))}
            </Stack>
          )}
          {tree.data.truncated && (
            <Text size="xs" c="orange.8">
              {t('truncated', { count })}
            </Text>
          )}
          {tree.data.canLink && (
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setAdding(true)}
                data-testid="link-add"
              >
                {t('add')}
              </Button>
            </Group>
          )}
          <AddLinkModal
            opened={adding}
            onClose={() => setAdding(false)}
            root={tree.data.root}
            kinds={tree.data.kinds}
          />
        </>
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('removeTitle')}
        body={t('removeBody')}
        confirmLabel={t('removeConfirm')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.linkId, {
            onSuccess: () => {
              setRemoving(null);
              notifications.show({ color: 'green', message: t('removed') });
            },
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
          });
        }}
      />
    </Stack>
  );
}
