import type { Page } from 'playwright-core';

/** A text the operator cannot read whole: why, where, and what it says. */
export interface TextFault {
  text: string;
  /** The element holding the text, as `tag.class`. */
  where: string;
  detail: string;
}

/** What {@link measureWallText} found in the wall's panels. */
export interface WallTextReport {
  /** 1 rem in px: the window height / 67.5. */
  rem: number;
  /** Visible texts measured. */
  texts: number;
  /** The smallest rendered font size of a visible text, px. */
  smallestPx: number;
  /** Visible texts under 1 rem (SVG text counted at its drawn size). */
  small: TextFault[];
  /** Texts cut by a box that clips them or by the window's edge (partly shown). */
  clipped: TextFault[];
  /** Texts wider than their box (ellipsised or hidden overflow: a truncated code; a cut placeholder). */
  truncated: TextFault[];
  /** Panels reaching outside the window. */
  offscreen: string[];
}

/**
 * Measures every text node inside the wall's panels (each child of `.wall` but the map),
 * whatever panel it belongs to: its drawn font size, whether a clipping box or the window cuts
 * it, whether it is wider than its own box. A text wholly hidden by a clipping box (a feed row
 * that did not fit) is not drawn and not counted; a text partly hidden is a fault.
 */
export function measureWallText(page: Page): Promise<WallTextReport> {
  return page.evaluate(() => {
    const rem = window.innerHeight / 67.5;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').replace(/ /g, '.')}`;
    const clips = (el: Element) => {
      const s = getComputedStyle(el);
      return s.overflowX !== 'visible' || s.overflowY !== 'visible';
    };
    const report = {
      rem,
      texts: 0,
      smallestPx: Infinity,
      small: [] as { text: string; where: string; detail: string }[],
      clipped: [] as { text: string; where: string; detail: string }[],
      truncated: [] as { text: string; where: string; detail: string }[],
      offscreen: [] as string[],
    };
    const panels = [...document.querySelectorAll('.wall > :not(.map-view)')];
    const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    for (const panel of panels) {
      const box = panel.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (
        box.left < -1 ||
        box.top < -1 ||
        box.right > view.right + 1 ||
        box.bottom > view.bottom + 1
      ) {
        report.offscreen.push(`${name(panel)} ${JSON.stringify(box)}`);
      }
    }
    const checkedBoxes = new Set<Element>();
    for (const panel of panels) {
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const el = node.parentNode instanceof Element ? node.parentNode : null;
        if (!text || !el || el.closest('option, script, style, [aria-hidden="true"]')) continue;
        const style = getComputedStyle(el);
        if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // Clipping boxes between the text and its panel (and the window itself).
        const cut: string[] = [];
        let whollyHidden = false;
        const boxes: { rect: DOMRect | typeof view; label: string }[] = [
          { rect: view, label: 'window' },
        ];
        for (let a = el.parentElement; a && a !== panel.parentElement; a = a.parentElement) {
          if (clips(a)) boxes.push({ rect: a.getBoundingClientRect(), label: name(a) });
        }
        if (clips(el)) boxes.push({ rect: el.getBoundingClientRect(), label: name(el) });
        // A text's box is the font's full ascent and descent, taller than its glyphs: a
        // figure set line-height 1 in a clipping box is whole although its box overhangs.
        const v = 0.2 * parseFloat(style.fontSize);
        for (const { rect, label } of boxes) {
          const outside =
            r.right <= rect.left + 1 ||
            r.left >= rect.right - 1 ||
            r.bottom <= rect.top + v ||
            r.top >= rect.bottom - v;
          const inside =
            r.left >= rect.left - 1 &&
            r.right <= rect.right + 1 &&
            r.top >= rect.top - v &&
            r.bottom <= rect.bottom + v;
          if (outside) whollyHidden = true;
          else if (!inside) cut.push(label);
        }
        if (whollyHidden) continue;
        report.texts += 1;
        let px = parseFloat(style.fontSize);
        if (el instanceof SVGElement) {
          const ctm = (el as unknown as SVGGraphicsElement).getScreenCTM();
          if (ctm) px *= Math.hypot(ctm.a, ctm.b);
        }
        report.smallestPx = Math.min(report.smallestPx, px);
        const where = name(el);
        if (px < rem - 0.05) report.small.push({ text, where, detail: `${px.toFixed(1)} px` });
        if (cut.length > 0)
          report.clipped.push({ text, where, detail: `cut by ${cut.join(', ')}` });
        if (!checkedBoxes.has(el) && !(el instanceof SVGElement) && clips(el)) {
          checkedBoxes.add(el);
          if (el.scrollWidth > el.clientWidth + 1) {
            report.truncated.push({
              text,
              where,
              detail: `${el.scrollWidth} px of text in ${el.clientWidth} px`,
            });
          }
        }
      }
    }
    // A placeholder is text the operator reads too: it must fit the field's content box.
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const input of document.querySelectorAll<HTMLInputElement>('.wall input[placeholder]')) {
      const s = getComputedStyle(input);
      if (!input.placeholder || input.value || input.getBoundingClientRect().width === 0) continue;
      canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const needed = canvas.measureText(input.placeholder).width;
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      if (needed > room + 1) {
        report.truncated.push({
          text: input.placeholder,
          where: name(input),
          detail: `placeholder ${Math.ceil(needed)} px in ${Math.floor(room)} px`,
        });
      }
    }
    return report;
  });
}

