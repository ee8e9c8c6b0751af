import { HttpError } from '../../server-state/http';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';

/**
 * What went wrong, for the planner: the API's own message (`error.message`) when it sent one,
 * otherwise the status or a network failure, in both languages.
 */
export function describeApiError(error: unknown): LabelPair {
  if (error instanceof HttpError) {
    if (error.details.message) return { zh: error.details.message, en: error.details.message };
    if (error.status === 403) return { zh: '无权限执行此操作', en: 'Not permitted' };
    return { zh: `服务器返回 ${error.status}`, en: `The server answered ${error.status}` };
  }
  if (error instanceof TypeError) return { zh: '无法连接服务器', en: 'Server unreachable' };
  return { zh: String(error), en: String(error) };
}

/** An error line with the API's message and, when given, a retry button. */
export function ApiError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLang();
  return (
    <p className="planning__error" role="alert">
      {t(PLANNING_TEXT.errorPrefix)}
      <span data-error-message>{t(describeApiError(error))}</span>
      {onRetry && (
        <button type="button" className="planning__link" onClick={onRetry}>
          {t(PLANNING_TEXT.retry)}
        </button>
      )}
    </p>
  );
}
