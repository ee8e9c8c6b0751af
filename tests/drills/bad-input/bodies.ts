import { bytesOf, type DrillContext, type Probe, type Schema } from './probe';

/**
 * Malformed JSON bodies for an operation: broken syntax, bytes that are not UTF-8, enormous
 * and deeply nested documents, and per field NUL, lone surrogates, wrong types, non-finite
 * numbers and out-of-range coordinates, all derived from a well-formed example of its schema.
 */
export type Document = Record<string, unknown>;

/** Follows `$ref`s (`#/components/schemas/X`) to the schema itself. */
export function resolve(doc: Document, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const keys = current.$ref.replace(/^#\//, '').split('/');
    current = keys.reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      doc,
    ) as Schema;
  }
  return current;
}

function namedValues(ctx: DrillContext): Record<string, unknown> {
  return {
    scopes: [ctx.district],
    area: ctx.district,
    code: ctx.incidentCode,
    coordinates: ctx.point,
    lng: ctx.point[0],
    lat: ctx.point[1],
    username: 'drill_user',
    password: 'drill-password-123',
    role: 'display',
  };
}

/** A well-formed value of `schema` (required fields only), using real values by field name. */
export function exampleOf(doc: Document, schema: Schema, name: string, ctx: DrillContext): unknown {
  const s = resolve(doc, schema);
  const named = namedValues(ctx)[name];
  if (named !== undefined) return named;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const variant = (s.oneOf ?? s.anyOf ?? s.allOf)?.[0];
  if (variant && !s.properties) return exampleOf(doc, variant, name, ctx);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) {
      out[key] = exampleOf(doc, s.properties?.[key] ?? {}, key, ctx);
    }
    return out;
  }
  if (type === 'array') return [exampleOf(doc, s.items ?? {}, name, ctx)];
  if (type === 'number' || type === 'integer') return s.minimum ?? 1;
  if (type === 'boolean') return false;
  if (s.format === 'date-time') return new Date().toISOString();
  if (s.format === 'uri') return 'https://example.org/drill';
  return 'drill';
}

const RAW = (n: number) => `__RAW_${n}__`;
const RAW_TEXT = ['1e309', '-1e309', '[1e309, 0]', '"\\ud800"', '"a\\u0000b"'];

/** Wrong values for a field, chosen by the type of its well-formed value and by its name. */
function wrongValues(name: string, value: unknown): unknown[] {
  if (name === 'coordinates') {
    return [[200, 100], [0], [1, 2, 3, 4, 5], ['a', 'b'], RAW(2), []];
  }
  if (typeof value === 'string') return [RAW(4), RAW(3), 12345, null, {}];
  if (typeof value === 'number') {
    const range = name === 'lng' ? [200, -181] : name === 'lat' ? [91, -100] : [];
    return ['abc', null, RAW(0), RAW(1), [], ...range];
  }
  if (typeof value === 'boolean') return ['yes', 1];
  if (Array.isArray(value)) return ['x', {}, [null], [RAW(4)]];
  return ['x', [], null];
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function text(value: unknown): string {
  return RAW_TEXT.reduce(
    (out, raw, n) => out.replaceAll(`"${RAW(n)}"`, raw),
    JSON.stringify(value),
  );
}

/** Every field path of `value` (objects only, two levels down), with its value. */
function fieldsOf(value: unknown, path: string[] = []): [string[], unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || path.length > 2) {
    return path.length ? [[path, value]] : [];
  }
  const fields: [string[], unknown][] = path.length ? [[path, value]] : [];
  for (const [key, item] of Object.entries(value)) fields.push(...fieldsOf(item, [...path, key]));
  return fields;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** The body mutations of one operation whose request body is `schema`. */
export function bodyProbes(doc: Document, schema: Schema, ctx: DrillContext): Partial<Probe>[] {
  const base = exampleOf(doc, schema, '', ctx);
  const probes: Partial<Probe>[] = [];
  const json = (
    label: string,
    body: string | Uint8Array<ArrayBuffer>,
    headers: Record<string, string> = JSON_TYPE,
  ) => probes.push({ label, body, headers });
  for (const broken of [
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    'NaN',
    '{"x":NaN}',
    '{"x":Infinity}',
  ]) {
    json(`broken JSON ${broken}`, broken);
  }
  for (const wrong of ['null', '[]', '"text"', '42', 'true'])
    json(`JSON ${wrong} for an object`, wrong);
  json('JSON nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  json('enormous JSON body (2 MiB)', `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`);
  const sample = text(base);
  const cut = sample.indexOf('"', 1) + 1 || 1;
  for (const bytes of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe0, 0xa4]]) {
    json(
      `bytes ${bytes.map((b) => b.toString(16)).join(' ')} (not UTF-8)`,
      bytesOf(sample.slice(0, cut), bytes, sample.slice(cut)),
    );
  }
  json('garbage as application/xml', '<x>garbage</x>', { 'Content-Type': 'application/xml' });
  json('garbage multipart', 'garbage', { 'Content-Type': 'multipart/form-data; boundary=x' });
  json('NUL in a form body', 'a=%00&b=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
  for (const [path, value] of fieldsOf(base)) {
    const name = path.at(-1)!;
    for (const wrong of wrongValues(name, value)) {
      json(`${path.join('.')} = ${text(wrong).slice(0, 30)}`, text(withValue(base, path, wrong)));
    }
  }
  const s = resolve(doc, schema);
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    if (base && typeof base === 'object' && name in base) continue;
    const type = resolve(doc, property).type;
    const wrong = type === 'string' ? [RAW(4), RAW(3), 12345] : ['x', RAW(0)];
    for (const value of wrong) {
      json(
        `optional ${name} = ${text(value).slice(0, 30)}`,
        text({ ...(base as object), [name]: value }),
      );
    }
  }
  return probes;
}
