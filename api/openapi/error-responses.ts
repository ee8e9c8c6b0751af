import { ERROR_STATUSES, type ErrorStatusCode } from './error-body';
import type { JsonSchema } from './json-schema';
import { componentRef } from './json-schema';

/** The component name of the error body schema in both documents. */
export const ERROR_BODY = 'ErrorBody';

const RETRY_AFTER = {
  'Retry-After': {
    description: '等待秒数 Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 1 },
  },
};

/** `components.responses`: one entry per error status, each with the one error body. */
export function errorResponseComponents(
  statuses: readonly ErrorStatusCode[],
): Record<string, JsonSchema> {
  return Object.fromEntries(
    statuses.map((status) => {
      const { name, description } = ERROR_STATUSES[status];
      return [
        name,
        {
          description,
          ...(status === 429 ? { headers: RETRY_AFTER } : {}),
          content: { 'application/json': { schema: { $ref: componentRef(ERROR_BODY) } } },
        },
      ];
    }),
  );
}

/** An operation's `responses` entries for its error statuses, as references. */
export function errorResponseRefs(
  statuses: readonly ErrorStatusCode[],
): Record<string, { $ref: string }> {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { $ref: `#/components/responses/${ERROR_STATUSES[status].name}` },
    ]),
  );
}
