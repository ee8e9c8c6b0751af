import type { Feature, FeatureCollection, Point } from 'geojson';
import type { BuildingAccessProperties, Coverage } from '../../contract/analysis';
import type { ServiceCategory } from '../../contract/codes';
import { summariseCoverage, coveredPopulation } from '../../domain/walking/coverage';
import type { AnswerArea } from './area-filter';
import { categoryDistances, categoryStraightLines, supplyOf } from './engine';
import type { AnalysisModel } from './model';

/** Rounds metres to a tenth; Infinity (no path) becomes null. */
export const metresOrNull = (m: number) => (Number.isFinite(m) ? Math.round(m * 10) / 10 : null);

/** The network version an answer was computed on. */
export const networkVersion = (model: AnalysisModel) => model.versions.roads ?? 0;

/** Coverage of one category within `distance` for the answer's buildings. */
export function coverageOf(
  model: AnalysisModel,
  category: ServiceCategory,
  distance: number,
  answer: AnswerArea,
  walking = categoryDistances(model, category),
  facilities = facilitiesIn(model, category, answer),
): Coverage {
  const figures = summariseCoverage(model.demand, walking, distance, answer.include);
  const straight = categoryStraightLines(model, category);
  return {
    category,
    distance,
    area: answer.area,
    ...figures,
    straightLine: {
      population: { covered: coveredPopulation(model.demand, straight, distance, answer.include) },
    },
    facilities,
    networkVersion: networkVersion(model),
  };
}

/** Facilities of a category inside the answer's area (today's layer). */
export function facilitiesIn(model: AnalysisModel, category: ServiceCategory, answer: AnswerArea) {
  return supplyOf(model, category).list.filter((f) => answer.contains(f.communityCode)).length;
}

/** Each answer building as a point with its walking distance (for the map to colour). */
export function buildingAccess(
  model: AnalysisModel,
  category: ServiceCategory,
  distance: number,
  answer: AnswerArea,
): FeatureCollection<Point, BuildingAccessProperties> {
  const walking = categoryDistances(model, category);
  const features: Feature<Point, BuildingAccessProperties>[] = [];
  model.buildings.forEach((b, i) => {
    if (!answer.include[i]) return;
    features.push({
      type: 'Feature',
      id: b.id,
      geometry: { type: 'Point', coordinates: [round7(b.lng), round7(b.lat)] },
      properties: {
        id: b.id,
        name: b.name,
        gridCode: b.gridCode,
        population: b.population,
        households: b.households,
        distanceM: metresOrNull(walking[i]!),
        covered: walking[i]! <= distance,
      },
    });
  });
  return { type: 'FeatureCollection', features };
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
