import type { Geometry } from 'geojson';
import { geometryFromWkb } from './wkx-geometry';

/** Envelope sizes in bytes by the envelope indicator (flag bits 1–3) of a GeoPackage header. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/**
 * The geometry of a GeoPackage binary blob: magic `GP`, version, flags, srs_id, an envelope whose
 * size the flags give, then standard WKB. Null for a NULL value or an empty geometry; throws
 * Error on a blob that is not a GeoPackage geometry.
 */
export function geometryFromGpkg(blob: Uint8Array | null): Geometry | null {
  if (blob === null) return null;
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) {
    throw new Error('not a GeoPackage geometry (no "GP" magic)');
  }
  const flags = blob[3]!;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined)
    throw new Error(`invalid envelope indicator in flags 0x${flags.toString(16)}`);
  if (flags & 0x10) return null;
  return geometryFromWkb(blob.subarray(8 + envelope));
}
