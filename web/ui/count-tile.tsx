/** Props of {@link CountTile}. */
export interface CountTileProps {
  /** Chinese label, shown first. */
  label: string;
  /** English label, shown smaller. */
  sublabel: string;
  /** The formatted value. */
  value: string;
  testId?: string;
}

/** A labelled headline number. */
export function CountTile({ label, sublabel, value, testId }: CountTileProps) {
  return (
    <div className="count-tile">
      <dt className="count-tile__label">
        {label}
        <span className="count-tile__sublabel">{sublabel}</span>
      </dt>
      <dd className="count-tile__value" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
