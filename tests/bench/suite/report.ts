import { median, spread } from './stats';
import type { Figure, Target } from './types';

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The readable table: figures by workload (median, spread over rounds), then the targets. */
export function formatReport(figures: readonly Figure[], targets: readonly Target[]): string {
  const lines: string[] = [];
  const width = Math.max(20, ...figures.map((figure) => figure.name.length));
  let workload = '';
  for (const figure of figures) {
    if (figure.workload !== workload) {
      workload = figure.workload;
      lines.push('', `## ${workload}`);
    }
    const m = median(figure.rounds);
    const s = spread(figure.rounds);
    lines.push(
      `${pad(figure.name, width)}  ${pad(formatValue(m), 9)} ${pad(figure.unit, 9)} ±${(s * 50).toFixed(0)} %` +
        (figure.note ? `  (${figure.note})` : ''),
    );
  }
  lines.push('', '## targets');
  const nameWidth = Math.max(20, ...targets.map((target) => target.name.length));
  for (const target of targets) {
    const verdict = target.met === null ? 'NOT MEASURED' : target.met ? 'met' : 'NOT MET';
    const value = target.value === null ? '—' : formatValue(target.value);
    lines.push(
      `${pad(target.name, nameWidth)}  ${pad(target.target, 22)} ${pad(value, 9)} ${verdict}` +
        (target.detail ? `  (${target.detail})` : ''),
    );
  }
  return lines.join('\n');
}
