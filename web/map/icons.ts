import type { CameraKind } from '../../api/contract/codes';
import type { ServiceGroup } from '../domain/map-colours';

/**
 * An icon as deck.gl's IconLayer takes it (auto-packed). `mask: true` makes the SVG's alpha a
 * stencil, so the layer's `getColor` paints it: one shape per kind, one colour per status.
 */
export interface MapIcon {
  id: string;
  url: string;
  width: number;
  height: number;
  mask: true;
}

/** Pixel size the SVGs are rasterised at; deck.gl scales them to `getSize`. */
const ICON_PX = 48;

/** White strokes and fills on a transparent 48 × 48 canvas; only the alpha matters. */
function svgIcon(id: string, body: string): MapIcon {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ICON_PX}" height="${ICON_PX}" ` +
    `viewBox="0 0 48 48" fill="#fff" stroke="#fff" stroke-linejoin="round">${body}</svg>`;
  return {
    id,
    url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    width: ICON_PX,
    height: ICON_PX,
    mask: true,
  };
}

const outline = (width: number) => `fill="none" stroke-width="${width}"`;

/** Camera icons by kind: the shape says the kind, the colour (from the layer) the status. */
export const CAMERA_ICONS: Record<CameraKind, MapIcon> = {
  // A dome camera seen from below: ring and lens.
  skynet: svgIcon(
    'camera-skynet',
    `<circle cx="24" cy="24" r="17" ${outline(6)}/><circle cx="24" cy="24" r="7" stroke="none"/>`,
  ),
  // A traffic light: traffic enforcement.
  e_police: svgIcon(
    'camera-e-police',
    `<rect x="13" y="3" width="22" height="42" rx="6" ${outline(4)}/>` +
      `<circle cx="24" cy="13" r="4.5" stroke="none"/><circle cx="24" cy="24" r="4.5" stroke="none"/>` +
      `<circle cx="24" cy="35" r="4.5" stroke="none"/>`,
  ),
  // A barrier gate: post and boom.
  checkpoint: svgIcon(
    'camera-checkpoint',
    `<rect x="5" y="8" width="10" height="36" rx="2" stroke="none"/>` +
      `<rect x="15" y="14" width="29" height="9" rx="2" stroke="none"/>`,
  ),
  // A parking sign: rounded square with a P.
  parking: svgIcon(
    'camera-parking',
    `<rect x="5" y="5" width="38" height="38" rx="8" ${outline(5)}/>` +
      `<path d="M18 36V13h8a6.5 6.5 0 0 1 0 13h-8" ${outline(5)}/>`,
  ),
  // A tower with an eye on top: a high-point camera.
  high_point: svgIcon(
    'camera-high-point',
    `<path d="M24 16L38 45H10Z" ${outline(5)}/><circle cx="24" cy="9" r="7" stroke="none"/>`,
  ),
  // A house with a lens: a residential compound's own camera.
  community: svgIcon(
    'camera-community',
    `<path d="M6 22L24 6l18 16v21H6Z" ${outline(5)}/><circle cx="24" cy="29" r="6" stroke="none"/>`,
  ),
};

/** Service point icons by colour group. */
export const SERVICE_GROUP_ICONS: Record<ServiceGroup, MapIcon> = {
  // A flag: party and community service centres, mediation.
  governance: svgIcon(
    'service-governance',
    `<path d="M11 45V4" ${outline(5)}/><path d="M13 6h26l-6 9 6 9H13Z" stroke="none"/>`,
  ),
  // A cross.
  health: svgIcon(
    'service-health',
    `<path d="M18 4h12v14h14v12H30v14H18V30H4V18h14Z" stroke="none"/>`,
  ),
  // A heart.
  elderly: svgIcon(
    'service-elderly',
    `<path d="M24 43S4 30 4 16a10 10 0 0 1 20-3 10 10 0 0 1 20 3c0 14-20 27-20 27Z" stroke="none"/>`,
  ),
  // An open book.
  education: svgIcon(
    'service-education',
    `<path d="M3 10l19 4v30L3 40Z" stroke="none"/><path d="M45 10l-19 4v30l19-4Z" stroke="none"/>`,
  ),
  // A shopping bag.
  commerce: svgIcon(
    'service-commerce',
    `<path d="M16 17v-5a8 8 0 0 1 16 0v5" ${outline(4)}/>` +
      `<rect x="6" y="17" width="36" height="27" rx="4" stroke="none"/>`,
  ),
  // A shield.
  safety: svgIcon(
    'service-safety',
    `<path d="M24 3l19 7v13c0 11-8 19-19 23C13 42 5 34 5 23V10Z" stroke="none"/>`,
  ),
  // A star.
  culture: svgIcon(
    'service-culture',
    `<path d="M24 3l6.2 13.4 14.7 1.8-10.8 10 2.8 14.6L24 35.6l-12.9 7.2 2.8-14.6-10.8-10 14.7-1.8Z" stroke="none"/>`,
  ),
};

/**
 * loaders.gl fetches icon URLs with `fetch()`, and the server's Content-Security-Policy
 * (`connect-src 'self'`) forbids fetching `data:` URLs. This answers them locally instead.
 */
async function fetchDataUrl(url: string): Promise<Response> {
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const payload = url.slice(comma + 1);
  const body = header.endsWith(';base64') ? atob(payload) : decodeURIComponent(payload);
  const type = header.slice('data:'.length).split(';')[0] || 'image/svg+xml';
  const response = new Response(body, { headers: { 'content-type': type } });
  // loaders.gl tells SVG (drawn through an <img>) from bitmaps by the response's URL.
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/** `loadOptions` for every IconLayer drawing {@link MapIcon}s. */
export const ICON_LOAD_OPTIONS = { fetch: fetchDataUrl };
