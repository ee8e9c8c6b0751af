import type pg from 'pg';
import type { ImportCollection, ImportOptions, ImportProblem } from '../../contract/imports';
import { checkGeometries, type GeometryCheck } from '../../db/import-checks';
import type { LayerSpec } from '../../domain/import/field-kinds';
import { shapeGeometry } from '../../domain/import/geometry-shape';
import { importError, importWarning } from '../../domain/import/problems';
import type { PreparedRow } from './prepare-rows';

/** Where each checked row lies (by feature index), for the layer's derivations. */
export type PlaceChecks = Map<number, GeometryCheck>;

/**
 * Checks every usable geometry in PostGIS: invalid ones are errors, or repaired with
 * `ST_MakeValid` and reported as warnings when `repair` is set; outside the district is an error,
 * or a warning with `allowOutside`. Repaired geometries replace the row's own.
 */
export async function checkRows(
  client: pg.PoolClient,
  collection: ImportCollection,
  spec: LayerSpec,
  rows: PreparedRow[],
  options: ImportOptions,
  onBatch: (done: number, total: number) => void,
): Promise<{ checks: PlaceChecks; problems: ImportProblem[] }> {
  const located = rows.filter((r) => r.wgs84 !== null);
  const results = await checkGeometries(
    client,
    located.map((r) => r.wgs84!),
    {
      repair: options.repair,
      skipDistrict: collection === 'admin-areas',
      locateGrid: collection === 'buildings',
    },
    (done) => onBatch(done, located.length),
  );
  const checks: PlaceChecks = new Map();
  const problems: ImportProblem[] = [];
  located.forEach((row, i) => {
    const check = results[i]!;
    checks.set(row.index, check);
    problems.push(...validityProblems(spec, row, check, options));
  });
  return { checks, problems };
}

function validityProblems(
  spec: LayerSpec,
  row: PreparedRow,
  check: GeometryCheck,
  options: ImportOptions,
): ImportProblem[] {
  const place = { index: row.index, row: row.row, field: 'geometry' };
  const at = `${check.at[0].toFixed(6)}, ${check.at[1].toFixed(6)}`;
  const problems: ImportProblem[] = [];
  if (!check.valid) {
    const reason = check.reason ?? '';
    const shaped = check.repaired ? shapeGeometry(spec.geometry, check.repaired) : null;
    if (shaped?.ok) {
      row.wgs84 = shaped.geometry;
      problems.push(
        importWarning(
          place,
          'repaired_geometry',
          `几何无效（${reason}），已用 ST_MakeValid 修复。`,
          `Invalid geometry (${reason}) repaired with ST_MakeValid.`,
        ),
      );
    } else {
      const hint = options.repair ? '修复后类型不符' : '可使用修复选项';
      const hintEn = options.repair
        ? 'the repair changed its type'
        : 'the repair option can fix it';
      problems.push(
        importError(
          place,
          'invalid_geometry',
          `几何无效：${reason}（${hint}）。`,
          `Invalid geometry: ${reason} (${hintEn}).`,
        ),
      );
    }
  }
  if (check.inside === false) {
    const zh = `位于本区范围之外（${at}），请检查坐标系。`;
    const en = `Outside the district (at ${at}); check the coordinate system.`;
    problems.push(
      options.allowOutside
        ? importWarning(place, 'outside_district', zh, en)
        : importError(place, 'outside_district', zh, en),
    );
  }
  return problems;
}
