import { describe, expect, it } from 'vitest';
import { readWallOptions } from '../../../../../web/features/wall-screen/wall-options';

describe('readWallOptions', () => {
  it('reads kiosk mode, dwell, gap, sound and language from the query string', () => {
    expect(readWallOptions('?kiosk=1&dwell=60&gap=5&sound=on&lang=en')).toEqual({
      kiosk: true,
      dwellMs: 60_000,
      gapSteps: 5,
      alertMs: 120_000,
      sound: true,
      lang: 'en',
    });
  });

  it('falls back to an interactive Chinese screen with a 45 s dwell and a gap of 3 steps', () => {
    expect(readWallOptions('')).toEqual({
      kiosk: false,
      dwellMs: 45_000,
      gapSteps: 3,
      alertMs: 90_000,
      sound: false,
      lang: 'zh',
    });
    expect(readWallOptions('?dwell=2').dwellMs).toBe(45_000);
    expect(readWallOptions('?dwell=abc').dwellMs).toBe(45_000);
  });

  it('refuses a gap below one step or not a whole number', () => {
    for (const gap of ['0', '-2', '1.5', 'x']) {
      expect(readWallOptions(`?kiosk=1&gap=${gap}`).gapSteps, gap).toBe(3);
    }
    expect(readWallOptions('?kiosk=1&gap=1').gapSteps).toBe(1);
  });

  it('lets a kiosk alert go by itself after two tour steps', () => {
    expect(readWallOptions('?kiosk=1&dwell=5').alertMs).toBe(10_000);
  });
});
