import type { SeedScale } from '../../api/contract/codes';
import { adminAreaRows, gridRows } from './admin-areas';
import { buildingCount, buildingRows } from './buildings';
import { cameraRows, countCameras } from './cameras';
import { estimateIncidents, incidentDrafts } from './incidents';
import { countIotDevices, iotDeviceRows } from './iot-devices';
import { memberGridRows, memberRows } from './members';
import { buildModel, type DistrictModel } from './model';
import { waterAreaRows } from './river';
import { countRoads, roadRows } from './roads';
import { TABLE_ORDER, type RowBatch, type TableName, type TableRows } from './rows';
import { planServicePoints, servicePointRows } from './service-points';

/** Inputs of the generator: the same three values always give byte-identical output. */
export interface DistrictOptions {
  seed: number;
  scale: SeedScale;
  now: Date;
}

/** A generated district, ready to be streamed into the database. */
export interface DistrictPlan {
  /** Expected row count per table (exact or close), for the progress display. */
  estimate: Record<TableName, number>;
  /** Streams rows in TABLE_ORDER (foreign-key order), in batches of at most 1,000 rows. */
  batches(): Iterable<RowBatch>;
}

/** Largest number of rows in one batch. */
export const MAX_BATCH_ROWS = 1000;

/** Average number of events per incident, measured on the district scale, for the estimate. */
const EVENTS_PER_INCIDENT = 7.7;

type TableSources = { [T in TableName]: () => Iterable<TableRows[T]> };

function* mapRows<S, T>(rows: Iterable<S>, map: (row: S) => Iterable<T>): Generator<T> {
  for (const row of rows) yield* map(row);
}

function tableSources(model: DistrictModel): TableSources {
  const servicePlan = planServicePoints(model);
  return {
    admin_areas: () => adminAreaRows(model),
    grid_members: () => memberRows(model),
    grids: () => gridRows(model),
    grid_member_grids: () => memberGridRows(model),
    water_areas: () => waterAreaRows(model),
    roads: () => roadRows(model),
    buildings: () => buildingRows(model),
    cameras: () => cameraRows(model),
    service_points: () => servicePointRows(model, servicePlan),
    iot_devices: () => iotDeviceRows(model),
    incidents: () => mapRows(incidentDrafts(model), (d) => [d.row]),
    incident_events: () => mapRows(incidentDrafts(model), (d) => d.events),
  };
}

function estimateRows(model: DistrictModel): Record<TableName, number> {
  const { layout, staffing, config } = model;
  const incidents = estimateIncidents(model);
  return {
    admin_areas: 1 + layout.streets.length + layout.communities.length,
    grid_members: staffing.members.length,
    grids: layout.grids.length,
    grid_member_grids: staffing.members.reduce((sum, m) => sum + m.gridIndexes.length, 0),
    water_areas: 1,
    roads: countRoads(model),
    buildings: layout.grids.reduce((sum, g) => sum + buildingCount(config, g), 0),
    cameras: countCameras(model),
    service_points: planServicePoints(model).length,
    iot_devices: countIotDevices(model),
    incidents,
    incident_events: Math.round(incidents * EVENTS_PER_INCIDENT),
  };
}

/** Cuts one table's rows into batches of at most MAX_BATCH_ROWS. */
function* batchTable<T extends TableName>(
  table: T,
  rows: Iterable<TableRows[T]>,
): Generator<RowBatch> {
  let chunk: TableRows[T][] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === MAX_BATCH_ROWS) {
      yield { table, rows: chunk } as RowBatch;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield { table, rows: chunk } as RowBatch;
}

/**
 * Generates the synthetic demo district (shaped on 济宁高新区, all data invented). Building the
 * plan computes only the small skeleton; `batches()` streams every table lazily, table by table,
 * and can be called again to stream the same rows once more.
 */
export function generateDistrict(options: DistrictOptions): DistrictPlan {
  const model = buildModel(options.seed, options.scale, options.now);
  return {
    estimate: estimateRows(model),
    *batches() {
      const sources = tableSources(model);
      for (const table of TABLE_ORDER) {
        yield* batchTable(table, sources[table]() as Iterable<TableRows[typeof table]>);
      }
    },
  };
}
