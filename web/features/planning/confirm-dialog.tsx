import { useEffect, useRef } from 'react';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  title: LabelPair;
  text: LabelPair;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question (the browser's `<dialog>`, so focus stays inside and Esc cancels) before an
 * action that cannot be undone.
 */
export function ConfirmDialog({ title, text, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-dialog-title" className="planning__heading">
        {t(title)}
      </h2>
      <p>{t(text)}</p>
      <div className="confirm-dialog__actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t(PLANNING_TEXT.cancel)}
        </button>
        <button
          type="button"
          className="planning__danger"
          data-control="confirm"
          onClick={onConfirm}
          disabled={busy}
        >
          {t(PLANNING_TEXT.confirm)}
        </button>
      </div>
    </dialog>
  );
}
