import { useTranslation } from 'react-i18next';
import { ActionBar as SharedActionBar } from '../../../components/action-bar';
import type { ActionDef, TActionName } from './actions';

function labelKey(action: ActionDef, answering: boolean, short = false): string {
  const name = action.name === 'opinion' && answering ? 'answer' : action.name;
  return `actions.${name}.${short ? 'short' : 'button'}`;
}

/**
 * The buttons of the actions the user may take (the shared ActionBar), so a leader reading on a
 * phone always has "Cho ý kiến chỉ đạo" under the thumb.
 */
export function ActionBar(props: { actions: ActionDef[]; answering: boolean; onPick: (name: TActionName) => void }) {
  const { actions, answering, onPick } = props;
  const { t } = useTranslation('incomingDetail');
  return (
    <SharedActionBar
      actions={actions}
      onPick={onPick}
      label={(a, short) => t(labelKey(a, answering, short))}
      moreLabel={t('actions.more')}
      testIds={{ bar: 'doc-actions', action: 'action-' }}
    />
  );
}
