import type { ImportProblem } from '../../contract/imports';
import type { LayerSpec } from './field-kinds';
import { normalizeKey } from './normalize';
import { importError, importWarning } from './problems';
import { nearestCode } from './suggest';

/** Source field → our field, as applied, with what was wrong in the given mapping. */
export interface HeaderMapping {
  mapping: Record<string, string>;
  problems: ImportProblem[];
}

const FILE = { index: null, row: null } as const;

/**
 * Maps the file's fields to ours: an explicit mapping wins, then the usual headers of the layer
 * (名称/name, 编号/code …). When two source fields name the same field of ours, the first
 * (explicit first, then file order) is used and the other reported as a warning. A required
 * field no source field maps to is an error of the file.
 */
export function resolveMapping(
  spec: LayerSpec,
  fields: readonly string[],
  explicit: Readonly<Record<string, string>> = {},
): HeaderMapping {
  const problems: ImportProblem[] = [];
  const ours = new Set(spec.fields.map((f) => f.name));
  const mapping: Record<string, string> = {};
  const taken = new Map<string, string>();
  const assign = (source: string, target: string) => {
    const first = taken.get(target);
    if (first !== undefined) {
      problems.push(
        importWarning(
          { ...FILE, field: target },
          'duplicate_mapping',
          `字段“${source}”与“${first}”都对应 ${target}，使用“${first}”。`,
          `Fields "${source}" and "${first}" both map to ${target}; "${first}" is used.`,
        ),
      );
      return;
    }
    taken.set(target, source);
    mapping[source] = target;
  };
  for (const [source, target] of Object.entries(explicit)) {
    if (ours.has(target)) assign(source, target);
    else problems.push(unknownTarget(source, target, [...ours]));
  }
  for (const source of fields) {
    if (source in explicit) continue;
    const target = recognise(spec, source);
    if (target) assign(source, target);
  }
  for (const f of spec.fields) {
    if (f.required && !taken.has(f.name) && !(spec.derivedPrefix && f.name === spec.key)) {
      problems.push(missingColumn(f.name));
    }
  }
  return { mapping, problems };
}

function recognise(spec: LayerSpec, source: string): string | null {
  const key = normalizeKey(source);
  return spec.fields.find((f) => f.headers.some((h) => normalizeKey(h) === key))?.name ?? null;
}

function unknownTarget(source: string, target: string, ours: string[]): ImportProblem {
  const suggestion = nearestCode(target, Object.fromEntries(ours.map((o) => [o, []])));
  return importError(
    { ...FILE, field: target },
    'unknown_mapping',
    `映射中的目标字段“${target}”（来自“${source}”）不存在。`,
    `The mapping sends "${source}" to "${target}", which is not a field of this layer (${ours.join(', ')}).`,
    suggestion,
  );
}

function missingColumn(name: string): ImportProblem {
  return importError(
    { ...FILE, field: name },
    'missing_column',
    `文件中没有对应必填字段 ${name} 的列，请在映射中指定。`,
    `No column of the file maps to the required field ${name}; name it in the mapping.`,
  );
}
