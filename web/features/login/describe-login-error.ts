import { HttpError } from '../../server-state/http';
import type { LabelPair } from '../../domain/label-pair';

/** How the caller signs in: a person with username and password, or a screen with an API key. */
export type LoginMode = 'password' | 'apiKey';

const UNREACHABLE: LabelPair = {
  zh: '无法连接服务器，请检查网络后重试',
  en: 'Server unreachable — check the network and try again',
};

function describeInvalidCredentials(mode: LoginMode): LabelPair {
  return mode === 'password'
    ? { zh: '用户名或密码错误', en: 'Invalid username or password' }
    : { zh: 'API 密钥无效、已吊销或已过期', en: 'Invalid, revoked or expired API key' };
}

/**
 * What a 429 says while its wait runs down: `secondsLeft` is null when the server gave no
 * `Retry-After`, 0 once the wait is over.
 */
function describeTooManyAttempts(secondsLeft: number | null): LabelPair {
  if (secondsLeft === null) {
    return { zh: '登录尝试过多，请稍后再试', en: 'Too many attempts — try again later' };
  }
  if (secondsLeft <= 0) {
    return { zh: '登录尝试过多，现在可以重试', en: 'Too many attempts — you may try again now' };
  }
  return {
    zh: `登录尝试过多，请 ${secondsLeft} 秒后再试`,
    en: `Too many attempts — try again in ${secondsLeft} s`,
  };
}

function describeHttpError(error: HttpError, mode: LoginMode, secondsLeft: number | null) {
  if (error.status === 401) return describeInvalidCredentials(mode);
  if (error.status === 429) return describeTooManyAttempts(secondsLeft);
  if (error.status === 400) {
    return { zh: '输入格式不正确', en: 'The server did not accept this input' };
  }
  if (error.status === 403) return { zh: '请求被服务器拒绝', en: 'The server refused the request' };
  // A gateway in front of the API answers these when the API itself is down.
  if ([502, 503, 504].includes(error.status)) return UNREACHABLE;
  if (error.status >= 500)
    return { zh: '服务器出错，请稍后再试', en: 'Server error — try again later' };
  return { zh: `登录失败（HTTP ${error.status}）`, en: `Sign-in failed (HTTP ${error.status})` };
}

/** The message (zh-CN first, English second) for a failed sign-in. */
export function describeLoginError(
  error: unknown,
  mode: LoginMode,
  secondsLeft: number | null,
): LabelPair {
  if (error instanceof HttpError) return describeHttpError(error, mode, secondsLeft);
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return UNREACHABLE;
  return { zh: '服务器应答无法识别', en: 'Unexpected answer from the server' };
}

/** When a failed sign-in may be tried again (epoch ms), or null when the server set no wait. */
export function retryAllowedAt(error: unknown, now: number): number | null {
  if (!(error instanceof HttpError) || error.status !== 429) return null;
  const seconds = error.details.retryAfterSeconds;
  return seconds === undefined ? null : now + seconds * 1_000;
}
