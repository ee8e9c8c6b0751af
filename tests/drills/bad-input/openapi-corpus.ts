import { bodyProbes, exampleOf, resolve, type Document } from './bodies';
import {
  BAD_NUMBERS,
  ENCODING_FAULTS,
  INJECTIONS,
  type DrillContext,
  type Probe,
  type Schema,
} from './probe';

/**
 * Malformed requests derived from an OpenAPI document: every operation, every parameter and
 * every request body gets mutations chosen by the parameter's name and schema, plus the key
 * variants (forged, revoked, expired) on a request that is otherwise well-formed.
 */
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: string;
  route: string;
  template: string;
  parameters: Parameter[];
  body?: Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of `doc`, with paths prefixed by the document's server path. */
export function operationsOf(doc: Document): Operation[] {
  const servers = (doc.servers as { url: string }[] | undefined) ?? [];
  const prefix = servers[0] ? new URL(servers[0].url).pathname.replace(/\/$/, '') : '';
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Document>)) {
    for (const method of METHODS) {
      const op = item[method] as Document | undefined;
      if (!op) continue;
      const template = prefix + (path === '/' && prefix ? '' : path);
      const parameters = ((op.parameters as Schema[] | undefined) ?? []).map(
        (p) => resolve(doc, p) as unknown as Parameter,
      );
      const content = (op.requestBody as Document | undefined)?.content as Document | undefined;
      const json = content?.['application/json'] as { schema?: Schema } | undefined;
      operations.push({
        method: method.toUpperCase(),
        route: `${method.toUpperCase()} ${template || '/'}`,
        template: template || '/',
        parameters,
        body: json?.schema ? resolve(doc, json.schema) : undefined,
      });
    }
  }
  return operations;
}

/** A well-formed value for a path parameter, so a mutated query or body reaches validation. */
function pathValue(name: string, template: string, ctx: DrillContext): string {
  if (name === 'code') return ctx.incidentCode;
  if (name === 'collectionId') return 'grids';
  if (name === 'featureId') {
    const collection = /collections\/([^/]+)\/items/.exec(template)?.[1] ?? 'grids';
    return encodeURIComponent(ctx.featureIds[collection] ?? '1');
  }
  if (['z', 'x', 'y'].includes(name)) return '0';
  return '999999999';
}

function fill(op: Operation, ctx: DrillContext, override?: [string, string]): string {
  return op.template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    override && override[0] === name ? override[1] : pathValue(name, op.template, ctx),
  );
}

/** The required query parameters with well-formed values, except `skip`. */
function requiredQuery(op: Operation, doc: Document, ctx: DrillContext, skip: string): string[] {
  return op.parameters
    .filter((p) => p.in === 'query' && p.required && p.name !== skip)
    .map(
      (p) => `${p.name}=${encodeURIComponent(String(exampleOf(doc, p.schema ?? {}, p.name, ctx)))}`,
    );
}

const BBOX = [
  '181,91,182,92',
  '-1e308,-1e308,1e308,1e308',
  'NaN,0,1,1',
  'Infinity,0,1,1',
  '1,2,3',
  '0,0,1,1,1',
];
const POLYGON_BOWTIE = 'POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))';
const CQL2 = [
  "code = 'a' OR 1=1; DROP TABLE incidents --",
  `S_INTERSECTS(geom, ${POLYGON_BOWTIE})`,
  'S_INTERSECTS(geom, POLYGON((0 0, 1 1, 0 0)))',
  'S_INTERSECTS(geom, POLYGON((0 0, 1 0, 1 1, 0 1)))',
  'S_INTERSECTS(geom, POINT(500 100))',
  'S_INTERSECTS(geom, POINT(NaN 0))',
  'S_DWITHIN(geom, POINT(0 0), -1, meters)',
  'S_DWITHIN(geom, POINT(0 0), 1e309, meters)',
  'pg_sleep(10) = 1',
  'nosuch = 1',
  'code IN ()',
  `${'('.repeat(3000)}code = 'a'`,
  "code LIKE 'a' ESCAPE ''",
  'code = ',
].map(encodeURIComponent);

