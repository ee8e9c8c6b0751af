import { ValidationError } from './errors';

/** A closed time interval; a missing end is open (`..`). Both ends are ISO 8601 instants. */
export interface TimeInterval {
  start?: string;
  end?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function invalid(detail: string): ValidationError {
  return new ValidationError(
    `datetime: ${detail}. Use an instant (2026-06-01T08:00:00Z or 2026-06-01) or an interval ` +
      '(start/end, with .. or nothing for an open end).',
    [{ path: 'datetime', message: detail }],
  );
}

/** One end of an interval; a date alone covers the whole day (UTC). */
function parseEnd(text: string, side: 'start' | 'end'): string | undefined {
  if (text === '' || text === '..') return undefined;
  if (DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    return side === 'start' ? `${text}T00:00:00.000Z` : `${text}T23:59:59.999Z`;
  }
  if (!DATE_TIME.test(text) || Number.isNaN(Date.parse(text))) {
    throw invalid(`'${text}' is not an RFC 3339 date or date-time`);
  }
  return new Date(text).toISOString();
}

/** Parses the OGC API `datetime` parameter: an instant or an interval with open ends. */
export function parseDatetime(value: string): TimeInterval {
  const parts = value.trim().split('/');
  if (parts.length === 1) {
    const [only] = parts as [string];
    if (only === '' || only === '..') throw invalid('an instant cannot be open');
    return { start: parseEnd(only, 'start'), end: parseEnd(only, 'end') };
  }
  if (parts.length !== 2) throw invalid('an interval has exactly one /');
  const [first, second] = parts as [string, string];
  const start = parseEnd(first, 'start');
  const end = parseEnd(second, 'end');
  if (!start && !end) throw invalid('at least one end of an interval must be given');
  if (start && end && start > end) throw invalid('the interval ends before it starts');
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}
