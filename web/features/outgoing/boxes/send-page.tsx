import { useTranslation } from 'react-i18next';
import { BoxesPage } from './boxes-page';

/** Gửi văn bản đi (Điều 3.1b): the clerk's signed documents to issue and send, and those issued. */
export default function OutgoingSendPage() {
  const { t } = useTranslation('outgoing');
  return (
    <BoxesPage
      config={{ functionId: 'outgoing-send', boxes: ['toIssue', 'issued'], description: t('boxes.description.send') }}
    />
  );
}
