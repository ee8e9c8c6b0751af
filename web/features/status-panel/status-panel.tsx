import { useQuery } from '@tanstack/react-query';
import { readyzQuery } from '../../api/readyz';
import { StatusLine } from '../../ui/status-line';
import { CountList } from './count-list';
import { describeReadiness } from './describe-readiness';

/** The title, the server's readiness and the district's headline counts. */
export function StatusPanel() {
  const { data, isError } = useQuery(readyzQuery());
  const status = describeReadiness({ data, isError });
  return (
    <aside className="status-panel" aria-label="数据概览">
      <h1 className="status-panel__title">
        一屏 <span className="status-panel__subtitle">Yiping</span>
      </h1>
      <StatusLine tone={status.tone} text={status.text} />
      {data?.status === 'ready' && <CountList counts={data.counts} />}
    </aside>
  );
}
