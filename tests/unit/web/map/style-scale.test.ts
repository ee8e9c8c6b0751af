import { describe, expect, it } from 'vitest';
import { scaleStyleValue } from '../../../../web/map/style-scale';

describe('scaleStyleValue', () => {
  it('multiplies a plain size', () => {
    expect(scaleStyleValue(15, 2)).toBe(30);
  });

  it('scales each output of a zoom curve, keeping zoom at the top of the expression', () => {
    const curve = ['interpolate', ['exponential', 1], ['zoom'], 10, 15, 16, 17];
    expect(scaleStyleValue(curve, 2)).toEqual([
      'interpolate',
      ['exponential', 1],
      ['zoom'],
      10,
      30,
      16,
      34,
    ]);
    expect(scaleStyleValue(['step', ['zoom'], 1, 12, 3], 1.5)).toEqual([
      'step',
      ['zoom'],
      1.5,
      12,
      4.5,
    ]);
  });

  it('wraps a data expression inside a zoom curve in a product', () => {
    const match = ['match', ['get', 'class'], 'arterial', 4, 1];
    const curve = ['interpolate', ['linear'], ['zoom'], 10, match];
    expect(scaleStyleValue(curve, 2)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      10,
      ['*', match, 2],
    ]);
  });

  it('leaves values alone at scale 1', () => {
    const curve = ['interpolate', ['linear'], ['zoom'], 10, 2];
    expect(scaleStyleValue(curve, 1)).toBe(curve);
  });
});
