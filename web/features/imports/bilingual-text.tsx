import type { LabelPair } from '../../domain/label-pair';

/** Chinese first, English after it in a dimmer, smaller span. */
export function Bilingual({ pair }: { pair: LabelPair }) {
  return (
    <>
      {pair.zh} <span className="imports__latin">{pair.en}</span>
    </>
  );
}
