import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VISIBILITY, type WallLayerKey } from '../../../../../web/domain/wall-layers';
import { LayerPanel } from '../../../../../web/features/layer-panel/layer-panel';

type Visibility = Record<WallLayerKey, boolean>;

function render(visibility: Visibility = DEFAULT_VISIBILITY): string {
  return renderToStaticMarkup(
    createElement(LayerPanel, {
      visibility,
      onToggle: () => undefined,
      measure: 'sla',
      onMeasureChange: () => undefined,
      maxMeasure: 12,
    }),
  );
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
function row(html: string, layer: WallLayerKey): string {
  const start = html.indexOf(`data-layer-row="${layer}"`);
  const end = html.indexOf('layer-panel__row', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
}

describe('LayerPanel', () => {
  it('gives every layer a switch showing whether it is on', () => {
    const switches = buttons(render({ ...DEFAULT_VISIBILITY, cameras: false })).filter(
      (b) => b.role === 'switch' && b['data-layer'],
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

  it('lists walking reach as a disabled switch, in Chinese by default', () => {
    const html = render();
    const reach = buttons(html).filter((b) => b.role === 'switch' && !b['data-layer']);
    expect(reach).toHaveLength(1);
    expect(reach[0]).toHaveProperty('disabled');
    expect(html).toContain('步行可达范围 · 即将上线');
  });

  it('marks the chosen grid measure', () => {
    const checked = buttons(render()).filter(
      (b) => b.role === 'radio' && b['aria-checked'] === 'true',
    );
    expect(checked.map((b) => b['data-measure'])).toEqual(['sla']);
  });

  it('shows a layer’s legend only while the layer is on', () => {
    const html = render({ ...DEFAULT_VISIBILITY, members: false });
    expect(row(html, 'members')).not.toContain('class="legend');
    expect(row(html, 'incidents')).toContain('一般');
    expect(row(html, 'incidents')).toContain('特别严重');
  });
});
