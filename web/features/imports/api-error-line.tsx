import { describeApiError } from '../planning/api-error';
import { IMPORT_TEXT } from './import-text';

/** An error line with the API's own message (both languages) and, when given, a retry. */
export function ApiErrorLine({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const described = describeApiError(error);
  return (
    <p className="imports__error" role="alert" data-testid="import-error">
      {IMPORT_TEXT.errorPrefix.zh}
      <span data-error-message>
        {described.zh === described.en ? described.zh : `${described.zh} · ${described.en}`}
      </span>
      {onRetry && (
        <button type="button" className="imports__link" onClick={onRetry}>
          重试 Retry
        </button>
      )}
    </p>
  );
}
