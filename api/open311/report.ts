import { CreateIncidentSchema, type CreateIncident } from '../contract/incident-records';
import { AppError, NotFoundError, ValidationError } from '../domain/errors';
import { SERVICE_CATALOG, isServiceCode } from './services';

/**
 * POST requests: the GeoReport v2 form fields (`service_code`, `lat`/`long` or
 * `address_string`, `description`, `media_url`, the reporter's `first_name`, `last_name`,
 * `email`, `phone` …) turned into our incident creation input. Every Open311 report is a
 * resident report (`resident_app`) of medium severity; the workflow grades it from there.
 */

/** Form fields as strings; absent and empty are the same (the specification's Optional Arguments). */
export type FormFields = Readonly<Record<string, string>>;

const field = (fields: FormFields, name: string): string | undefined => {
  const value = fields[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

function coordinate(fields: FormFields, name: 'lat' | 'long', limit: number): number {
  const text = field(fields, name) ?? '';
  const value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!(Math.abs(value) <= limit)) {
    throw new ValidationError(`${name} must be a WGS84 number from -${limit} to ${limit}.`, [
      { path: name, message: 'not a coordinate' },
    ]);
  }
  return value;
}

function location(fields: FormFields): Pick<CreateIncident, 'location' | 'address'> {
  const address = field(fields, 'address_string');
  const hasLat = field(fields, 'lat') !== undefined;
  const hasLong = field(fields, 'long') !== undefined;
  if (hasLat !== hasLong) {
    throw new ValidationError('lat and long must both be sent.', [
      { path: hasLat ? 'long' : 'lat', message: 'required with the other coordinate' },
    ]);
  }
  if (hasLat) {
    const lng = coordinate(fields, 'long', 180);
    const lat = coordinate(fields, 'lat', 90);
    return { location: { type: 'Point', coordinates: [lng, lat] }, address };
  }
  if (address !== undefined) return { address };
  const byId = field(fields, 'address_id') === undefined ? '' : ' (address_id is not supported)';
  throw new ValidationError(
    `A location is required: send lat and long, or address_string${byId}.`,
    [{ path: 'lat', message: 'required without address_string' }],
  );
}

/** The reporter's name, family name first when it is written in Chinese characters. */
function reporterName(fields: FormFields): string | undefined {
  const first = field(fields, 'first_name');
  const last = field(fields, 'last_name');
  if (first === undefined || last === undefined) return first ?? last;
  return /[\u3400-\u9fff]/.test(first + last) ? `${last}${first}` : `${first} ${last}`;
}

function reporter(fields: FormFields): CreateIncident['reporter'] {
  const name = reporterName(fields);
  const contact = field(fields, 'phone') ?? field(fields, 'email');
  if (name === undefined && contact === undefined) return undefined;
  return {
    ...(name === undefined ? {} : { name }),
    ...(contact === undefined ? {} : { contact }),
  };
}

/** Our field paths by the form field they came from, for error messages. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  'photoUrls.0': 'media_url',
  'reporter.name': 'first_name',
  'reporter.contact': 'phone',
  'location.coordinates.0': 'long',
  'location.coordinates.1': 'lat',
  address: 'address_string',
};

/**
 * The incident a POST requests form asks for. 400 for a missing `service_code` or bad fields,
 * 404 for an unknown `service_code` (as the specification lists them).
 */
export function reportFromForm(fields: FormFields): CreateIncident {
  const code = field(fields, 'service_code');
  if (code === undefined) {
    throw new ValidationError('service_code was not provided: see services.json.', [
      { path: 'service_code', message: 'required' },
    ]);
  }
  if (!isServiceCode(code)) {
    throw new NotFoundError(`service_code ${code} was not found: see services.json.`);
  }
  const service = SERVICE_CATALOG[code];
  const mediaUrl = field(fields, 'media_url');
  const parsed = CreateIncidentSchema.safeParse({
    category: code,
    description:
      field(fields, 'description') ??
      `${service.name}（Open311 上报）${service.en} (reported via Open311)`,
    ...location(fields),
    source: 'resident_app',
    severity: 'medium',
    photoUrls: mediaUrl === undefined ? [] : [mediaUrl],
    reporter: reporter(fields),
  });
  if (!parsed.success) {
    throw new ValidationError(
      'The service request is not valid.',
      parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        return { path: FIELD_NAMES[path] ?? path, message: issue.message };
      }),
    );
  }
  return parsed.data;
}

/**
 * An error of the incident use case with its issues under the form's field names (an
 * ambiguous `address` is the caller's `address_string`); other errors pass unchanged.
 */
export function withFormFieldNames(error: unknown): unknown {
  if (!(error instanceof AppError) || error.issues.length === 0) return error;
  const issues = error.issues.map((issue) => ({
    path: FIELD_NAMES[issue.path] ?? issue.path,
    message: issue.message,
  }));
  return new AppError(error.code, error.message, issues);
}
