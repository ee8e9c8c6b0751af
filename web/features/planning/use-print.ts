import type { Map as MapLibreMap } from 'maplibre-gl';
import { type RefObject, useState } from 'react';
import { flushSync } from 'react-dom';

/** A picture of the map for the printed page, and when it was taken. */
export interface PrintSnapshot {
  image: string;
  at: number;
}

/**
 * Printing (A4): takes a picture of the map (the planner's map keeps its drawing buffer, so the
 * canvas can be read), puts it on the page at once, then opens the browser's print dialog. The
 * live WebGL canvas does not print reliably; the picture does.
 */
export function usePrint(mapRef: RefObject<MapLibreMap | null>) {
  const [snapshot, setSnapshot] = useState<PrintSnapshot | null>(null);
  const print = async () => {
    const canvas = mapRef.current?.getCanvas();
    const image = canvas ? canvas.toDataURL('image/png') : '';
    if (image) {
      const decoded = new Image();
      decoded.src = image;
      await decoded.decode().catch(() => undefined);
    }
    flushSync(() => setSnapshot({ image, at: Date.now() }));
    window.print();
  };
  return { snapshot, print: () => void print() };
}
