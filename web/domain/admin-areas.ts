import type { AdminLevel } from '../../api/contract/codes';
import type { AdminAreaCollection, AdminAreaFeature } from '../server-state/admin-areas';

/** The admin areas of one level. */
export function selectAdminLevel(
  collection: AdminAreaCollection,
  level: AdminLevel,
): AdminAreaFeature[] {
  return collection.features.filter((feature) => feature.properties.level === level);
}
