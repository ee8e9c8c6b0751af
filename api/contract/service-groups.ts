import type { ServiceCategory } from './codes';

/** Colour groups of the life-circle facilities: twenty categories are too many colours to read. */
export const SERVICE_GROUPS = [
  'governance',
  'health',
  'elderly',
  'education',
  'commerce',
  'safety',
  'culture',
] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];

/** Which group each service category is drawn in (a Record, so a new category must be placed). */
export const SERVICE_GROUP_OF: Record<ServiceCategory, ServiceGroup> = {
  party_service_center: 'governance',
  mediation_center: 'governance',
  health_center: 'health',
  health_station: 'health',
  pharmacy: 'health',
  elderly_care: 'elderly',
  elderly_canteen: 'elderly',
  nursery: 'education',
  kindergarten: 'education',
  primary_school: 'education',
  middle_school: 'education',
  supermarket: 'commerce',
  convenience_store: 'commerce',
  breakfast: 'commerce',
  parcel_station: 'commerce',
  fire_station: 'safety',
  first_aid: 'safety',
  police_room: 'safety',
  culture_center: 'culture',
  fitness: 'culture',
};

/** The categories of one group, in catalog order. */
export function categoriesOf(group: ServiceGroup): ServiceCategory[] {
  return (Object.keys(SERVICE_GROUP_OF) as ServiceCategory[]).filter(
    (category) => SERVICE_GROUP_OF[category] === group,
  );
}
