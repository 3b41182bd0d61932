import { useTranslation } from 'react-i18next';
import { BoxesPage } from './boxes-page';

/** Theo dõi hồi báo (Điều 3.1b): recipients that have not registered the document after N days, and every issued one. */
export default function OutgoingReceiptsPage() {
  const { t } = useTranslation('outgoing');
  return (
    <BoxesPage
      config={{
        functionId: 'outgoing-receipts',
        boxes: ['tracking', 'issued'],
        description: t('boxes.description.receipts'),
      }}
    />
  );
}
