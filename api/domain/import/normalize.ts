/**
 * How headers and values are compared: case, spaces, underscores, hyphens and full-width
 * punctuation do not matter (`Range_M`, `range m` and `rangeM` are one header; `e-police` and
 * `e_police` one value).
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.·/（）()]+/g, '');
}
