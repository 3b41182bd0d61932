import type { TIncomingDetail } from '../../../../../contracts/incoming';
import type { useIncomingActions } from '../../api';

/** The mutations of one document (useIncomingActions), shared by its action forms. */
export type IncomingActions = ReturnType<typeof useIncomingActions>;

/** What every action form gets: the document, its mutations, and what to do when it closes. */
export interface ActionFormProps {
  doc: TIncomingDetail;
  actions: IncomingActions;
  onCancel: () => void;
  onDone: () => void;
}
