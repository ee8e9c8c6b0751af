import { formatChinaTime } from '../../domain/connection';
import type { LabelPair } from '../../domain/label-pair';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../domain/labels';
import { ALERT_KIND_LABELS, alertTone, type WallAlert } from '../../domain/wall-alerts';
import { useLang } from '../../ui/lang';
import './alert-banner.css';

/** Cards shown at once; the rest are counted ("另有 3 条" / "3 more"). */
export const VISIBLE_ALERTS = 2;

const DISMISS: LabelPair = { zh: '关闭', en: 'Dismiss' };
const moreLabel = (n: number): LabelPair => ({ zh: `另有 ${n} 条`, en: `${n} more` });

/** Props of {@link AlertBanner}. */
export interface AlertBannerProps {
  /** Alerts to show, first on top (the lead keeps them newest first and expires them). */
  alerts: readonly WallAlert[];
  /** An unattended wall: no close buttons (alerts go by themselves), nothing to click. */
  kiosk: boolean;
  /** Opens the incident behind an alert. */
  onOpen: (code: string) => void;
  onDismiss: (id: string) => void;
}

interface CardProps {
  alert: WallAlert;
  kiosk: boolean;
  onOpen: (code: string) => void;
  onDismiss: (id: string) => void;
}

function AlertCard({ alert, kiosk, onOpen, onDismiss }: CardProps) {
  const { t } = useLang();
  return (
    <li
      className={`alert-banner__card alert-banner__card--${alertTone(alert)}`}
      data-alert-id={alert.id}
      data-alert-kind={alert.kind}
    >
      <button
        type="button"
        className="alert-banner__open"
        tabIndex={kiosk ? -1 : undefined}
        onClick={() => onOpen(alert.code)}
      >
        <span className="alert-banner__kind">{t(ALERT_KIND_LABELS[alert.kind])}</span>
        <time className="alert-banner__at" dateTime={new Date(alert.at).toISOString()}>
          {formatChinaTime(alert.at)}
        </time>
        <span className="alert-banner__what">
          {t(CATEGORY_LABELS[alert.category])}
          <span className="alert-banner__severity">{t(SEVERITY_LABELS[alert.severity])}</span>
        </span>
        <span className="alert-banner__where">
          {alert.place}
          <span className="alert-banner__code">{alert.code}</span>
        </span>
      </button>
      {!kiosk && (
        <button
          type="button"
          className="alert-banner__dismiss"
          aria-label={t(DISMISS)}
          onClick={() => onDismiss(alert.id)}
        >
          ×
        </button>
      )}
    </li>
  );
}

/**
 * Urgent alerts in a narrow stack at the top right of the map's free area, beside the live
 * feed and clear of the map's middle: red for missed deadlines and critical cases, amber
 * otherwise; at most {@link VISIBLE_ALERTS} cards and a count of the rest. Each card opens its
 * incident; its × dismisses it (a kiosk's alerts go by themselves). Nothing without alerts.
 */
export function AlertBanner({ alerts, kiosk, onOpen, onDismiss }: AlertBannerProps) {
  const { t } = useLang();
  if (alerts.length === 0) return null;
  const hidden = alerts.length - VISIBLE_ALERTS;
  return (
    <div className="alert-banner" role="alert" data-alert-count={alerts.length}>
      <ul className="alert-banner__list">
        {alerts.slice(0, VISIBLE_ALERTS).map((alert) => (
          <AlertCard
            key={alert.id}
            alert={alert}
            kiosk={kiosk}
            onOpen={onOpen}
            onDismiss={onDismiss}
          />
        ))}
      </ul>
      {hidden > 0 && (
        <p className="alert-banner__more" data-hidden-alerts={hidden}>
          {t(moreLabel(hidden))}
        </p>
      )}
    </div>
  );
}
