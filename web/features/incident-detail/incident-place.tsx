import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { IncidentDetail } from '../../../api/contract/incident-records';
import { adminAreasQuery } from '../../server-state/admin-areas';
import { gridsQuery } from '../../server-state/wall-queries';
import type { LabelPair } from '../../domain/label-pair';
import { placeNames } from '../../domain/wall-places';
import { Fact } from './fact';

const L = {
  address: { zh: '地址', en: 'Address' },
  grid: { zh: '网格', en: 'Grid' },
  community: { zh: '社区', en: 'Community' },
  street: { zh: '街道', en: 'Street' },
} satisfies Record<string, LabelPair>;

/**
 * Names of grids, communities and streets by code, from the wall's cached layers (the grids
 * and admin areas the wall has already loaded; fetched once if it has not).
 */
function usePlaceNames(): ReadonlyMap<string, string> {
  const grids = useQuery(gridsQuery());
  const areas = useQuery(adminAreasQuery());
  return useMemo(() => {
    const names = new Map(placeNames(areas.data));
    for (const grid of grids.data ?? []) names.set(grid.code, grid.name);
    return names;
  }, [grids.data, areas.data]);
}

function Named({
  code,
  names,
  field,
}: {
  code: string;
  names: ReadonlyMap<string, string>;
  field: string;
}) {
  return (
    <span data-incident-place={field}>
      <span data-place-name>{names.get(code) ?? ''}</span>{' '}
      <span className="incident-detail__codes">{code}</span>
    </span>
  );
}

/**
 * Where the incident is, as an operator reads it: the address (the reporter's, or the nearest
 * road and community the database wrote), then the grid and the community and street by name,
 * each with its code beside it.
 */
export function IncidentPlace({ detail }: { detail: IncidentDetail }) {
  const names = usePlaceNames();
  return (
    <>
      <Fact label={L.address}>
        <span data-incident-place="address">{detail.address}</span>
      </Fact>
      <Fact label={L.grid}>
        <Named code={detail.gridCode} names={names} field="grid" />
      </Fact>
      <Fact label={L.community}>
        <Named code={detail.communityCode} names={names} field="community" />
      </Fact>
      <Fact label={L.street}>
        <Named code={detail.streetCode} names={names} field="street" />
      </Fact>
    </>
  );
}
