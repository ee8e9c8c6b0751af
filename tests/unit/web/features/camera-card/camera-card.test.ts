import { describe, expect, it } from 'vitest';
import { formatHeading } from '../../../../../web/features/camera-card/camera-card';

describe('camera card', () => {
  it('writes a heading with its compass point', () => {
    expect(formatHeading(135)).toEqual({ zh: '135° 东南', en: '135° SE' });
    expect(formatHeading(-10)).toEqual({ zh: '350° 北', en: '350° N' });
    expect(formatHeading(359.6)).toEqual({ zh: '0° 北', en: '0° N' });
  });
});
