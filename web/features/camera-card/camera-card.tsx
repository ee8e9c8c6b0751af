import type { LabelPair } from '../../domain/label-pair';
import { CAMERA_KIND_LABELS, CAMERA_STATUS_LABELS } from '../../domain/labels';
import type { CameraPoint } from '../../domain/wall-data';
import { useLang } from '../../ui/lang';
import { HlsPlayer } from './hls-player';
import './camera-card.css';

const L = {
  title: { zh: '摄像头', en: 'Camera' },
  close: { zh: '关闭', en: 'Close' },
  heading: { zh: '朝向', en: 'Heading' },
  fov: { zh: '视场角', en: 'Field of view' },
  range: { zh: '可视距离', en: 'Range' },
  allAround: { zh: '全景 360°', en: '360° all around' },
  noStream: { zh: '未接入视频流', en: 'No stream configured' },
} satisfies Record<string, LabelPair>;

const COMPASS: readonly LabelPair[] = [
  { zh: '北', en: 'N' },
  { zh: '东北', en: 'NE' },
  { zh: '东', en: 'E' },
  { zh: '东南', en: 'SE' },
  { zh: '南', en: 'S' },
  { zh: '西南', en: 'SW' },
  { zh: '西', en: 'W' },
  { zh: '西北', en: 'NW' },
];

/** A heading in degrees from north with its compass point: `135° 东南` / `135° SE`. */
export function formatHeading(degrees: number): LabelPair {
  const normal = ((Math.round(degrees) % 360) + 360) % 360;
  const point = COMPASS[Math.round(normal / 45) % 8]!;
  return { zh: `${normal}° ${point.zh}`, en: `${normal}° ${point.en}` };
}

function Spec({ label, value }: { label: LabelPair; value: string }) {
  const { t } = useLang();
  return (
    <div className="camera-card__spec">
      <dt>{t(label)}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * The card of one camera: name, code, kind, status, where it looks (heading, field of view,
 * range) and, when it has a stream URL, its live video.
 */
export function CameraCard({ camera, onClose }: { camera: CameraPoint; onClose: () => void }) {
  const { t } = useLang();
  const allAround = camera.fov >= 360;
  return (
    <section
      className="camera-card"
      aria-label={`${t(L.title)} ${camera.name}`}
      data-camera-card={camera.code}
    >
      <header className="camera-card__header">
        <h2 className="camera-card__name">{camera.name}</h2>
        <button
          type="button"
          className="camera-card__close"
          aria-label={t(L.close)}
          onClick={onClose}
        >
          ×
        </button>
        <span className="camera-card__code">{camera.code}</span>
        <span className="camera-card__kind">{t(CAMERA_KIND_LABELS[camera.kind])}</span>
        <span className={`camera-card__status camera-card__status--${camera.status}`}>
          {t(CAMERA_STATUS_LABELS[camera.status])}
        </span>
      </header>
      <dl className="camera-card__specs">
        <Spec label={L.heading} value={allAround ? '—' : t(formatHeading(camera.heading))} />
        <Spec label={L.fov} value={allAround ? t(L.allAround) : `${Math.round(camera.fov)}°`} />
        <Spec label={L.range} value={`${Math.round(camera.rangeM)} m`} />
      </dl>
      {camera.streamUrl ? (
        <HlsPlayer key={camera.streamUrl} url={camera.streamUrl} title={camera.name} />
      ) : (
        <p className="camera-card__no-stream">{t(L.noStream)}</p>
      )}
    </section>
  );
}
