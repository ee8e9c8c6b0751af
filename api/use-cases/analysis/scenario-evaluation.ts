import type { Coverage, ScenarioChange, ScenarioEvaluation } from '../../contract/analysis';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../contract/codes';
import { DISTANCE_LIMITS_M, categoryDistanceM } from '../../contract/life-circle';
import type { FacilityInput } from '../../db/analysis-inputs';
import { reachesAll, coveredPopulation } from '../../domain/walking/coverage';
import { applyChanges, type AppliedChanges } from '../../domain/walking/scenario-changes';
import { walkingDistances } from '../../domain/walking/shortest-paths';
import type { AnswerArea } from './area-filter';
import { requirementsOf } from './completeness';
import { coverageOf } from './coverage';
import { categoryDistances } from './engine';
import { type AnalysisModel, attachSupply } from './model';

/**
 * A scenario evaluated against today, reusing today's computation: untouched categories keep
 * their distances; a category that only gains facilities runs Dijkstra from the new ones alone
 * (bounded at 3 km) and keeps the better of old and new; only a category that loses or moves a
 * facility is computed again in full.
 */
export interface ScenarioResult {
  evaluation: ScenarioEvaluation;
  coverage: { before: Coverage; after: Coverage } | null;
  applied: AppliedChanges;
}

/** Distances per touched category with the scenario's facilities. */
function scenarioDistances(model: AnalysisModel, applied: AppliedChanges) {
  const after = new Map<ServiceCategory, Float64Array>();
  for (const category of applied.touched) {
    const base = categoryDistances(model, category);
    const list = (applied.onlyAdded.has(category) ? applied.added : applied.facilities).filter(
      (f) => f.category === category,
    ) as FacilityInput[];
    const supply = attachSupply(model.network, list);
    if (applied.onlyAdded.has(category)) {
      const extra = walkingDistances(
        model.network,
        supply.attach,
        model.buildingAttach,
        DISTANCE_LIMITS_M.max,
      );
      after.set(
        category,
        base.map((d, b) => Math.min(d, extra[b]!)),
      );
    } else {
      after.set(category, walkingDistances(model.network, supply.attach, model.buildingAttach));
    }
  }
  return after;
}

function completePopulation(
  model: AnalysisModel,
  answer: AnswerArea,
  after?: Map<ServiceCategory, Float64Array>,
) {
  const required = requirementsOf(
    model,
    'all',
    (c) => after?.get(c) ?? categoryDistances(model, c),
  );
  const complete = reachesAll(model.demand.count, required);
  let people = 0;
  for (let b = 0; b < complete.length; b++)
    if (answer.include[b] && complete[b]) people += model.demand.population[b]!;
  return people;
}

/** Evaluates changes for the answer's area; `focus` adds that category's full coverage. */
export function evaluateScenario(
  model: AnalysisModel,
  changes: readonly ScenarioChange[],
  answer: AnswerArea,
  focus?: { category: ServiceCategory; distance: number },
  everyCategory = false,
): ScenarioResult {
  const applied = applyChanges(model.facilities, changes);
  const after = scenarioDistances(model, applied);
  const shown = new Set([
    ...(everyCategory ? SERVICE_CATEGORIES : applied.touched),
    ...(focus ? [focus.category] : []),
  ]);
  const categories = [...shown].sort().map((category) => {
    const distance = categoryDistanceM(category);
    const base = categoryDistances(model, category);
    return {
      category,
      distance,
      before: coveredPopulation(model.demand, base, distance, answer.include),
      after: coveredPopulation(model.demand, after.get(category) ?? base, distance, answer.include),
    };
  });
  let population = 0;
  for (let b = 0; b < model.demand.count; b++)
    if (answer.include[b]) population += model.demand.population[b]!;
  const evaluation: ScenarioEvaluation = {
    population,
    categories,
    completeness: {
      before: completePopulation(model, answer),
      after: completePopulation(model, answer, after),
    },
  };
  const coverage = focus ? focusCoverage(model, applied, after, answer, focus) : null;
  return { evaluation, coverage, applied };
}

function focusCoverage(
  model: AnalysisModel,
  applied: AppliedChanges,
  after: Map<ServiceCategory, Float64Array>,
  answer: AnswerArea,
  focus: { category: ServiceCategory; distance: number },
) {
  const { category, distance } = focus;
  // Today's count in the area, plus what the scenario adds, less what it removes from it.
  const today = model.facilities.filter(
    (f) => f.category === category && answer.contains(f.communityCode),
  );
  const kept = new Set(applied.facilities.map((f) => f.code));
  const count =
    today.filter((f) => kept.has(f.code)).length +
    applied.added.filter((f) => f.category === category).length;
  return {
    before: coverageOf(model, category, distance, answer),
    after: coverageOf(model, category, distance, answer, after.get(category), count),
  };
}
