import { describe, expect, it } from 'vitest';
import { nodeDistances } from '../../../../api/domain/walking/shortest-paths';
import { piecesLength, reachedPieces } from '../../../../api/domain/walking/reach';
import { attach, networkOf, riverWithOneBridge } from './hand-made';

describe('reached network pieces (the skeleton of a reach polygon)', () => {
  it('reaches the same distance both ways along a road from a point on it', () => {
    const network = networkOf([
      [0, 0],
      [1000, 0],
    ]);
    const source = attach(network, [500, 0]);
    const pieces = reachedPieces(network, nodeDistances(network, source, 300), source, 300);
    expect(piecesLength(pieces)).toBeCloseTo(600, 6);
  });

  it('follows the network: over the bridge, not straight across the river', () => {
    const network = riverWithOneBridge();
    const source = attach(network, [300, 0]);
    const pieces = reachedPieces(network, nodeDistances(network, source, 450), source, 450);
    // South bank: 300 m west, 200 m to the bridge and 250 m on east; the 200 m bridge; then 50 m
    // each way along the north bank — not the north bank opposite, 200 m away as the crow flies.
    expect(piecesLength(pieces)).toBeCloseTo(300 + 200 + 250 + 200 + 100, 6);
    const northBank = pieces.filter((p) => p[1]! > 199 && p[3]! > 199);
    const xs = northBank.flatMap((p) => p.filter((_, i) => i % 2 === 0));
    expect(Math.min(...xs)).toBeCloseTo(450, 6);
    expect(Math.max(...xs)).toBeCloseTo(550, 6);
  });

  it('takes whole edges reached from both ends and partial ones at the limit', () => {
    const network = riverWithOneBridge();
    const source = attach(network, [500, 100]); // on the bridge
    const pieces = reachedPieces(network, nodeDistances(network, source, 300), source, 300);
    // The whole 200 m bridge, then 200 m each way along both banks.
    expect(piecesLength(pieces)).toBeCloseTo(200 + 4 * 200, 6);
  });

  it('takes the access walk off the reach', () => {
    const network = networkOf([
      [0, 0],
      [1000, 0],
    ]);
    const source = attach(network, [500, 100]);
    const pieces = reachedPieces(network, nodeDistances(network, source, 300), source, 300);
    expect(piecesLength(pieces)).toBeCloseTo(400, 6);
  });
});
