import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { loginMutation } from '../../server-state/auth';
import type { LabelPair } from '../../domain/label-pair';
import { StatusLine } from '../../ui/status-line';
import { describeLoginError, type LoginMode, retryAllowedAt } from './describe-login-error';
import { LoginForm } from './login-form';
import { LoginShell } from './login-shell';
import { useSecondsLeft } from './use-seconds-left';

const MODES: { mode: LoginMode; label: LabelPair }[] = [
  { mode: 'password', label: { zh: '账号密码', en: 'Password' } },
  { mode: 'apiKey', label: { zh: 'API 密钥', en: 'API key' } },
];

/** Props of {@link ModeSwitch}. */
interface ModeSwitchProps {
  mode: LoginMode;
  disabled: boolean;
  onChange: (mode: LoginMode) => void;
}

function ModeSwitch({ mode, disabled, onChange }: ModeSwitchProps) {
  return (
    <div className="login__modes" role="group" aria-label="登录方式 Sign-in method">
      {MODES.map((option) => (
        <button
          key={option.mode}
          type="button"
          className="login__mode"
          aria-pressed={option.mode === mode}
          disabled={disabled}
          onClick={() => onChange(option.mode)}
        >
          {option.label.zh} <span className="login__mode-latin">{option.label.en}</span>
        </button>
      ))}
    </div>
  );
}

/** Props of {@link LoginPage}. */
export interface LoginPageProps {
  /** The server could not be asked who is signed in (it keeps being asked). */
  serverUnreachable?: boolean;
}

/**
 * The log-in page: username and password for people, an API key for wall screens and kiosks.
 * On success the `me` query holds the caller and the app shows the map instead.
 */
export function LoginPage({ serverUnreachable = false }: LoginPageProps) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LoginMode>('password');
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const signIn = useMutation({
    ...loginMutation(queryClient),
    onError: (error) => setRetryAt(retryAllowedAt(error, Date.now())),
  });
  const secondsLeft = useSecondsLeft(retryAt);
  const locked = secondsLeft !== null && secondsLeft > 0;
  const changeMode = (next: LoginMode) => {
    // A wait after too many attempts applies to both modes: keep saying so.
    if (!locked) signIn.reset();
    setMode(next);
  };
  return (
    <LoginShell heading={{ zh: '登录', en: 'Sign in' }}>
      {serverUnreachable && (
        <StatusLine tone="error" text="无法连接服务器，正在重试… Server unreachable, retrying…" />
      )}
      <ModeSwitch mode={mode} disabled={signIn.isPending} onChange={changeMode} />
      <LoginForm
        key={mode}
        mode={mode}
        busy={signIn.isPending}
        locked={locked}
        error={signIn.isError ? describeLoginError(signIn.error, mode, secondsLeft) : null}
        failedAttempt={signIn.isError ? signIn.submittedAt : 0}
        onSubmit={(body) => signIn.mutate(body)}
      />
    </LoginShell>
  );
}
