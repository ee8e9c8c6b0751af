/** Props of {@link MapNotice}. */
export interface MapNoticeProps {
  text: string;
  /** An optional action, e.g. "retry". */
  action?: { label: string; onClick: () => void };
}

/** A short alert floating over the map. */
export function MapNotice({ text, action }: MapNoticeProps) {
  return (
    <div className="map-notice" role="alert">
      <span>{text}</span>
      {action && (
        <button type="button" className="map-notice__action" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
