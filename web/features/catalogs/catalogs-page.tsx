import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { CATALOG_KINDS, type CatalogKind } from './api';
import { CatalogList } from './catalog-list';
import classes from './catalogs.module.css';

/**
 * Function "Danh mục chuẩn văn bản" (Điều 3.6f): document types, issuing organs,
 * confidentiality levels, urgency levels and fields, one tab each.
 */
export default function CatalogsPage() {
  const { t } = useTranslation(['catalogs', 'functions']);
  const [tab, setTab] = useState<CatalogKind>('document-types');
  return (
    <div data-testid="page-admin-catalogs">
      <PageHeader title={t('functions:admin-catalogs')} description={t('catalogs:description')} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as CatalogKind)}>
        <Tabs.List mb="md" className={classes.tabs}>
          {CATALOG_KINDS.map((kind) => (
            <Tabs.Tab key={kind} value={kind} data-testid={`catalogs-tab-${kind}`}>
              {t(`catalogs:tabs.${kind}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {CATALOG_KINDS.map((kind) => (
          <Tabs.Panel key={kind} value={kind}>
            <CatalogList kind={kind} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </div>
  );
}
