import { describe, expect, it } from 'vitest';
import {
  CAMERA_STATUS_COLOURS,
  incidentColour,
  MEMBER_COLOURS,
  SERVICE_GROUP_COLOURS,
  SEVERITY_COLOURS,
} from '../../../../web/domain/map-colours';
import { MAP_COLORS } from '../../../../web/map/palette';

describe('map colours', () => {
  it('gives each severity its own colour', () => {
    const colours = Object.values(SEVERITY_COLOURS).map((c) => c.join());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('draws a finished incident grey whatever its severity', () => {
    const closed = incidentColour({ severity: 'critical', status: 'merged' });
    expect(closed).toEqual(incidentColour({ severity: 'low', status: 'closed' }));
    expect(closed).not.toEqual(SEVERITY_COLOURS.critical);
  });

  it('never uses the overlay’s reserved cyan, which browser tests look for', () => {
    const reserved = MAP_COLORS.communityOutline.join();
    const all = [
      ...Object.values(SEVERITY_COLOURS),
      ...Object.values(CAMERA_STATUS_COLOURS),
      ...Object.values(SERVICE_GROUP_COLOURS),
      ...Object.values(MEMBER_COLOURS),
    ];
    expect(all.map((c) => c.slice(0, 3).join())).not.toContain(reserved);
  });
});
