import { type Context, Hono } from 'hono';
import { COLLECTION_IDS, type Collection, findCollection } from '../db/collections';
import { collectionExtent } from '../db/collection-extent';
import { queryFeature, queryFeatures } from '../db/features';
import type { ScopedRunner } from '../db/scoped';
import type { Clock } from '../domain/clock';
import { parseCrs } from '../domain/crs';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { roleAllows } from '../domain/permissions';
import type { Principal } from '../domain/principal';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { publicOriginOf, publicUrlOf } from '../http/public-origin';
import { collectionDocument, CONFORMANCE, landingPage, queryablesDocument } from './documents';
import { exportResponse, featuresJsonIn, queryCrsOf } from './items-export';
import { parseItemsOutput } from './items-format';
import { checkFeatureFormat, parseItemsQuery, rejectUnknownParameters } from './items-params';
import { alternateLinks, GEOJSON, JSON_TYPE, pageLinks, SCHEMA_JSON } from './links';

/** The OGC base URL (`https://host/ogc`) under the public origin, for absolute links. */
const baseUrl = (c: Context<AppEnv>) => `${publicOriginOf(c)}/ogc`;

/** The collection named in the path, if it exists and the caller may read it. */
function readableCollection(c: Context<AppEnv>): { collection: Collection; principal: Principal } {
  const principal = requirePrincipal(c);
  const id = c.req.param('collectionId') ?? '';
  const collection = findCollection(id);
  if (!collection) {
    throw new NotFoundError(`No collection '${id}'. Collections: ${COLLECTION_IDS.join(', ')}.`);
  }
  if (collection.extraPermission && !roleAllows(principal.role, collection.extraPermission)) {
    throw new ForbiddenError(
      `The role ${principal.role} may not read ${collection.id} (needs ${collection.extraPermission}).`,
    );
  }
  return { collection, principal };
}

/** Only `f=json` (or none) is offered for the JSON documents. */
function acceptJsonOnly(c: Context<AppEnv>, allowed: string[] = ['f']): void {
  const query = c.req.query();
  rejectUnknownParameters(query, allowed);
  if (query.f !== undefined && query.f !== 'json') {
    throw new ValidationError(`f: '${query.f}' is not offered here; use json.`, [
      { path: 'f', message: 'unsupported format' },
    ]);
  }
}

/** Collections the caller's role may read. */
function visibleCollections(principal: Principal): Collection[] {
  return COLLECTION_IDS.map((id) => findCollection(id)!).filter(
    (collection) =>
      !collection.extraPermission || roleAllows(principal.role, collection.extraPermission),
  );
}

/**
 * OGC API – Features (Parts 1–3) at `/ogc`: the one read API for layers. Every data read runs
 * through `scoped`, so row-level security limits it to the caller's areas.
 */
export function ogcRoutes(
  scoped: ScopedRunner,
  openApi: (base: string) => object,
  clock: Clock,
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const read = allow('layers:read');

  routes.get('/', read, (c) => {
    acceptJsonOnly(c);
    return c.json(landingPage(baseUrl(c)));
  });

  routes.get('/conformance', read, (c) => {
    acceptJsonOnly(c);
    return c.json({ conformsTo: CONFORMANCE });
  });

  routes.get('/api', read, (c) => {
    acceptJsonOnly(c);
    return c.body(JSON.stringify(openApi(baseUrl(c))), 200, {
      'Content-Type': 'application/vnd.oai.openapi+json;version=3.0',
    });
  });

  routes.get('/collections', read, async (c) => {
    acceptJsonOnly(c);
    const principal = requirePrincipal(c);
    const base = baseUrl(c);
    const collections = await scoped(principal, async (client) => {
      const documents = [];
      for (const collection of visibleCollections(principal)) {
        documents.push(
          collectionDocument(base, collection, await collectionExtent(client, collection)),
        );
      }
      return documents;
    });
    return c.json({
      links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE }],
      collections,
    });
  });

  routes.get('/collections/:collectionId', read, async (c) => {
    acceptJsonOnly(c);
    const { collection, principal } = readableCollection(c);
    const extent = await scoped(principal, (client) => collectionExtent(client, collection));
    return c.json(collectionDocument(baseUrl(c), collection, extent));
  });

  routes.get('/collections/:collectionId/queryables', read, (c) => {
    acceptJsonOnly(c);
    const { collection } = readableCollection(c);
    return c.body(JSON.stringify(queryablesDocument(baseUrl(c), collection)), 200, {
      'Content-Type': SCHEMA_JSON,
    });
  });

  routes.get('/collections/:collectionId/items', read, async (c) => {
    const { collection, principal } = readableCollection(c);
    const query = parseItemsQuery(collection, c.req.query());
    const output = parseItemsOutput(c.req.query(), query.crs);
    const asked = { ...query, crs: queryCrsOf(query.crs, output) };
    const page = await scoped(principal, (client) => queryFeatures(client, collection, asked));
    const url = publicUrlOf(c);
    const links = pageLinks(url, page, query.cursor?.direction ?? 'first');
    if (output.format !== 'json') {
      const file = await exportResponse(collection, page, query.crs, output, links, clock.now());
      return c.body(file.body, 200, file.headers);
    }
    const head = JSON.stringify({
      type: 'FeatureCollection',
      numberMatched: page.numberMatched,
      numberReturned: page.numberReturned,
      timeStamp: clock.now().toISOString(),
      links: [...links, ...alternateLinks(url)],
    });
    const features = featuresJsonIn(page.featuresJson, query.crs);
    return c.body(`${head.slice(0, -1)},"features":${features}}`, 200, {
      'Content-Type': GEOJSON,
      'Content-Crs': `<${query.crs.uri}>`,
    });
  });

  routes.get('/collections/:collectionId/items/:featureId', read, async (c) => {
    const { collection, principal } = readableCollection(c);
    rejectUnknownParameters(c.req.query(), ['crs', 'f']);
    checkFeatureFormat(c.req.query('f'));
    const crs = parseCrs(c.req.query('crs'), 'crs');
    const id = c.req.param('featureId');
    const found = await scoped(principal, (client) => queryFeature(client, collection, id, crs));
    const feature = found && featuresJsonIn(`[${found}]`, crs).slice(1, -1);
    if (!feature) throw new NotFoundError(`No feature '${id}' in collection '${collection.id}'.`);
    const href = `${baseUrl(c)}/collections/${collection.id}`;
    const links = JSON.stringify([
      { href: `${href}/items/${encodeURIComponent(id)}`, rel: 'self', type: GEOJSON },
      { href, rel: 'collection', type: JSON_TYPE },
    ]);
    return c.body(`${feature.slice(0, -1)},"links":${links}}`, 200, {
      'Content-Type': GEOJSON,
      'Content-Crs': `<${crs.uri}>`,
    });
  });

  return routes;
}
