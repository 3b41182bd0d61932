import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../../components/action-bar';
import type { OutgoingActionDef, TOutgoingActionName } from './actions';

const labelKey = (a: OutgoingActionDef, short = false) => `actions.${a.label ?? a.name}.${short ? 'short' : 'button'}`;

/** The buttons of the actions the user may take (the shared ActionBar). */
export function OutgoingActionBar(props: {
  actions: OutgoingActionDef[];
  onPick: (name: TOutgoingActionName) => void;
}) {
  const { actions, onPick } = props;
  const { t } = useTranslation('outgoing');
  return (
    <ActionBar
      actions={actions}
      onPick={onPick}
      label={(a, short) => t(labelKey(a, short))}
      moreLabel={t('actions.more')}
      testIds={{ bar: 'outgoing-actions', action: 'outgoing-action-' }}
    />
  );
}
