import type { TFlowInput } from '../../../../contracts/outgoing';
import type { ApproverPick } from './approver-pickers';

/** The pure rules of the approval flow designer: steps as edited, their order, the body sent. */

/** A step as the designer edits it. */
export interface StepDraft {
  key: number;
  label: string;
  mode: 'any' | 'all';
  approvers: ApproverPick[];
}

let stepKey = 0;
/** A new step with a fresh local key. */
export function newStep(label = ''): StepDraft {
  stepKey += 1;
  return { key: stepKey, label, mode: 'any', approvers: [] };
}

/** "Every type" is stored as null; the Select needs a value for it. */
export const ALL_TYPES = 'all';

/** Moves item `i` of a list by `delta` places. */
export function moveItem<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** The body of POST/PUT /api/outgoing/flows; errors name what is missing (i18n keys under flows.errors). */
export function flowBody(
  unitId: string,
  name: string,
  typeId: string,
  steps: StepDraft[],
): { body: TFlowInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!name.trim()) errors.name = 'name';
  if (steps.length === 0) errors.steps = 'steps';
  steps.forEach((s, i) => {
    if (!s.label.trim()) errors[`steps.${i}.label`] = 'label';
    if (s.approvers.length === 0) errors[`steps.${i}.approvers`] = 'approvers';
  });
  if (Object.keys(errors).length > 0) return { body: null, errors };
  return {
    body: {
      unitId,
      documentTypeId: typeId === ALL_TYPES ? null : typeId,
      name: name.trim(),
      steps: steps.map((s) => ({
        label: s.label.trim(),
        mode: s.mode,
        approvers: s.approvers.map((a) => ({ kind: a.kind, refId: a.refId })),
      })),
    },
    errors,
  };
}
