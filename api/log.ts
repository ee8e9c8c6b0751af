import { systemClock, type Clock } from './domain/clock';

/** Structured logging: JSON lines for machines, a readable line for people, or nothing. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

type Level = 'info' | 'warn' | 'error';

/**
 * Creates a logger writing to stderr (stdout stays free for the start-up banner), stamping lines
 * with the injected clock's time.
 */
export function createLogger(
  mode: 'json' | 'pretty' | 'silent',
  clock: Clock = systemClock,
): Logger {
  const write = (level: Level, message: string, fields: LogFields = {}) => {
    if (mode === 'silent') return;
    const time = clock.now().toISOString();
    if (mode === 'json') {
      process.stderr.write(JSON.stringify({ time, level, message, ...fields }) + '\n');
      return;
    }
    const extra = Object.entries(fields)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    process.stderr.write(`${time.slice(11, 19)} ${level.padEnd(5)} ${message} ${extra}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