/**
 * Values a parameter never takes, by its name first and then by its schema. OGC API Features
 * clamps a `limit` above its maximum instead of refusing it (Part 1, req. fc-limit-response-1),
 * so there one above the maximum is not malformed.
 */
function badValues(doc: Document, param: Parameter, ogc: boolean): string[] {
  const schema = resolve(doc, param.schema ?? {});
  const byName: Record<string, string[]> = {
    bbox: BBOX.map(encodeURIComponent),
    filter: CQL2,
    datetime: ['garbage', '2026-13-45T99%3A00%3A00Z', '..%2F..', '2026-01-01%2F2025-01-01'],
    point: ['200,100', 'NaN,NaN', '1e309,0', '0'],
    candidates: ['200,100%3B0,0', 'NaN,0', '1e309,1'],
    distances: ['NaN', '-5', '1e309', '1,2,3,4,5,6,7'],
    cursor: ['garbage', '!!!', 'eyJ9'],
  };
  const named = byName[param.name];
  if (named) return named;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'number' || type === 'integer') {
    const range = [
      ...(schema.minimum !== undefined ? [String(schema.minimum - 1)] : []),
      ...(schema.maximum !== undefined && !(ogc && param.name === 'limit')
        ? [String(schema.maximum + 1)]
        : []),
    ];
    return [...BAD_NUMBERS, ...range, ...(type === 'integer' ? ['1.5'] : [])];
  }
  if (type === 'boolean') return ['maybe', '2'];
  if (schema.format === 'uri') return ['http%3A%2F%2Fevil.example%2Fcrs', 'EPSG%3A99999'];
  const items = schema.items ? resolve(doc, schema.items) : undefined;
  if (schema.enum || schema.pattern || items?.enum || items?.pattern) {
    return ['NaN', 'nosuch', ...INJECTIONS];
  }
  return schema.maxLength !== undefined ? ['x'.repeat(schema.maxLength + 1)] : [];
}

/** The mutations of one operation: its path and query parameters, its body, its key. */
export function operationProbes(doc: Document, op: Operation, ctx: DrillContext): Probe[] {
  const probes: Probe[] = [];
  const add = (label: string, target: string, extra: Partial<Probe> = {}) =>
    probes.push({ route: op.route, label, method: op.method, target, ...extra });
  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    const values = [
      ...ENCODING_FAULTS,
      ...INJECTIONS,
      'x'.repeat(5000),
      'NaN',
      '-1',
      '99999999999999999999',
    ];
    for (const value of values)
      add(`path ${param.name}=${value.slice(0, 40)}`, fill(op, ctx, [param.name, value]));
  }
  const base = fill(op, ctx);
  for (const param of op.parameters.filter((p) => p.in === 'query')) {
    const rest = requiredQuery(op, doc, ctx, param.name);
    for (const value of [
      ...ENCODING_FAULTS,
      ...badValues(doc, param, op.template.startsWith('/ogc')),
    ]) {
      const query = [...rest, `${param.name}=${value}`].join('&');
      add(`query ${param.name}=${value.slice(0, 40)}`, `${base}?${query}`);
    }
    add(`query name ${param.name}%00`, `${base}?${[...rest, `${param.name}%00=1`].join('&')}`);
  }
  const required = requiredQuery(op, doc, ctx, '');
  const target = required.length ? `${base}?${required.join('&')}` : base;
  if (op.body) {
    for (const probe of bodyProbes(doc, op.body, ctx)) add(probe.label ?? 'body', target, probe);
  } else if (op.method !== 'GET') {
    add('broken JSON body', target, { body: '{', headers: { 'Content-Type': 'application/json' } });
    add('NUL in a form body', target, {
      body: 'a=%00',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }
  const keyBody: Partial<Probe> =
    op.method === 'GET' ? {} : { body: '{', headers: { 'Content-Type': 'application/json' } };
  for (const auth of ['forged', 'revoked', 'expired'] as const) {
    add(`${auth} key`, target, { ...keyBody, auth, status: 401 });
  }
  return probes;
}
