import type { ImportCollection, ImportDetection } from '../../../api/contract/imports';
import { targetFields } from '../../domain/import-review';
import { Bilingual } from './bilingual-text';
import { bilingual, IMPORT_TEXT } from './import-text';

/** Props of {@link MappingTable}. */
export interface MappingTableProps {
  collection: ImportCollection;
  detection: Pick<ImportDetection, 'fields' | 'mapping'>;
  overrides: Record<string, string>;
  onMap: (source: string, target: string) => void;
}

/**
 * Source field → our field, one row per field of the file in file order. Each target is a
 * select of the layer's fields (labels from the contract); a change re-runs the dry run.
 */
export function MappingTable({ collection, detection, overrides, onMap }: MappingTableProps) {
  const targets = targetFields(collection, detection);
  return (
    <table className="imports-table imports-mapping" data-testid="import-mapping">
      <caption>
        <Bilingual pair={IMPORT_TEXT.mapping} />
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <Bilingual pair={IMPORT_TEXT.sourceField} />
          </th>
          <th scope="col">
            <Bilingual pair={IMPORT_TEXT.ourField} />
          </th>
        </tr>
      </thead>
      <tbody>
        {detection.fields.map((source) => (
          <tr key={source}>
            <th scope="row">{source}</th>
            <td>
              <select
                aria-label={`${source} → ${IMPORT_TEXT.ourField.zh}`}
                value={overrides[source] ?? detection.mapping[source] ?? ''}
                onChange={(event) => onMap(source, event.target.value)}
              >
                <option value="">{bilingual(IMPORT_TEXT.notImported)}</option>
                {targets.map((target) => (
                  <option key={target.name} value={target.name}>
                    {target.name} · {target.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
