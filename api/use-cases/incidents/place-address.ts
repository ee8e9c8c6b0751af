import { addressPlaces } from '../../db/incident-placement';
import type { ScopedClient } from '../../db/scoped';
import { type AddressCandidate, matchAddress } from '../../domain/address-match';
import { AppError } from '../../domain/errors';

/** Candidates listed in a 422 at most; the message says how many there were. */
const CANDIDATES_SHOWN = 20;

/**
 * One candidate as an error issue a person can act on and a client can read back:
 * `诗仙路, 凤凰社区 (370871001002), grid 370871001002005: [117.123456, 35.412345]`.
 */
export function describeCandidate(candidate: AddressCandidate): string {
  const community = candidate.communityName
    ? `, ${candidate.communityName} (${candidate.communityCode})`
    : '';
  const grid = candidate.gridCode ? `, grid ${candidate.gridCode}` : '';
  const point = `[${candidate.lng.toFixed(6)}, ${candidate.lat.toFixed(6)}]`;
  return `${candidate.name}${community}${grid}: ${point}`;
}

/**
 * The point of a free-text address. 422 `address_not_found` when it names nothing the caller
 * can see; 422 `ambiguous_address` with the candidates (one issue each, path `address`) when
 * it names a long road or several places and nothing narrows it to one.
 */
export async function placeAddress(
  client: ScopedClient,
  address: string,
): Promise<{ lng: number; lat: number }> {
  const { areas, segments } = await addressPlaces(client, address);
  const match = matchAddress(address, areas, segments);
  if (match.kind === 'placed') return { lng: match.lng, lat: match.lat };
  if (match.kind === 'unknown') {
    throw new AppError(
      'address_not_found',
      `No grid, community, street or road of your area is named in "${address}": give a location as a GeoJSON Point.`,
      [{ path: 'address', message: 'not recognised' }],
    );
  }
  const shown = match.candidates.slice(0, CANDIDATES_SHOWN);
  const more = match.candidates.length - shown.length;
  throw new AppError(
    'ambiguous_address',
    `"${address}" could be ${match.candidates.length} places (${match.reason}): name the community or grid as well, or give a location as a GeoJSON Point${more > 0 ? `; ${more} more candidates not listed` : ''}.`,
    shown.map((candidate) => ({ path: 'address', message: describeCandidate(candidate) })),
  );
}
