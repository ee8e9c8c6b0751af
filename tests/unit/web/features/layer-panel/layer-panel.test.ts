import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VISIBILITY,
  DEFAULT_WALKING_REACH,
  type WallLayerKey,
  type WalkingReach,
} from '../../../../../web/domain/wall-layers';
import type { WalkingReachStatus } from '../../../../../web/features/layer-panel/walking-reach-row';
import { LayerPanel } from '../../../../../web/features/layer-panel/layer-panel';
import type { LayerRowKey } from '../../../../../web/features/layer-panel/layer-switch';

type Visibility = Record<WallLayerKey, boolean>;

function render(
  visibility: Visibility = DEFAULT_VISIBILITY,
  reach: WalkingReach = DEFAULT_WALKING_REACH,
  status: WalkingReachStatus = 'idle',
  initialLegend?: LayerRowKey,
): string {
  // The basemap switcher in the panel reads GET /styles through the query cache (nothing is
  // fetched while rendering to markup; without basemaps to choose it draws nothing).
  const client = new QueryClient();
  const panel = createElement(LayerPanel, {
    visibility,
    onToggle: () => undefined,
    measure: 'sla',
    onMeasureChange: () => undefined,
    maxMeasure: 12,
    reach: { reach, status, onChange: () => undefined },
    initialLegend,
  });
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, panel));
}

/** The attributes of every `<button>` in the markup (no DOM in the unit project). */
function buttons(html: string): Record<string, string>[] {
  return [...html.matchAll(/<button\b([^>]*)>/g)].map((tag) =>
    Object.fromEntries(
      [...(tag[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? '']),
    ),
  );
}

/** The markup of one layer's row, up to the next row. */
function row(html: string, layer: WallLayerKey | 'walkingReach'): string {
  const start = html.indexOf(`data-layer-row="${layer}"`);
  const end = html.indexOf('layer-panel__row', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
}

describe('LayerPanel', () => {
  it('gives every layer a switch showing whether it is on', () => {
    const switches = buttons(render({ ...DEFAULT_VISIBILITY, cameras: false })).filter(
      (b) => b.role === 'switch' && b['data-layer'] !== 'walkingReach',
    );
    const state = Object.fromEntries(switches.map((b) => [b['data-layer'], b['aria-checked']]));
    expect(state).toEqual({
      grids: 'true',
      cameras: 'false',
      servicePoints: 'true',
      incidents: 'true',
      members: 'true',
    });
  });

  it('lists walking reach as a switch, off and without a legend at start', () => {
    const html = render();
    const reach = buttons(html).filter((b) => b['data-layer'] === 'walkingReach');
    expect(reach).toEqual([expect.objectContaining({ role: 'switch', 'aria-checked': 'false' })]);
    expect(reach[0]).not.toHaveProperty('disabled');
    expect(row(html, 'walkingReach')).toContain('步行可达范围');
    expect(row(html, 'walkingReach')).not.toContain('reach-category');
  });

  it('offers the categories and the distance classes while walking reach is on', () => {
    const html = row(
      render(DEFAULT_VISIBILITY, { on: true, category: 'kindergarten' }, 'ready'),
      'walkingReach',
    );
    expect(html).toContain('data-control="reach-category"');
    expect(html).toMatch(/<option value="kindergarten" selected="">● 幼儿园 · 300 m/);
    expect(html).toContain('≤500 米');
    expect(html).toContain('不可达');
  });

  it('says so when the caller may not see the walking analysis', () => {
    const html = render(DEFAULT_VISIBILITY, { on: true, category: 'kindergarten' }, 'forbidden');
    expect(html).toContain('无权限查看步行可达分析');
  });

  it('marks the chosen grid measure', () => {
    const html = render(DEFAULT_VISIBILITY, DEFAULT_WALKING_REACH, 'idle', 'grids');
    const checked = buttons(html).filter((b) => b.role === 'radio' && b['aria-checked'] === 'true');
    expect(checked.map((b) => b['data-measure'])).toEqual(['sla']);
  });

  it('shows a layer’s legend only while the layer is on', () => {
    const html = render({ ...DEFAULT_VISIBILITY, members: false });
    expect(row(html, 'members')).not.toContain('class="legend');
    expect(row(html, 'incidents')).toContain('一般');
    expect(row(html, 'incidents')).toContain('特别严重');
  });

  it('opens one legend at a time: the incidents’ at start, folded toggles for the others', () => {
    const html = render();
    expect(html.match(/class="legend[ "]/g)).toHaveLength(1);
    expect(row(html, 'incidents')).toContain('aria-expanded="true"');
    const folds = buttons(html).filter((b) => b['data-legend-toggle']);
    expect(
      folds.filter((b) => b['aria-expanded'] === 'true').map((b) => b['data-legend-toggle']),
    ).toEqual(['incidents']);
    expect(folds.find((b) => b['data-legend-toggle'] === 'grids')?.['aria-label']).toBe(
      '图例 · 网格',
    );
  });
});
