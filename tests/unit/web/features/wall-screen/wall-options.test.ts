import { describe, expect, it } from 'vitest';
import { readWallOptions } from '../../../../../web/features/wall-screen/wall-options';

describe('readWallOptions', () => {
  it('reads kiosk mode, dwell, sound and language from the query string', () => {
    expect(readWallOptions('?kiosk=1&dwell=60&sound=on&lang=en')).toEqual({
      kiosk: true,
      dwellMs: 60_000,
      sound: true,
      lang: 'en',
    });
  });

  it('falls back to an interactive Chinese screen with a 45 s dwell', () => {
    expect(readWallOptions('')).toEqual({
      kiosk: false,
      dwellMs: 45_000,
      sound: false,
      lang: 'zh',
    });
    expect(readWallOptions('?dwell=2').dwellMs).toBe(45_000);
    expect(readWallOptions('?dwell=abc').dwellMs).toBe(45_000);
  });
});
