import type { ReactNode } from 'react';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';

/** A column of a planner's table: its heading (text or content) and whether it holds numbers. */
export interface Column {
  label: LabelPair | ReactNode;
  numeric?: boolean;
  /** `aria-sort` when the table is sorted by this column. */
  sort?: 'ascending' | 'descending';
}

const isLabel = (label: Column['label']): label is LabelPair =>
  typeof label === 'object' && label !== null && 'zh' in label && 'en' in label;

/** The head row of a planner's table; numeric columns align right. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  const { t } = useLang();
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th
            key={i}
            scope="col"
            className={column.numeric ? 'planning__num' : undefined}
            aria-sort={column.sort}
          >
            {isLabel(column.label) ? t(column.label) : column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
