import type { Readiness } from '../server-state/readyz';
import type { StatusTone } from '../ui/status-line';

/** What the readiness query currently holds. */
export interface ReadinessQueryState {
  data: Readiness | undefined;
  isError: boolean;
}

/** The map's notice for a readiness query state (zh-CN). */
export function describeReadiness({ data, isError }: ReadinessQueryState): {
  tone: StatusTone;
  text: string;
} {
  if (isError) return { tone: 'error', text: '无法连接服务器，正在重试…' };
  switch (data?.status) {
    case 'ready':
      return { tone: 'ok', text: '数据已就绪' };
    case 'unavailable':
      return { tone: 'error', text: '数据库暂不可用，正在重试…' };
    default:
      return { tone: 'pending', text: '正在准备数据…' };
  }
}
