import { Hono } from 'hono';
import { z } from 'zod';
import { ScenarioRequestSchema, type Scenario } from '../contract/analysis';
import { answerArea } from '../use-cases/analysis/area-filter';
import { reachDistance } from '../use-cases/analysis/reach-distance';
import { evaluateScenario } from '../use-cases/analysis/scenario-evaluation';
import { adoptScenario, placeChanges, scenarioView } from '../use-cases/analysis/scenarios';
import { deleteScenario, findScenario, insertScenario, listScenarios } from '../db/scenarios';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { actorName, type Principal } from '../domain/principal';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readJson } from '../http/validate';
import type { AnalysisDeps } from './analysis';

const IdSchema = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53);

/** The area a scenario saved without one belongs to: the caller's (first) scope. */
function homeScope(principal: Principal): string {
  const scope = principal.scopes[0];
  if (!scope)
    throw new ForbiddenError('Your account has no area scope; ask an admin to give it one.');
  return scope;
}

function scenarioId(text: string): number {
  const parsed = IdSchema.safeParse(text);
  if (!parsed.success)
    throw new ValidationError(
      `Scenario id must be a positive whole number, not ${JSON.stringify(text)}.`,
    );
  return parsed.data;
}

/**
 * Scenarios (设计 → 实施 → 评估): evaluate changes without writing anything, save them with a
 * name, list, reopen and delete them; a commander or admin adopts one, which writes its
 * facilities to service_points in one audited transaction and stores the coverage before and after.
 */
export function scenarioRoutes(deps: AnalysisDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/analysis/scenarios', allow('analysis:run'), async (c) => {
    const body = await readJson(c, ScenarioRequestSchema);
    const principal = requirePrincipal(c);
    await placeChanges(body.changes, deps.ports.locate);
    const model = await deps.engine.model();
    const answer = answerArea(model, principal, body.area);
    const focus = body.focus && {
      category: body.focus.category,
      distance: reachDistance(body.focus.category, body.focus),
    };
    const result = evaluateScenario(model, body.changes, answer, focus);
    const scenario: Scenario = {
      id: null,
      name: body.name ?? null,
      author: null,
      createdAt: null,
      area: answer.area,
      changes: body.changes,
      evaluation: result.evaluation,
      coverage: result.coverage,
      adopted: null,
    };
    if (!body.save) return c.json(scenario);
    if (!body.name)
      throw new ValidationError('A saved scenario needs a name.', [
        { path: 'name', message: 'required when save is true' },
      ]);
    const now = deps.clock.now();
    const author = actorName(principal);
    const id = await deps.scoped(principal, (client) =>
      insertScenario(client, {
        name: body.name!,
        author,
        scopeCode: body.area ?? homeScope(principal),
        areaCode: body.area ?? null,
        changes: body.changes,
        evaluation: result.evaluation,
        createdAt: now,
      }),
    );
    return c.json({ ...scenario, id, author, createdAt: now.toISOString() }, 201);
  });
  routes.get('/analysis/scenarios', allow('analysis:run'), async (c) => {
    const scenarios = await deps.scoped(requirePrincipal(c), (client) => listScenarios(client));
    return c.json({ scenarios });
  });
  routes.get('/analysis/scenarios/:id', allow('analysis:run'), async (c) => {
    const id = scenarioId(c.req.param('id'));
    const row = await deps.scoped(requirePrincipal(c), (client) => findScenario(client, id));
    if (!row) throw new NotFoundError(`There is no scenario ${id} in your scope.`);
    return c.json(scenarioView(row));
  });
  routes.delete('/analysis/scenarios/:id', allow('analysis:run'), async (c) => {
    const id = scenarioId(c.req.param('id'));
    const outcome = await deps.scoped(requirePrincipal(c), (client) => deleteScenario(client, id));
    if (outcome === 'missing') throw new NotFoundError(`There is no scenario ${id} in your scope.`);
    if (outcome === 'adopted')
      throw new ConflictError(
        `Scenario ${id} was adopted; it is kept as the record of what was built.`,
      );
    return c.body(null, 204);
  });
  routes.post('/analysis/scenarios/:id/adopt', allow('analysis:adopt'), async (c) => {
    const id = scenarioId(c.req.param('id'));
    const principal = requirePrincipal(c);
    const model = await deps.engine.model();
    const scenario = await deps.scoped(principal, (client) =>
      adoptScenario(client, model, id, principal, deps.clock.now(), (area) =>
        answerArea(model, principal, area),
      ),
    );
    return c.json(scenario);
  });
  return routes;
}
