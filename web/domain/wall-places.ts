import type { AdminAreaCollection } from '../server-state/admin-areas';

/** A street with its communities, for the area selector. */
export interface StreetOption {
  code: string;
  name: string;
  communities: { code: string; name: string }[];
}

/** Names of the district, its streets and communities, by code. */
export function placeNames(areas: AdminAreaCollection | undefined): ReadonlyMap<string, string> {
  return new Map((areas?.features ?? []).map((f) => [f.properties.code, f.properties.name]));
}

/** Streets in code order, each with its communities: the choices of the area filter. */
export function areaOptions(areas: AdminAreaCollection | undefined): StreetOption[] {
  const features = areas?.features ?? [];
  return features
    .filter((f) => f.properties.level === 'street')
    .map((street) => ({
      code: street.properties.code,
      name: street.properties.name,
      communities: features
        .filter((f) => f.properties.parent_code === street.properties.code)
        .map((c) => ({ code: c.properties.code, name: c.properties.name }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** True when a record of a street and community lies in the area (null: the whole scope). */
export function inScope(
  record: { streetCode: string; communityCode: string | null },
  areaCode: string | null,
): boolean {
  return areaCode === null || record.streetCode === areaCode || record.communityCode === areaCode;
}
