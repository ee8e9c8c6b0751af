import type { LabelPair } from '../../domain/label-pair';
import { Bilingual } from './bilingual-text';

/** The header row of the page's tables (problems, history): one bilingual cell per column. */
export function TableHead({ columns }: { columns: readonly LabelPair[] }) {
  return (
    <thead>
      <tr>
        {columns.map((pair) => (
          <th key={pair.en} scope="col">
            <Bilingual pair={pair} />
          </th>
        ))}
      </tr>
    </thead>
  );
}
