import type { ErrorRenderer } from '../http/surfaces';

/** OGC API exception codes by HTTP status (OGC API – Common, exception responses). */
const OGC_CODES: Partial<Record<number, string>> = {
  400: 'InvalidParameterValue',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
  500: 'ServerError',
  503: 'ServiceUnavailable',
};

/**
 * The OGC surface's errors: the body also carries the OGC API exception fields (`code`,
 * `description`), so OGC clients such as GDAL show the message; the usual `error` object stays
 * for everyone else.
 */
export const renderOgcError: ErrorRenderer = (c, status, body) =>
  c.json({ code: OGC_CODES[status] ?? 'Error', description: body.error.message, ...body }, status);
