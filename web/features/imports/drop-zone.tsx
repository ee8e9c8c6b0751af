import { type DragEvent, useId, useState } from 'react';
import { IMPORT_TEXT } from './import-text';
import { Bilingual } from './bilingual-text';

/** The file types the readers take; anything else is still sent and refused with a reason. */
const ACCEPT = '.geojson,.json,.csv,.txt,.zip,.gpkg';

/**
 * Drag & drop or a file button; the chosen file's name shows once one is picked. The input is
 * the one element a browser test fills (`setInputFiles`).
 */
export function DropZone({ file, onFile }: { file: File | null; onFile: (file: File) => void }) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <div
      className={`imports-drop${over ? ' imports-drop--over' : ''}`}
      data-testid="import-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        <Bilingual pair={IMPORT_TEXT.dropHint} />{' '}
        <label className="imports-drop__button" htmlFor={inputId}>
          <Bilingual pair={IMPORT_TEXT.chooseFile} />
        </label>
      </p>
      <input
        id={inputId}
        className="imports-drop__input"
        type="file"
        accept={ACCEPT}
        data-testid="import-file"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) onFile(chosen);
          event.target.value = '';
        }}
      />
      {file ? (
        <p className="imports-drop__file" data-testid="import-file-name">
          {file.name}
        </p>
      ) : (
        <p className="imports__hint">
          <Bilingual pair={IMPORT_TEXT.formats} />
        </p>
      )}
    </div>
  );
}
