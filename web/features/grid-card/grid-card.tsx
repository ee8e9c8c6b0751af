import { MEMBER_ROLES } from '../../../api/contract/codes';
import { formatCount } from '../../domain/format';
import type { LabelPair } from '../../domain/label-pair';
import { MEMBER_ROLE_LABELS } from '../../domain/labels';
import type { GridArea, Member } from '../../domain/wall-data';
import { useLang } from '../../ui/lang';
import './grid-card.css';

const L = {
  title: { zh: '网格', en: 'Grid' },
  close: { zh: '关闭', en: 'Close' },
  leader: { zh: '网格长', en: 'Leader' },
  noLeader: { zh: '未设置', en: 'Not set' },
  households: { zh: '户数', en: 'Households' },
  population: { zh: '人口', en: 'Population' },
  open: { zh: '在办事件', en: 'Open incidents' },
  overdue: { zh: '超时', en: 'Overdue' },
  sla: { zh: '按时办结率', en: 'SLA compliance' },
  members: { zh: '网格力量', en: 'Members' },
  noMembers: { zh: '暂无网格员', en: 'No members' },
  onDuty: { zh: '在岗', en: 'On duty' },
  offDuty: { zh: '不在岗', en: 'Off duty' },
} satisfies Record<string, LabelPair>;

/** Props of {@link GridCard}. */
export interface GridCardProps {
  grid: GridArea;
  communityName: string;
  streetName: string;
  /** The members assigned to the grid (`grid_member_grids`). */
  members: readonly Member[];
  /** The grid's leader (`grids.leader_id`), assigned to the grid or not; null when unset. */
  leader: Member | null;
  openIncidents: number;
  overdue: number;
  /** Share of incidents closed in time, 0–1; null when none were closed. */
  slaCompliance: number | null;
  onClose: () => void;
}

/** Members in the order the card lists them: the grid's leader, then by role, then by name. */
export function orderMembers<M extends Pick<Member, 'id' | 'name' | 'role'>>(
  members: readonly M[],
  leaderId: string | null,
): M[] {
  const rank = (m: M) => (m.id === leaderId ? -1 : MEMBER_ROLES.indexOf(m.role));
  return [...members].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh'));
}

/** A 0–1 share as a whole percentage; null reads "—". */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

function Figure({
  label,
  value,
  alert,
  field,
}: {
  label: LabelPair;
  value: string;
  alert?: boolean;
  /** Names the value for browser tests (`data-grid-figure`). */
  field?: string;
}) {
  const { t } = useLang();
  return (
    <div className={`grid-card__figure${alert ? ' grid-card__figure--alert' : ''}`}>
      <dt>{t(label)}</dt>
      <dd data-grid-figure={field}>{value}</dd>
    </div>
  );
}

function MemberList({
  members,
  leaderId,
}: {
  members: readonly Member[];
  leaderId: string | null;
}) {
  const { t } = useLang();
  if (members.length === 0) return <p className="grid-card__empty">{t(L.noMembers)}</p>;
  return (
    <ul className="grid-card__members">
      {orderMembers(members, leaderId).map((member) => (
        <li key={member.id} className="grid-card__member" data-member={member.id}>
          <span
            className={`grid-card__dot grid-card__dot--${member.onDuty ? 'on' : 'off'}`}
            title={t(member.onDuty ? L.onDuty : L.offDuty)}
            aria-label={t(member.onDuty ? L.onDuty : L.offDuty)}
            role="img"
          />
          <span className="grid-card__member-name">{member.name}</span>
          <span className="grid-card__role">{t(MEMBER_ROLE_LABELS[member.role])}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The card of one management grid: where it lies, its leader and the members assigned to it
 * (role, on duty or not), households and population, and how its incidents stand.
 */
export function GridCard(props: GridCardProps) {
  const { grid, members, leader, onClose } = props;
  const { t } = useLang();
  // A leader outside the caller's view still has an id worth showing.
  const leaderName = leader?.name ?? grid.leaderId ?? t(L.noLeader);
  return (
    <section
      className="grid-card"
      aria-label={`${t(L.title)} ${grid.code}`}
      data-grid-card={grid.code}
    >
      <header className="grid-card__header">
        <h2 className="grid-card__name">{grid.name}</h2>
        <span className="grid-card__code">{grid.code}</span>
        <span className="grid-card__place">
          {props.streetName} · {props.communityName}
        </span>
        <button
          type="button"
          className="grid-card__close"
          aria-label={t(L.close)}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <dl className="grid-card__figures">
        <Figure label={L.leader} value={leaderName} field="leader" />
        <Figure label={L.households} value={formatCount(grid.households)} />
        <Figure label={L.population} value={formatCount(grid.population)} />
        <Figure label={L.open} value={formatCount(props.openIncidents)} field="open" />
        <Figure label={L.overdue} value={formatCount(props.overdue)} alert={props.overdue > 0} />
        <Figure label={L.sla} value={formatShare(props.slaCompliance)} />
      </dl>
      <h3 className="grid-card__heading">{t(L.members)}</h3>
      <MemberList members={members} leaderId={grid.leaderId} />
    </section>
  );
}
