const BASE = 'http://www.opengis.net/spec/cql2/1.0/conf';

/**
 * The CQL2 conformance classes this module passes in full. Not claimed: case- and
 * accent-insensitive comparison (CASEI/ACCENTI), temporal and array functions, custom functions
 * and arithmetic.
 */
export const CQL2_CONFORMANCE: readonly string[] = [
  `${BASE}/cql2-text`,
  `${BASE}/basic-cql2`,
  `${BASE}/advanced-comparison-operators`,
  `${BASE}/basic-spatial-functions`,
  `${BASE}/basic-spatial-functions-plus`,
  `${BASE}/spatial-functions`,
  `${BASE}/property-property`,
];
