import type { NearbyCamera, NearbyMember } from '../../../api/contract/nearby';
import type { LabelPair } from '../../domain/label-pair';
import { CAMERA_KIND_LABELS, CAMERA_STATUS_LABELS, MEMBER_ROLE_LABELS } from '../../domain/labels';
import { useLang } from '../../ui/lang';
import { formatEventTime } from './timeline';

/** A distance for the lists: `85 m` below a kilometre, `1.2 km` from there. */
export function formatDistance(metres: number): string {
  return metres < 1_000 ? `${Math.round(metres)} m` : `${(metres / 1_000).toFixed(1)} km`;
}

/** How long ago a position was reported: just now, minutes, hours, or the time itself. */
export function positionAge(positionAt: number, now: number): LabelPair {
  const minutes = Math.floor(Math.max(0, now - positionAt) / 60_000);
  if (minutes < 1) return { zh: '刚刚', en: 'just now' };
  if (minutes < 60) return { zh: `${minutes}分钟前`, en: `${minutes} min ago` };
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    return { zh: `${hours}小时前`, en: `${hours} h ago` };
  }
  const at = formatEventTime(positionAt);
  return { zh: at, en: at };
}

const IN_VIEW: LabelPair = { zh: '可视', en: 'In view' };
const NO_CAMERAS: LabelPair = { zh: '附近没有摄像头', en: 'No cameras nearby' };
const NO_MEMBERS: LabelPair = { zh: '附近没有在岗网格员', en: 'No on-duty members nearby' };

/**
 * The cameras nearest to the incident, nearest first: name, kind, status, distance and whether
 * the incident lies in the camera's view. Each one focuses that camera when clicked.
 */
export function NearbyCameras({
  cameras,
  onFocusCamera,
}: {
  cameras: readonly NearbyCamera[];
  onFocusCamera: (code: string) => void;
}) {
  const { t } = useLang();
  if (cameras.length === 0) return <p className="nearby-list__empty">{t(NO_CAMERAS)}</p>;
  return (
    <ul className="nearby-list">
      {cameras.map((camera) => (
        <li key={camera.code}>
          <button
            type="button"
            className="nearby-list__item nearby-list__item--camera"
            data-nearby-camera={camera.code}
            onClick={() => onFocusCamera(camera.code)}
          >
            <span className="nearby-list__name">{camera.name}</span>
            <span className="nearby-list__meta">{t(CAMERA_KIND_LABELS[camera.kind])}</span>
            <span className={`nearby-list__status nearby-list__status--${camera.status}`}>
              {t(CAMERA_STATUS_LABELS[camera.status])}
            </span>
            <span className="nearby-list__distance">{formatDistance(camera.distanceM)}</span>
            {camera.inView && <span className="nearby-list__badge">{t(IN_VIEW)}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The on-duty grid members nearest to the incident: name, role, distance, last position. */
export function NearbyMembers({ members, now }: { members: readonly NearbyMember[]; now: number }) {
  const { t } = useLang();
  if (members.length === 0) return <p className="nearby-list__empty">{t(NO_MEMBERS)}</p>;
  return (
    <ul className="nearby-list">
      {members.map((member) => (
        <li key={member.id} className="nearby-list__item" data-nearby-member={member.id}>
          <span className="nearby-list__name">{member.name}</span>
          <span className="nearby-list__meta">{t(MEMBER_ROLE_LABELS[member.role])}</span>
          <span className="nearby-list__distance">{formatDistance(member.distanceM)}</span>
          <time className="nearby-list__age" dateTime={member.positionAt}>
            {t(positionAge(Date.parse(member.positionAt), now))}
          </time>
        </li>
      ))}
    </ul>
  );
}
