/** A label pair: Chinese first (the operators' language), English beneath or after. */
export interface LabelPair {
  zh: string;
  en: string;
}
