import {
  FILE_CRS,
  IMPORT_COLLECTIONS,
  TEXT_ENCODINGS,
  type FileCrs,
  type ImportCollection,
} from '../../../api/contract/imports';
import type { ImportDraft } from '../../domain/import-form';
import {
  ENCODING_LABELS,
  FILE_CRS_LABELS,
  IMPORT_COLLECTION_LABELS,
} from '../../domain/import-labels';
import type { LabelPair } from '../../domain/label-pair';
import { Bilingual } from './bilingual-text';
import { bilingual, IMPORT_TEXT } from './import-text';

type Flag = 'skipInvalid' | 'replace' | 'repair' | 'allowOutside';
const FLAGS: readonly Flag[] = ['skipInvalid', 'replace', 'repair', 'allowOutside'];
const ENCODINGS = ['auto', ...TEXT_ENCODINGS] as const;

function Choice<T extends string>(props: {
  label: LabelPair;
  value: T;
  values: readonly T[];
  labels: Readonly<Record<T, LabelPair>>;
  onChange: (value: T) => void;
}) {
  return (
    <label className="imports-settings__field">
      <span>
        <Bilingual pair={props.label} />
      </span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.values.map((value) => (
          <option key={value} value={value}>
            {bilingual(props.labels[value])}
          </option>
        ))}
      </select>
    </label>
  );
}

/** 图层, 坐标系, 编码 and the import's options; every change re-runs the dry run. */
export function ImportSettings({
  draft,
  onChange,
}: {
  draft: ImportDraft;
  onChange: (draft: ImportDraft) => void;
}) {
  return (
    <fieldset className="imports-settings">
      <Choice<ImportCollection>
        label={IMPORT_TEXT.layer}
        value={draft.collection}
        values={IMPORT_COLLECTIONS}
        labels={IMPORT_COLLECTION_LABELS}
        onChange={(collection) => onChange({ ...draft, collection, mapping: {} })}
      />
      <Choice<FileCrs>
        label={IMPORT_TEXT.crs}
        value={draft.crs}
        values={FILE_CRS}
        labels={FILE_CRS_LABELS}
        onChange={(crs) => onChange({ ...draft, crs })}
      />
      <Choice
        label={IMPORT_TEXT.encoding}
        value={draft.encoding}
        values={ENCODINGS}
        labels={ENCODING_LABELS}
        onChange={(encoding) => onChange({ ...draft, encoding })}
      />
      <div className="imports-settings__flags">
        {FLAGS.map((flag) => (
          <label key={flag} className="imports-settings__flag">
            <input
              type="checkbox"
              checked={draft[flag]}
              onChange={(event) => onChange({ ...draft, [flag]: event.target.checked })}
            />
            <Bilingual pair={IMPORT_TEXT[flag]} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
