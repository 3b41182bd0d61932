import { Badge, Code, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { TCatalogEntry, TDocumentType, TIssuingOrgan } from '../../../contracts/catalogs';
import type { CatalogKind, CatalogRow } from './api';

/** One column of a list; `sort` names the server-side sort it toggles. */
export interface Column {
  key: string;
  label: string;
  sort?: string;
  render: (row: CatalogRow) => ReactNode;
}

/** Default sort of each list: the ND30 order for types, rank for levels, name for organs. */
export const DEFAULT_SORT: Record<CatalogKind, string> = {
  'document-types': 'sortOrder',
  'issuing-organs': 'name',
  confidentiality: 'rank',
  urgency: 'rank',
  field: 'rank',
};

const none = (t: TFunction) => (
  <Text span c="dimmed" size="sm">
    {t('catalogs:none')}
  </Text>
);

/** "Đang sử dụng" / "Ngừng sử dụng". */
export function StatusBadge({ active, t }: { active: boolean; t: TFunction }) {
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'} radius="sm" tt="none" fw={500} style={{ flexShrink: 0 }}>
      {active ? t('catalogs:status.active') : t('catalogs:status.inactive')}
    </Badge>
  );
}

/** The columns of a list (the status and action columns are added by the list). */
export function columnsFor(kind: CatalogKind, t: TFunction): Column[] {
  if (kind === 'document-types') {
    const row = (r: CatalogRow) => r as TDocumentType;
    return [
      {
        key: 'name',
        label: t('catalogs:columns.typeName'),
        sort: 'name',
        render: (r) => <Text fw={600}>{r.name}</Text>,
      },
      {
        key: 'abbreviation',
        label: t('catalogs:columns.abbreviation'),
        sort: 'abbreviation',
        render: (r) => (row(r).abbreviation ? <Code fz="sm">{row(r).abbreviation}</Code> : none(t)),
      },
      { key: 'sortOrder', label: t('catalogs:columns.sortOrder'), sort: 'sortOrder', render: (r) => row(r).sortOrder },
    ];
  }
  if (kind === 'issuing-organs') {
    const row = (r: CatalogRow) => r as TIssuingOrgan;
    return [
      {
        key: 'name',
        label: t('catalogs:columns.organName'),
        sort: 'name',
        render: (r) => <Text fw={600}>{r.name}</Text>,
      },
      {
        key: 'shortName',
        label: t('catalogs:columns.shortName'),
        sort: 'shortName',
        render: (r) => row(r).shortName ?? none(t),
      },
      { key: 'organId', label: t('catalogs:columns.organId'), render: (r) => row(r).organId ?? none(t) },
      { key: 'email', label: t('catalogs:columns.email'), render: (r) => row(r).email ?? none(t) },
    ];
  }
  const row = (r: CatalogRow) => r as TCatalogEntry;
  return [
    {
      key: 'name',
      label: t('catalogs:columns.entryName'),
      sort: 'name',
      render: (r) => <Text fw={600}>{r.name}</Text>,
    },
    { key: 'code', label: t('catalogs:columns.code'), sort: 'code', render: (r) => <Code fz="sm">{row(r).code}</Code> },
    { key: 'rank', label: t('catalogs:columns.rank'), sort: 'rank', render: (r) => row(r).rank },
  ];
}
