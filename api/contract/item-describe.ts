import type { z } from 'zod';

/** A property's type as JSON Schema, CQL2 and the tile encoders see it. */
export type ItemPropertyType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime';

/** What the catalogue, queryables, TileJSON and OpenAPI read of one item property. */
export interface ItemPropertyInfo {
  name: string;
  type: ItemPropertyType;
  /** Chinese first, then English: the schema's description. */
  title: string;
  nullable: boolean;
  /** Allowed values, when the property is a code list. */
  enum?: readonly string[];
  /** A JSON array of values of `type`. */
  list?: boolean;
}

/** The structural view of a zod v4 schema this module reads (its `_zod.def`). */
interface SchemaDef {
  type: string;
  format?: string;
  entries?: Record<string, string>;
  innerType?: z.ZodType;
  element?: z.ZodType;
}

const defOf = (schema: z.ZodType): SchemaDef => schema._zod.def as unknown as SchemaDef;

function scalarInfo(name: string, schema: z.ZodType): Pick<ItemPropertyInfo, 'type' | 'enum'> {
  const def = defOf(schema);
  if (def.type === 'enum' && def.entries)
    return { type: 'string', enum: Object.values(def.entries) };
  if (def.type === 'string') return { type: def.format === 'datetime' ? 'datetime' : 'string' };
  // z.int() is a number with format `safeint` (z.int32() `int32`, z.uint32() `uint32`).
  if (def.type === 'number') return { type: /int/.test(def.format ?? '') ? 'integer' : 'number' };
  if (def.type === 'boolean') return { type: 'boolean' };
  throw new TypeError(`item property ${name}: no catalogue type for a zod ${def.type}`);
}

/** One property of an item schema, read from its zod declaration. */
export function describeItemProperty(name: string, schema: z.ZodType): ItemPropertyInfo {
  const title = schema.description ?? name;
  let inner = schema;
  let nullable = false;
  if (defOf(inner).type === 'nullable' && defOf(inner).innerType) {
    nullable = true;
    inner = defOf(inner).innerType!;
  }
  const element = defOf(inner).type === 'array' ? defOf(inner).element : undefined;
  const scalar = scalarInfo(name, element ?? inner);
  return { name, title, nullable, ...scalar, ...(element ? { list: true } : {}) };
}

/** Every property of an item schema, in declaration order. */
export function describeItemProperties(schema: z.ZodObject): ItemPropertyInfo[] {
  return Object.entries(schema.shape).map(([name, property]) =>
    describeItemProperty(name, property as z.ZodType),
  );
}
