import type { Completeness, CompletenessQuery } from '../../contract/analysis';
import { BASIC_CATEGORIES, CIRCLE_DISTANCE_M, CIRCLE_RULES } from '../../contract/life-circle';
import { completenessByGroup, type Requirement } from '../../domain/walking/completeness';
import type { AnswerArea } from './area-filter';
import { categoryDistances } from './engine';
import type { AnalysisModel } from './model';

/**
 * The basic categories a circle requires, each within its own circle's distance; `all` is the
 * whole 15-minute life circle (every basic category of the 5-, 10- and 15-minute circles).
 */
export function requirementsOf(
  model: AnalysisModel,
  circle: CompletenessQuery['circle'],
  distanceOf = (category: Requirement['category']) => categoryDistances(model, category),
): Requirement[] {
  return BASIC_CATEGORIES.filter((c) => circle === 'all' || CIRCLE_RULES[c].circle === circle).map(
    (category) => ({
      category,
      limit: CIRCLE_DISTANCE_M[CIRCLE_RULES[category].circle],
      distance: distanceOf(category),
    }),
  );
}

/** Completeness per community or grid for the answer's buildings. */
export function completenessOf(
  model: AnalysisModel,
  query: CompletenessQuery,
  answer: AnswerArea,
): Completeness {
  const required = requirementsOf(model, query.circle);
  const groupOf = model.buildings.map((b) => (query.by === 'grid' ? b.gridCode : b.communityCode));
  const result = completenessByGroup(model.demand.population, groupOf, answer.include, required);
  return {
    circle: query.circle,
    area: answer.area,
    population: result.population,
    complete: result.complete,
    share:
      result.population === 0 ? 1 : Math.round((result.complete / result.population) * 1000) / 1000,
    basicCategories: required.map((r) => r.category),
    rows: result.groups.map((g) => ({ ...g, name: model.areas.get(g.code)?.name ?? g.code })),
  };
}
