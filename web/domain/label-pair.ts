/** A label pair: Chinese first (the operators' language), English beneath or after. */
export type { LabelPair } from '../../api/contract/labels';
