import type { ImportProblem } from '../../contract/imports';

/** Where a problem is: the feature's index and CSV row, and our field when there is one. */
export interface ProblemPlace {
  index: number | null;
  row: number | null;
  field?: string | null;
}

/** An error in the file: the row (or, with skipInvalid, the file) cannot be imported. */
export function importError(
  place: ProblemPlace,
  code: string,
  zh: string,
  en: string,
  suggestion: string | null = null,
): ImportProblem {
  return problem(place, 'error', code, zh, en, suggestion);
}

/** A warning: the row is imported, and the person should know what was done to it. */
export function importWarning(
  place: ProblemPlace,
  code: string,
  zh: string,
  en: string,
): ImportProblem {
  return problem(place, 'warning', code, zh, en, null);
}

function problem(
  place: ProblemPlace,
  severity: ImportProblem['severity'],
  code: string,
  zh: string,
  en: string,
  suggestion: string | null,
): ImportProblem {
  return {
    index: place.index,
    row: place.row,
    field: place.field ?? null,
    severity,
    code,
    message: en ? `${zh} ${en}` : zh,
    suggestion,
  };
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly ImportProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** The indexes of features with at least one error. */
export function failedIndexes(problems: readonly ImportProblem[]): Set<number> {
  return new Set(
    problems.filter((p) => p.severity === 'error' && p.index !== null).map((p) => p.index!),
  );
}
