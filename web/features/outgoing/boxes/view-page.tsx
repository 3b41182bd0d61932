import { useTranslation } from 'react-i18next';
import { BoxesPage } from './boxes-page';

/** Xem văn bản đi (Điều 3.1b, 4.3): every work box of outgoing documents. */
export default function OutgoingViewPage() {
  const { t } = useTranslation('outgoing');
  return (
    <BoxesPage
      config={{
        functionId: 'outgoing-view',
        boxes: ['drafts', 'review', 'toIssue', 'issued', 'info', 'tracking'],
        description: t('boxes.description.view'),
      }}
    />
  );
}
