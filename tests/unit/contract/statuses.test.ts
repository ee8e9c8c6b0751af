import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../api/contract/codes';
import { SLA_CLOCKS } from '../../../api/contract/incidents';
import * as statuses from '../../../api/contract/statuses';
import { isOpen as domainIsOpen } from '../../../api/domain/incidents/state';
import { open311Status } from '../../../api/open311/requests';
import { buildDarkStyle, buildLightStyle } from '../../../api/styles/build-style';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import { isDimmedStatus } from '../../../web/domain/map-colours';
import { isOpen as wallIsOpen } from '../../../web/domain/wall-data';

/** The status groups are declared once; every copy that decides "open" must agree with them. */
describe('status groups', () => {
  it('split every status into open and finished, verified being open', () => {
    expect([...statuses.OPEN_STATUSES, ...statuses.FINISHED_STATUSES].sort()).toEqual(
      [...INCIDENT_STATUSES].sort(),
    );
    expect(
      statuses.OPEN_STATUSES.filter((s) => statuses.FINISHED_STATUSES.includes(s as never)),
    ).toEqual([]);
    expect(statuses.OPEN_STATUSES).toContain('verified');
  });

  it('run SLA clocks only in open statuses', () => {
    for (const clock of SLA_CLOCKS) {
      expect(statuses.SLA_RUNNING_STATUSES[clock].filter((s) => !statuses.isOpenStatus(s))).toEqual(
        [],
      );
    }
  });

  it.each(INCIDENT_STATUSES)('%s: domain, Open311 and the wall agree with the contract', (s) => {
    const open = statuses.isOpenStatus(s);
    expect(domainIsOpen(s)).toBe(open);
    expect(open311Status(s)).toBe(open ? 'open' : 'closed');
    expect(wallIsOpen({ status: s })).toBe(open);
    expect(isDimmedStatus(s)).toBe(!open);
  });
});

/** Whether a style layer's filter lets an incident of `status` through (at street zoom). */
function admits(filter: FilterSpecification | undefined, status: IncidentStatus): boolean {
  const feature = { type: 1, properties: { status, severity: 'critical' }, geometry: [] };
  return featureFilter(filter, 'filter').filter({ zoom: 16 }, feature as never);
}

describe.each([
  ['dark', buildDarkStyle],
  ['light', buildLightStyle],
])('the %s style', (_name, build) => {
  const style = build({ origin: 'http://127.0.0.1:8787', withIncidents: true });
  const incidents = style.layers.find((layer) => layer.id === LAYER_IDS.incidents);
  const filter = incidents && 'filter' in incidents ? incidents.filter : undefined;

  it("draws exactly the contract's open incidents", () => {
    expect(filter).toBeDefined();
    const drawn = INCIDENT_STATUSES.filter((s) => admits(filter, s));
    expect(drawn).toEqual([...statuses.OPEN_STATUSES]);
  });
});
