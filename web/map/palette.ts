/**
 * Colours the web app draws itself; the map's own colours come with the server's style
 * (api/styles/palette.ts). The community outline colour is used by nothing else, so a
 * browser test can find deck.gl's pixels by colour.
 */
export const MAP_COLORS = {
  /** Drawn by deck.gl, as `[r, g, b]`. */
  communityOutline: [0, 229, 255] as [number, number, number],
} as const;
