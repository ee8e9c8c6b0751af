import { cellSize, type CellMargins } from './cell-points';
import type { CellQuad } from './lattice';

/**
 * The slot grid of one cell: `cols × rows` equal slots (in the cell's bilinear u, v fractions)
 * inside the cell inset by its margins. Buildings stand one to a slot; the lanes of a compound
 * run along the boundaries between slot rows and slot columns, so they pass between buildings.
 */
export interface SlotLayout {
  readonly cols: number;
  readonly rows: number;
  /** Fractions where the inset area starts (west, north) and its share of the cell. */
  readonly u0: number;
  readonly v0: number;
  readonly innerU: number;
  readonly innerV: number;
  /** Slot width and height in metres. */
  readonly slotW: number;
  readonly slotH: number;
}

/** The slot grid for `count` buildings: about square slots, as many columns as the shape allows. */
export function slotLayout(quad: CellQuad, margins: CellMargins, count: number): SlotLayout {
  const { width, height } = cellSize(quad);
  const u0 = margins.west / width;
  const v0 = margins.north / height;
  const innerU = Math.max(0.1, 1 - u0 - margins.east / width);
  const innerV = Math.max(0.1, 1 - v0 - margins.south / height);
  const cols = Math.max(1, Math.ceil(Math.sqrt((count * innerU * width) / (innerV * height))));
  const rows = Math.ceil(count / cols);
  const slotW = (innerU * width) / cols;
  const slotH = (innerV * height) / rows;
  return { cols, rows, u0, v0, innerU, innerV, slotW, slotH };
}

/** u of the boundary west of slot column `c` (0 … cols; 0 and cols are the inset's sides). */
export function columnLineU(slots: SlotLayout, c: number): number {
  return slots.u0 + (slots.innerU * c) / slots.cols;
}

/** v of the boundary north of slot row `r` (0 … rows; 0 and rows are the inset's sides). */
export function rowLineV(slots: SlotLayout, r: number): number {
  return slots.v0 + (slots.innerV * r) / slots.rows;
}
