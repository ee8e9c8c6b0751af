import { type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useEffectEvent } from 'react';
import type { IncidentDetail } from '../../../api/contract/incident-records';
import type { Nearby } from '../../../api/contract/nearby';
import {
  incidentDetailQuery,
  incidentNearbyQuery,
  transitionMutation,
} from '../../server-state/incident-detail';
import { HttpError } from '../../server-state/http';
import type { LabelPair } from '../../domain/label-pair';
import { CATEGORY_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../domain/labels';
import { useLang } from '../../ui/lang';
import { Fact } from './fact';
import { describeActionError, IncidentActions } from './incident-actions';
import { IncidentPlace } from './incident-place';
import { NearbyCameras, NearbyMembers } from './nearby-list';
import { SlaClocks } from './sla-clocks';
import { formatEventTime, Timeline } from './timeline';
import './incident-detail.css';

const L = {
  title: { zh: '事件详情', en: 'Incident' },
  close: { zh: '关闭', en: 'Close' },
  loading: { zh: '加载中…', en: 'Loading…' },
  notFound: { zh: '辖区内没有该事件', en: 'No such incident in your area' },
  failed: { zh: '事件加载失败，稍后自动重试', en: 'Could not load the incident; retrying' },
  nearbyFailed: { zh: '周边信息暂不可用', en: 'Nearby information unavailable' },
  overdue: { zh: '超时', en: 'Overdue' },
  category: { zh: '类别', en: 'Category' },
  reportedAt: { zh: '上报时间', en: 'Reported' },
  reporter: { zh: '上报人', en: 'Reporter' },
  anonymous: { zh: '匿名', en: 'Anonymous' },
  photos: { zh: '照片', en: 'Photos' },
  description: { zh: '描述', en: 'Description' },
  sla: { zh: '处置时限', en: 'Deadlines' },
  actions: { zh: '处置操作', en: 'Actions' },
  cameras: { zh: '周边摄像头', en: 'Nearby cameras' },
  members: { zh: '附近在岗网格员', en: 'On-duty members nearby' },
  timeline: { zh: '处置过程', en: 'Timeline' },
} satisfies Record<string, LabelPair>;

/** Props of {@link IncidentDetailDrawer}. */
export interface IncidentDetailDrawerProps {
  code: string;
  /** The wall's clock (epoch ms); the SLA clocks count against it. */
  now: number;
  onClose: () => void;
  /** Called with the nearest cameras' codes once they load (and `[]` when the drawer closes). */
  onNearbyCameras: (codes: string[]) => void;
  onFocusCamera: (code: string) => void;
  /** Unattended display: no workflow buttons. */
  kiosk: boolean;
}

/** Reports the nearby cameras to the wall, again only when the set of codes changes. */
function useNearbyCameraHighlight(nearby: Nearby | undefined, report: (codes: string[]) => void) {
  const onCodes = useEffectEvent(report);
  const codes = nearby ? JSON.stringify(nearby.cameras.map((camera) => camera.code)) : null;
  useEffect(() => {
    if (codes === null) return;
    onCodes(JSON.parse(codes) as string[]);
    return () => onCodes([]);
  }, [codes]);
}

function useEscapeToClose(close: () => void) {
  const onClose = useEffectEvent(close);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function Section({ title, children }: { title: LabelPair; children: ReactNode }) {
  const { t } = useLang();
  return (
    <section className="incident-detail__section">
      <h3 className="incident-detail__heading">{t(title)}</h3>
      {children}
    </section>
  );
}

/** What was reported, where and by whom (the reporter as the API masks it). */
function IncidentFacts({ detail }: { detail: IncidentDetail }) {
  const { t } = useLang();
  const reporter = [detail.reporter.name, detail.reporter.contact].filter(Boolean).join(' · ');
  return (
    <dl className="incident-detail__facts">
      <Fact label={L.category}>{t(CATEGORY_LABELS[detail.category])}</Fact>
      <IncidentPlace detail={detail} />
      <Fact label={L.reportedAt}>{formatEventTime(Date.parse(detail.reportedAt))}</Fact>
      <Fact label={L.reporter}>{reporter || t(L.anonymous)}</Fact>
      <Fact label={L.photos}>
        <span className="incident-detail__number">{detail.photoUrls.length}</span>
      </Fact>
      <Fact label={L.description}>
        <span className="incident-detail__description">{detail.description}</span>
      </Fact>
    </dl>
  );
}

/** The workflow buttons with the drawer's one mutation; fresh state for every incident. */
function ActionsSection({ detail }: { detail: IncidentDetail }) {
  const queryClient = useQueryClient();
  const transition = useMutation(transitionMutation(queryClient, detail.code));
  return (
    <Section title={L.actions}>
      <IncidentActions
        key={detail.version}
        code={detail.code}
        allowed={detail.allowedActions}
        pending={transition.isPending}
        error={transition.isError ? describeActionError(transition.error) : null}
        onAct={(action) => transition.mutate({ version: detail.version, action })}
      />
    </Section>
  );
}

function NearbySections(props: {
  nearby: UseQueryResult<Nearby>;
  now: number;
  onFocusCamera: (code: string) => void;
}) {
  const { t } = useLang();
  const { data, isError } = props.nearby;
  if (!data) {
    return <p className="incident-detail__status">{t(isError ? L.nearbyFailed : L.loading)}</p>;
  }
  return (
    <>
      <Section title={L.cameras}>
        <NearbyCameras cameras={data.cameras} onFocusCamera={props.onFocusCamera} />
      </Section>
      <Section title={L.members}>
        <NearbyMembers members={data.members} now={props.now} />
      </Section>
    </>
  );
}

interface DrawerSectionsProps {
  detail: IncidentDetail;
  nearby: UseQueryResult<Nearby>;
  now: number;
  kiosk: boolean;
  onFocusCamera: (code: string) => void;
}

/** Everything below the header once the incident has loaded. */
function DrawerSections({ detail, nearby, now, kiosk, onFocusCamera }: DrawerSectionsProps) {
  return (
    <>
      <IncidentFacts detail={detail} />
      <Section title={L.sla}>
        <SlaClocks incident={detail} now={now} />
      </Section>
      {!kiosk && <ActionsSection key={detail.code} detail={detail} />}
      <NearbySections nearby={nearby} now={now} onFocusCamera={onFocusCamera} />
      <Section title={L.timeline}>
        <Timeline code={detail.code} events={detail.timeline} />
      </Section>
    </>
  );
}

function DrawerHeader({
  code,
  detail,
  onClose,
}: {
  code: string;
  detail: IncidentDetail | undefined;
  onClose: () => void;
}) {
  const { t } = useLang();
  return (
    <header className="incident-detail__header">
      <h2 className="incident-detail__code">{code}</h2>
      {detail && (
        <div className="incident-detail__badges">
          <span
            className={`incident-detail__severity incident-detail__severity--${detail.severity}`}
          >
            {t(SEVERITY_LABELS[detail.severity])}
          </span>
          <span className="incident-detail__status-chip" data-status={detail.status}>
            {t(STATUS_LABELS[detail.status])}
          </span>
          {detail.overdue && <span className="incident-detail__overdue">{t(L.overdue)}</span>}
        </div>
      )}
      <button
        type="button"
        className="incident-detail__close"
        aria-label={t(L.close)}
        onClick={onClose}
      >
        ×
      </button>
    </header>
  );
}

function loadProblem(error: unknown): LabelPair {
  return error instanceof HttpError && error.status === 404 ? L.notFound : L.failed;
}

/**
 * The right-hand drawer of one incident over the feed column: what, where and who; its SLA
 * clocks; the workflow actions the API allows (hidden in kiosk mode); the nearest cameras and
 * on-duty members; and the timeline. The incident refreshes every 30 s while open; Esc closes.
 */
export function IncidentDetailDrawer(props: IncidentDetailDrawerProps) {
  const { code, onClose } = props;
  const { t } = useLang();
  const detail = useQuery(incidentDetailQuery(code));
  const nearby = useQuery(incidentNearbyQuery(code));
  useNearbyCameraHighlight(nearby.data, props.onNearbyCameras);
  useEscapeToClose(onClose);
  return (
    <aside
      className="incident-detail"
      role="dialog"
      aria-label={`${t(L.title)} ${code}`}
      data-incident-detail={code}
    >
      <DrawerHeader code={code} detail={detail.data} onClose={onClose} />
      <div className="incident-detail__body">
        {detail.data ? (
          <DrawerSections
            detail={detail.data}
            nearby={nearby}
            now={props.now}
            kiosk={props.kiosk}
            onFocusCamera={props.onFocusCamera}
          />
        ) : (
          <p className="incident-detail__status" role={detail.isError ? 'alert' : undefined}>
            {t(detail.isError ? loadProblem(detail.error) : L.loading)}
          </p>
        )}
      </div>
    </aside>
  );
}
