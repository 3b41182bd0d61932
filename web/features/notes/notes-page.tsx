import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import NotesBoard from './notes-board';

/** Function "Tích kê điện tử" (Điều 3.2d): the user's own sticky notes. */
export default function NotesPage() {
  const { t } = useTranslation(['notes', 'functions']);
  return (
    <div data-testid="page-sticky-notes">
      <PageHeader title={t('functions:sticky-notes')} description={t('notes:description')} />
      <NotesBoard />
    </div>
  );
}
