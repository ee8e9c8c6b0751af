/**
 * Map colours. The community outline colour is used by nothing else, so a browser test can
 * find deck.gl's pixels by colour.
 */
export const MAP_COLORS = {
  background: '#0a1120',
  districtFill: '#0f1c30',
  districtOutline: '#e7b341',
  streetFill: '#15294a',
  streetOutline: '#4d74a8',
  /** Drawn by deck.gl, as `[r, g, b]`. */
  communityOutline: [0, 229, 255] as [number, number, number],
  /** Street names, drawn by deck.gl, as `[r, g, b, a]`. */
  label: [226, 232, 240, 255] as [number, number, number, number],
  labelHalo: [10, 17, 32, 255] as [number, number, number, number],
} as const;

/** Local fonts only: MapLibre and deck.gl render CJK text with what the system has. */
export const LABEL_FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
