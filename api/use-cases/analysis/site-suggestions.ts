import type { SiteSuggestions } from '../../contract/analysis';
import type { ServiceCategory } from '../../contract/codes';
import { attachPoints } from '../../domain/walking/attach';
import { toLngLat } from '../../domain/walking/projection';
import {
  candidateCovers,
  greedyPicks,
  nodeCovers,
  type Unserved,
} from '../../domain/walking/site-selection';
import { coveredPopulation } from '../../domain/walking/coverage';
import type { AnswerArea } from './area-filter';
import { categoryDistances } from './engine';
import { type AnalysisModel, projectPoints } from './model';

/**
 * Up to k new sites for a category, chosen greedily for the most newly covered residents of the
 * answer's area: network nodes by default, or the planner's own candidate points.
 */
export function suggestSites(
  model: AnalysisModel,
  category: ServiceCategory,
  distance: number,
  k: number,
  answer: AnswerArea,
  candidates?: readonly { lng: number; lat: number }[],
): Omit<SiteSuggestions, 'suggestions'> & {
  picks: { lng: number; lat: number; gain: number; cumulative: number }[];
} {
  const walking = categoryDistances(model, category);
  const eligible = new Uint8Array(model.demand.count);
  for (let b = 0; b < eligible.length; b++)
    eligible[b] = answer.include[b] && walking[b]! > distance ? 1 : 0;
  const demand: Unserved = {
    buildings: model.buildingAttach,
    population: model.demand.population,
    eligible,
  };
  const coveredBefore = coveredPopulation(model.demand, walking, distance, answer.include);
  let population = 0;
  for (let b = 0; b < eligible.length; b++)
    if (answer.include[b]) population += model.demand.population[b]!;
  let positionOf: (candidate: number) => [number, number];
  let covers: Map<number, number[]>;
  if (candidates) {
    const { x, y } = projectPoints(model.network, candidates);
    covers = candidateCovers(model.network, demand, attachPoints(model.network, x, y), distance);
    positionOf = (c) => [candidates[c]!.lng, candidates[c]!.lat];
  } else {
    covers = nodeCovers(model.network, demand, distance);
    positionOf = (n) =>
      toLngLat(model.network.projection, model.network.nodeX[n]!, model.network.nodeY[n]!);
  }
  const picks = greedyPicks(covers, model.demand.population, k).map((pick) => {
    const [lng, lat] = positionOf(pick.candidate);
    return {
      lng: round7(lng),
      lat: round7(lat),
      gain: pick.gain,
      cumulative: coveredBefore + pick.cumulative,
    };
  });
  return { category, distance, area: answer.area, population, coveredBefore, picks };
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
