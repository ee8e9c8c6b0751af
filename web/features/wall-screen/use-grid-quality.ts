import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type GridQualityFeature, gridQualityFeatures } from '../../domain/grid-quality';
import type { Me } from '../../server-state/auth';
import { gridQualityQuery } from '../../server-state/grid-quality';
import type { GridQualityRowProps } from '../layer-panel/grid-quality-row';
import { analysisStatus } from './use-walking-reach';

const NONE: GridQualityFeature[] = [];

/**
 * The admins' grid-check layer: for an admin, the topology report's gaps and overlaps while the
 * layer is on (fetched only then); for anyone else, nothing at all — not even the panel row.
 */
export function useGridQuality(me: Me, on: boolean) {
  const admin = me.role === 'admin';
  const query = useQuery({ ...gridQualityQuery(), enabled: admin && on });
  const features = useMemo(
    () => (query.data ? gridQualityFeatures(query.data) : NONE),
    [query.data],
  );
  const counts: GridQualityRowProps['counts'] = query.data
    ? { gap: query.data.gaps.length, overlap: query.data.overlaps.length }
    : null;
  return {
    admin,
    features: admin && on ? features : NONE,
    status: on ? analysisStatus(query) : ('idle' as const),
    counts,
  };
}
