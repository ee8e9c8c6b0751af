import type { AreaInput } from '../../db/analysis-inputs';
import { NotFoundError } from '../../domain/errors';
import type { Principal } from '../../domain/principal';
import { inScope, scopePrefix } from '../../domain/scopes';
import type { AnalysisModel } from './model';

/**
 * Which buildings an answer may show: those inside the caller's scope and, when an area is
 * asked for, inside it. An area outside the scope answers 404 exactly like an unknown one.
 */
export interface AnswerArea {
  area: { code: string; name: string } | null;
  include: Uint8Array;
  /** True for an admin-area or grid code the answer covers (its area, inside the scope). */
  contains(code: string): boolean;
}

/** The admin area asked for, if the caller may see it; 404 otherwise. */
export function visibleArea(model: AnalysisModel, principal: Principal, code: string): AreaInput {
  const area = model.areas.get(code);
  if (!area || !inScope(code, principal.scopes)) {
    throw new NotFoundError(`There is no admin area ${code} in your scope.`);
  }
  return area;
}

export function answerArea(model: AnalysisModel, principal: Principal, code?: string): AnswerArea {
  const area = code === undefined ? null : visibleArea(model, principal, code);
  const prefix = area ? scopePrefix(area.code) : '';
  const contains = (code: string) => code.startsWith(prefix) && inScope(code, principal.scopes);
  const include = Uint8Array.from(model.buildings, (b) => (contains(b.gridCode) ? 1 : 0));
  return { area: area ? { code: area.code, name: area.name } : null, include, contains };
}
