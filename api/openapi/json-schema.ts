import { z } from 'zod';

/** A JSON Schema (or OpenAPI Schema Object) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** Which side of a schema to describe: request bodies are read as input, answers as output. */
export type SchemaIo = 'input' | 'output';

/** `draft-2020-12` for OpenAPI 3.1, `openapi-3.0` for OpenAPI 3.0 (OGC's `oas30` class). */
export type SchemaTarget = 'draft-2020-12' | 'openapi-3.0';

/** A zod schema published under a name in `components.schemas`. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
  io: SchemaIo;
}

export interface ConvertOptions {
  target: SchemaTarget;
  io: SchemaIo;
  /** Schemas that are components: wherever they occur they become a `$ref`. */
  named?: ReadonlyMap<object, string>;
  /** A named schema to write out in full (the component itself) instead of referring to it. */
  expand?: object;
}

export const componentRef = (name: string) => `#/components/schemas/${name}`;

/**
 * Converts a zod schema with zod 4's `z.toJSONSchema`, replacing every named sub-schema by a
 * `$ref` to its component, and dropping the `$schema` keyword that OpenAPI does not want.
 */
export function toOpenApiSchema(schema: z.ZodType, options: ConvertOptions): JsonSchema {
  const { target, io, named, expand } = options;
  const json = z.toJSONSchema(schema, {
    target,
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const name = named?.get(zodSchema);
      if (!name || zodSchema === expand) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as JsonSchema)[key];
      (jsonSchema as JsonSchema).$ref = componentRef(name);
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** `components.schemas` for a list of named zod schemas, each referring to the others by `$ref`. */
export function componentSchemas(
  schemas: readonly NamedSchema[],
  target: SchemaTarget,
): Record<string, JsonSchema> {
  const named = namedMap(schemas);
  return Object.fromEntries(
    schemas.map(({ name, schema, io }) => [
      name,
      toOpenApiSchema(schema, { target, io, named, expand: schema }),
    ]),
  );
}

/** The lookup `toOpenApiSchema` uses to turn named schemas into references. */
export function namedMap(schemas: readonly NamedSchema[]): ReadonlyMap<object, string> {
  return new Map(schemas.map(({ name, schema }) => [schema, name]));
}
