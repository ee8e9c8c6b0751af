import type { Scenario, ScenarioRequest } from '../../contract/analysis';
import { SERVICE_CATEGORY_LABELS } from '../../contract/life-circle';
import { type GridPlace, locateGrids } from '../../db/incident-placement';
import { findScenario, markAdopted, type ScenarioRow } from '../../db/scenarios';
import type { ScopedClient } from '../../db/scoped';
import {
  auditScoped,
  insertServicePoint,
  moveServicePoint,
  removeServicePoint,
} from '../../db/service-point-writes';
import { ConflictError, NotFoundError, UnprocessableError } from '../../domain/errors';
import type { Principal } from '../../domain/principal';
import { actorName } from '../../domain/principal';
import { inScope } from '../../domain/scopes';
import type { AnswerArea } from './area-filter';
import type { AnalysisModel } from './model';
import { evaluateScenario } from './scenario-evaluation';

type Locate = (points: readonly { lng: number; lat: number }[]) => Promise<(GridPlace | null)[]>;

/**
 * Where each added or moved facility lies (null for removals), in one look-up; 422 naming the
 * change when a point is outside the district.
 */
export async function placeChanges(
  changes: ScenarioRequest['changes'],
  locate: Locate,
): Promise<(GridPlace | null)[]> {
  const placed = changes.map((change) => (change.op === 'remove' ? null : change));
  const found = await locate(placed.filter((p) => p !== null));
  let k = 0;
  return placed.map((point, i) => {
    if (point === null) return null;
    const place = found[k++] ?? null;
    if (!place) {
      throw new UnprocessableError(
        `Change ${i + 1}: ${point.lng}, ${point.lat} lies outside the district.`,
        [{ path: `changes.${i}`, message: 'the point is outside the district' }],
      );
    }
    return place;
  });
}

/** A saved scenario as the API shows it. */
export function scenarioView(row: ScenarioRow): Scenario {
  return {
    id: row.id,
    name: row.name,
    author: row.author,
    createdAt: row.createdAt,
    area: row.area,
    changes: row.changes,
    evaluation: row.evaluation,
    coverage: null,
    adopted:
      row.adoptedAt && row.adoptedBy && row.adoption
        ? { at: row.adoptedAt, by: row.adoptedBy, evaluation: row.adoption }
        : null,
  };
}

/**
 * Adopts a saved scenario (实施) in one transaction: writes its facilities to service_points,
 * records the audit entry and stores the coverage before and after (评估). 409 when it was
 * adopted already.
 */
export async function adoptScenario(
  client: ScopedClient,
  model: AnalysisModel,
  id: number,
  principal: Principal,
  now: Date,
  answerFor: (areaCode: string | undefined) => AnswerArea,
): Promise<Scenario> {
  const row = await findScenario(client, id, true);
  if (!row) throw new NotFoundError(`There is no scenario ${id} in your scope.`);
  if (row.adoptedAt) throw new ConflictError(`Scenario ${id} was adopted at ${row.adoptedAt}.`);
  const answer = answerFor(row.area?.code);
  const { evaluation } = evaluateScenario(model, row.changes, answer, undefined, true);
  const places = await placeChanges(row.changes, (points) => locateGrids(client, points));
  const written: string[] = [];
  for (const [i, change] of row.changes.entries()) {
    if (change.op === 'remove') {
      if (!(await removeServicePoint(client, change.code))) missing(i, change.code);
      written.push(`-${change.code}`);
      continue;
    }
    const place = places[i]!;
    if (!inScope(place.communityCode, principal.scopes)) {
      throw new UnprocessableError(
        `Change ${i + 1}: ${change.lng}, ${change.lat} lies outside your scope; someone whose scope holds it can adopt this scenario.`,
      );
    }
    if (change.op === 'move') {
      if (!(await moveServicePoint(client, change.code, { ...change, ...place })))
        missing(i, change.code);
      written.push(`~${change.code}`);
    } else {
      const name = change.name ?? `${SERVICE_CATEGORY_LABELS[change.category].zh}（规划）`;
      written.push(`+${await insertServicePoint(client, { ...change, name, ...place })}`);
    }
  }
  const by = actorName(principal);
  await markAdopted(client, id, now, by, evaluation);
  await auditScoped(client, {
    at: now,
    actor: by,
    action: 'scenario.adopt',
    target: `scenario:${id}`,
    detail: { name: row.name, servicePoints: written, evaluation },
  });
  const adopted = await findScenario(client, id);
  return scenarioView(adopted!);
}

function missing(i: number, code: string): never {
  throw new UnprocessableError(
    `Change ${i + 1}: service point ${code} is no longer there (or outside your scope); the scenario cannot be adopted as it is.`,
  );
}
