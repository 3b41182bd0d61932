import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBan,
  IconChartBar,
  IconCircleCheck,
  IconEdit,
  IconHelp,
  IconMessage,
  IconMessage2,
  IconSend,
  IconUserShare,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { TIncomingAbilities } from '../../../../contracts/incoming';

/** Every action a document view may offer; the name is also the test id suffix (`action-<name>`). */
export type TActionName =
  | 'direct'
  | 'forward-leader'
  | 'reassign'
  | 'complete'
  | 'progress'
  | 'opinion'
  | 'ask-opinion'
  | 'present'
  | 'forward'
  | 'update'
  | 'return'
  | 'cancel';

export interface ActionDef {
  name: TActionName;
  ability: Exclude<keyof TIncomingAbilities, 'answerRequestId'>;
  icon: ComponentType<{ size?: number }>;
  /** The main step of whoever holds it (filled button, first on a phone). */
  primary?: boolean;
  danger?: boolean;
}

/** In the order buttons appear: the main steps first, the clerk's corrections and refusals last. */
export const ACTIONS: ActionDef[] = [
  { name: 'direct', ability: 'direct', icon: IconMessage2, primary: true },
  { name: 'present', ability: 'present', icon: IconSend, primary: true },
  { name: 'complete', ability: 'complete', icon: IconCircleCheck, primary: true },
  { name: 'forward-leader', ability: 'forwardLeader', icon: IconUserShare },
  { name: 'reassign', ability: 'reassign', icon: IconUsers },
  { name: 'forward', ability: 'forward', icon: IconArrowForwardUp },
  { name: 'progress', ability: 'progress', icon: IconChartBar },
  { name: 'opinion', ability: 'opinion', icon: IconMessage },
  { name: 'ask-opinion', ability: 'askOpinion', icon: IconHelp },
  { name: 'update', ability: 'update', icon: IconEdit },
  { name: 'return', ability: 'return', icon: IconArrowBackUp, danger: true },
  { name: 'cancel', ability: 'cancel', icon: IconBan, danger: true },
];

/**
 * The actions the server allows now (never a rule of our own). An open opinion request to the
 * user makes "Cho ý kiến" a main step: they were asked a question.
 */
export function allowedActions(abilities: TIncomingAbilities): ActionDef[] {
  return ACTIONS.filter((a) => abilities[a.ability]).map((a) =>
    a.name === 'opinion' && abilities.answerRequestId ? { ...a, primary: true } : a,
  );
}
