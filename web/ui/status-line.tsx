/** How a status reads: in progress, fine, or wrong. */
export type StatusTone = 'pending' | 'ok' | 'error';

/** Props of {@link StatusLine}. */
export interface StatusLineProps {
  tone: StatusTone;
  text: string;
}

/** One line of live status with a coloured dot; announced politely to screen readers. */
export function StatusLine({ tone, text }: StatusLineProps) {
  return (
    <p className={`status-line status-line--${tone}`} role="status" aria-live="polite">
      <span className="status-line__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
