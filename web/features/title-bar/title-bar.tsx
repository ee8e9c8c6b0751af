import type { ReactNode } from 'react';
import { type ConnectionState, describeConnection, formatChinaTime } from '../../domain/connection';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';
import { describeChinaDate } from './china-date';
import { useClock } from '../../ui/use-clock';
import './title-bar.css';

const TITLE: LabelPair = {
  zh: '一屏 · 城市运行指挥中心',
  en: 'Yiping · City Operations Command Centre',
};

/** Props of {@link TitleBar}. */
export interface TitleBarProps {
  districtName: string;
  connection: ConnectionState;
  onToggleLang: () => void;
  /** A kiosk wall has no one to press buttons: the language toggle is left out. */
  kiosk: boolean;
  /** The search box, in the middle of the bar. */
  children?: ReactNode;
}

function ConnectionIndicator({ connection, now }: { connection: ConnectionState; now: number }) {
  const { t } = useLang();
  return (
    <span
      className={`title-bar__connection title-bar__connection--${connection.status}`}
      data-connection={connection.status}
      role="status"
    >
      <span className="title-bar__dot" aria-hidden="true" />
      {t(describeConnection(connection, now))}
    </span>
  );
}

/**
 * The wall's top bar: district and screen title at the left, a slot for search in the middle,
 * and at the right the date and a China-time clock ticking each second, the live-link
 * indicator and (outside kiosk mode) the zh/EN toggle.
 */
export function TitleBar({
  districtName,
  connection,
  onToggleLang,
  kiosk,
  children,
}: TitleBarProps) {
  const { lang, t } = useLang();
  const now = useClock();
  return (
    <header className="title-bar">
      <div className="title-bar__brand">
        <h1 className="title-bar__district">{districtName}</h1>
        <span className="title-bar__title">{t(TITLE)}</span>
      </div>
      <div className="title-bar__slot">{children}</div>
      <div className="title-bar__status">
        <span className="title-bar__time">
          <span className="title-bar__date">{t(describeChinaDate(now))}</span>
          <span className="title-bar__clock" data-clock={now}>
            {formatChinaTime(now)}
          </span>
        </span>
        <ConnectionIndicator connection={connection} now={now} />
        {!kiosk && (
          <button
            type="button"
            className="title-bar__lang"
            onClick={onToggleLang}
            aria-label="切换语言 Switch language"
          >
            {lang === 'zh' ? 'EN' : '中文'}
          </button>
        )}
      </div>
    </header>
  );
}
