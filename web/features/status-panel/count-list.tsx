import { COUNT_KEYS, type Counts } from '../../api/readyz';
import { COUNT_LABELS } from '../../domain/count-labels';
import { formatCount } from '../../domain/format';
import { CountTile } from '../../ui/count-tile';

/** The headline counts of the district, in the contract's order. */
export function CountList({ counts }: { counts: Counts }) {
  return (
    <dl className="count-list">
      {COUNT_KEYS.map((key) => (
        <CountTile
          key={key}
          label={COUNT_LABELS[key].zh}
          sublabel={COUNT_LABELS[key].en}
          value={formatCount(counts[key])}
          testId={`count-${key}`}
        />
      ))}
    </dl>
  );
}