/** The layer panel's rows that are not wholly inside the panel and the window. */
export function hiddenLayerRows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('.layer-panel');
    if (!panel) return ['no layer panel'];
    const p = panel.getBoundingClientRect();
    const rows = [...panel.querySelectorAll('[data-layer-row]')];
    if (rows.length === 0) return ['no rows'];
    return rows.flatMap((row) => {
      const r = row.getBoundingClientRect();
      const inside =
        r.height > 0 &&
        r.top >= Math.max(p.top, 0) - 1 &&
        r.bottom <= Math.min(p.bottom, window.innerHeight) + 1 &&
        r.left >= p.left - 1 &&
        r.right <= p.right + 1;
      return inside ? [] : [`${row.getAttribute('data-layer-row')} ${JSON.stringify(r)}`];
    });
  });
}

/** Sizes the map draws with at a given moment: style labels and lines, deck.gl symbols. */
export interface MapSizes {
  /** `text-size` of the street names as the map holds it now (a zoom curve's outputs). */
  streetLabelPx: number[];
  /** The same in the style the server sends (the 1080-line size). */
  styleStreetLabelPx: number[];
  /** Arterial road widths now, and in the server's style. */
  arterialPx: number[];
  styleArterialPx: number[];
  gridCodePx: number;
  /** deck.gl size uniforms: members' and urgent incidents' radius, icons' size. */
  deck: Record<string, number>;
}

/** Reads the sizes the map draws with now, and the style's own, from the page. */
export function readMapSizes(page: Page): Promise<MapSizes> {
  return page.evaluate(async () => {
    const map = window.yipingMap;
    const overlay = window.yipingOverlay as unknown as {
      _deck: { props: { layers: unknown[] } };
    };
    if (!map || !overlay) throw new Error('no map on the page');
    const outputs = (value: unknown): number[] =>
      Array.isArray(value)
        ? (value.slice(3).filter((_, i) => i % 2 === 1) as number[])
        : [value as number];
    const style = (await (await fetch('/styles/dark.json')).json()) as {
      layers: { id: string; layout?: Record<string, unknown>; paint?: Record<string, unknown> }[];
    };
    const styleLayer = (id: string) => style.layers.find((l) => l.id === id);
    const layers = overlay._deck.props.layers.flat(Infinity) as {
      id: string;
      props: Record<string, unknown>;
    }[];
    const uniform = (id: string, prop: string) =>
      Number(layers.find((l) => l.id === id)?.props[prop] ?? NaN);
    return {
      streetLabelPx: outputs(map.getLayoutProperty('places-street', 'text-size')),
      styleStreetLabelPx: outputs(styleLayer('places-street')?.layout?.['text-size']),
      arterialPx: outputs(map.getPaintProperty('basemap-roads-arterial', 'line-width')),
      styleArterialPx: outputs(styleLayer('basemap-roads-arterial')?.paint?.['line-width']),
      gridCodePx: Number(map.getLayoutProperty('wall-grid-codes', 'text-size')),
      deck: {
        members: uniform('deck-members', 'radiusScale'),
        incidents: uniform('deck-incidents', 'radiusScale'),
        servicePoints: uniform('deck-service-points', 'sizeScale'),
        cameras: uniform('deck-cameras', 'sizeScale'),
      },
    };
  });
}
