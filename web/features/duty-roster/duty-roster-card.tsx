import { useQuery } from '@tanstack/react-query';
import type { DutyStreet } from '../../../api/contract/stats';
import { dutyRosterQuery } from '../../server-state/duty-roster';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';
import { ChartCard } from '../charts-strip/chart-card';
import { layoutRoster, leaderNames, NAMES_LISTED } from './duty-rows';
import './duty-roster.css';

const TITLE: LabelPair = { zh: '今日值班', en: 'On duty today' };
const HEADINGS: readonly LabelPair[] = [
  { zh: '街道', en: 'Street' },
  { zh: '网格长', en: 'Leaders' },
  { zh: '网格员', en: 'Members' },
];
const NAMES: LabelPair = { zh: '在岗', en: 'On duty' };
const LISTED: LabelPair = { zh: '在岗网格长：', en: 'Leaders on duty: ' };
const TOTAL: LabelPair = { zh: '合计', en: 'Total' };
const LOADING: LabelPair = { zh: '加载中…', en: 'Loading…' };
const more = (n: number): LabelPair => ({ zh: `另有 ${n} 个街道`, en: `${n} more streets` });

/**
 * One line: a street (or the total), leaders and members on duty of all, and (`names`) the
 * first on-duty leader's name.
 */
function DutyRow({ street, label, names }: { street: DutyStreet; label: string; names: boolean }) {
  const { t } = useLang();
  const { leaders, members } = street;
  return (
    <tr
      className="duty-roster__row"
      data-duty-street={street.code}
      data-leaders-on-duty={leaders.onDuty}
      data-leaders={leaders.total}
      data-members-on-duty={members.onDuty}
      data-members={members.total}
      data-leader-names={leaders.names.join('、')}
    >
      <th scope="row" className="duty-roster__street">
        {label}
      </th>
      <td className="duty-roster__count">
        <b>{leaders.onDuty}</b>/{leaders.total}
      </td>
      <td className="duty-roster__count">
        <b>{members.onDuty}</b>/{members.total}
      </td>
      {names && (
        <td className="duty-roster__names" title={leaders.names.join('、')}>
          {t(leaderNames(leaders.names))}
        </td>
      )}
    </tr>
  );
}

/**
 * 今日值班: per street of the wall's area, grid leaders and members on duty now out of all,
 * with on-duty leaders' names (`GET /api/v1/stats/duty`): a lone street lists them under its
 * row; several streets come under their total, each with its first leader's name, and when
 * they do not all fit, a last line says how many more there are.
 */
export function DutyRosterCard({ areaCode }: { areaCode: string | null }) {
  const { t } = useLang();
  const roster = useQuery(dutyRosterQuery(areaCode));
  const layout = layoutRoster(roster.data?.streets ?? []);
  const lone = layout.total === null ? layout.streets[0] : undefined;
  const columns = lone ? HEADINGS : [...HEADINGS, NAMES];
  const onDuty = (roster.data?.streets ?? []).reduce(
    (n, s) => n + s.leaders.onDuty + s.members.onDuty,
    0,
  );
  return (
    <ChartCard chart="duty" total={onDuty} title={TITLE}>
      {roster.data === undefined ? (
        <p className="duty-roster__note">{t(LOADING)}</p>
      ) : (
        <table className="duty-roster" data-loaded="true">
          <thead>
            <tr>
              {columns.map((h) => (
                <th key={h.en} scope="col">
                  {t(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.total && <DutyRow street={layout.total} label={t(TOTAL)} names />}
            {layout.streets.map((s) => (
              <DutyRow key={s.code} street={s} label={s.name} names={!lone} />
            ))}
            {layout.more > 0 && (
              <tr className="duty-roster__more">
                <td colSpan={columns.length}>{t(more(layout.more))}</td>
              </tr>
            )}
          </tbody>
          {lone && (
            <caption className="duty-roster__list" title={lone.leaders.names.join('、')}>
              {t(LISTED)}
              {t(leaderNames(lone.leaders.names, NAMES_LISTED))}
            </caption>
          )}
        </table>
      )}
    </ChartCard>
  );
}
