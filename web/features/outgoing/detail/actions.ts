import {
  IconArrowBackUp,
  IconBan,
  IconCheck,
  IconEdit,
  IconFileStack,
  IconReplace,
  IconRubberStamp,
  IconSend,
  IconSignature,
  IconTruckDelivery,
  IconTruckReturn,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { TOutgoingAbilities, TOutgoingDetail } from '../../../../contracts/outgoing';

/** Every action the outgoing view may offer; the name is also the test id suffix (`outgoing-action-<name>`). */
export type TOutgoingActionName =
  | 'edit'
  | 'version'
  | 'submit'
  | 'approve'
  | 'return'
  | 'cancel'
  | 'issue'
  | 'send'
  | 'recall'
  | 'replace';

export interface OutgoingActionDef {
  name: TOutgoingActionName;
  ability: Exclude<keyof TOutgoingAbilities, 'submitNeedsSigner'>;
  icon: ComponentType<{ size?: number }>;
  primary?: boolean;
  danger?: boolean;
  /** i18n key suffix of the label when it differs from the name (approve at the last step: "Ký"). */
  label?: string;
}

const ACTIONS: OutgoingActionDef[] = [
  { name: 'approve', ability: 'approve', icon: IconCheck, primary: true },
  { name: 'submit', ability: 'submit', icon: IconSend, primary: true },
  { name: 'issue', ability: 'issue', icon: IconRubberStamp, primary: true },
  { name: 'send', ability: 'send', icon: IconTruckDelivery, primary: true },
  { name: 'edit', ability: 'update', icon: IconEdit },
  { name: 'version', ability: 'addVersion', icon: IconFileStack },
  { name: 'replace', ability: 'replace', icon: IconReplace },
  { name: 'return', ability: 'return', icon: IconArrowBackUp, danger: true },
  { name: 'recall', ability: 'recall', icon: IconTruckReturn, danger: true },
  { name: 'cancel', ability: 'cancel', icon: IconBan, danger: true },
];

/** True when the reviewer's step is the last one: approving it signs the document. */
export function isSigningStep(doc: Pick<TOutgoingDetail, 'currentStep' | 'steps'>): boolean {
  return doc.steps.length > 0 && doc.currentStep === doc.steps.length - 1;
}

/** The actions the server allows now (never a rule of our own); "Duyệt" becomes "Ký" at the signer's step. */
export function allowedOutgoingActions(doc: TOutgoingDetail): OutgoingActionDef[] {
  return ACTIONS.filter((a) => doc.abilities[a.ability]).map((a) =>
    a.name === 'approve' && isSigningStep(doc) ? { ...a, icon: IconSignature, label: 'sign' } : a,
  );
}
