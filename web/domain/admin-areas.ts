import type { AdminLevel } from '../../api/contract/codes';
import type { AdminAreaCollection, AdminAreaFeature } from '../api/admin-areas';
import { labelPointOf } from './geometry';

/** A name to draw at a point. */
export interface AreaLabel {
  code: string;
  name: string;
  position: [number, number];
}

/** The admin areas of one level. */
export function selectAdminLevel(
  collection: AdminAreaCollection,
  level: AdminLevel,
): AdminAreaFeature[] {
  return collection.features.filter((feature) => feature.properties.level === level);
}

/** One label per area that has a usable geometry. */
export function labelAreas(features: readonly AdminAreaFeature[]): AreaLabel[] {
  return features.flatMap((feature) => {
    const position = labelPointOf(feature.geometry);
    return position
      ? [{ code: feature.properties.code, name: feature.properties.name, position }]
      : [];
  });
}
