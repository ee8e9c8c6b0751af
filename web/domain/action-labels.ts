import type { IncidentActionName } from '../../api/contract/incidents';
import type { LabelPair } from './label-pair';

/** The workflow actions as buttons name them. */
export const ACTION_LABELS: Record<IncidentActionName, LabelPair> = {
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  start: { zh: '开始处置', en: 'Start' },
  resolve: { zh: '处置完成', en: 'Resolve' },
  verify: { zh: '核查', en: 'Verify' },
  reopen: { zh: '重新办理', en: 'Reopen' },
  close: { zh: '结案', en: 'Close' },
  escalate: { zh: '上报升级', en: 'Escalate' },
  merge: { zh: '合并', en: 'Merge' },
  rate: { zh: '评价', en: 'Rate' },
};

/** What an action asks of the operator before it can be sent. */
export type ActionInput = 'none' | 'reason' | 'target' | 'rating';

/**
 * The input each action needs (the contract's `IncidentActionSchema`): a reason to reject or
 * reopen, the incident to merge into, a 1–5 satisfaction to rate; the others go in one click.
 */
export const ACTION_INPUTS: Record<IncidentActionName, ActionInput> = {
  accept: 'none',
  reject: 'reason',
  dispatch: 'none',
  start: 'none',
  resolve: 'none',
  verify: 'none',
  reopen: 'reason',
  close: 'none',
  escalate: 'none',
  merge: 'target',
  rate: 'rating',
};

/** The prompt of each kind of input. */
export const ACTION_INPUT_LABELS: Record<Exclude<ActionInput, 'none'>, LabelPair> = {
  reason: { zh: '原因', en: 'Reason' },
  target: { zh: '合并到事件编号', en: 'Merge into incident code' },
  rating: { zh: '满意度（1–5）', en: 'Satisfaction (1–5)' },
};
