import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { LoginRequest } from '../../server-state/auth';
import type { LabelPair } from '../../domain/label-pair';
import type { LoginMode } from './describe-login-error';
import { Field, TextInput } from './login-fields';

/** Props of {@link LoginForm}. */
export interface LoginFormProps {
  mode: LoginMode;
  /** A sign-in request is under way. */
  busy: boolean;
  /** Submitting must wait (the server asked for a pause after too many attempts). */
  locked: boolean;
  /** Why the last attempt failed, or null. */
  error: LabelPair | null;
  /** Changes with each failed attempt, so the secret field is selected again for a retry. */
  failedAttempt: number;
  onSubmit: (body: LoginRequest) => void;
}

/** Turns the form's fields into a request body; usernames and keys never carry spaces. */
function toRequest(mode: LoginMode, username: string, secret: string): LoginRequest {
  return mode === 'password'
    ? { username: username.trim(), password: secret }
    : { apiKey: secret.trim() };
}

function LoginErrorLine({ error }: { error: LabelPair }) {
  return (
    <p className="login__error" role="alert" data-testid="login-error">
      {error.zh}
      <span className="login__error-latin">{error.en}</span>
    </p>
  );
}

/**
 * The fields of one sign-in mode, an error line and the submit button. The first field has
 * focus and Enter submits; after a failure the password or key is selected for a retry.
 */
export function LoginForm({ mode, busy, locked, error, failedAttempt, onSubmit }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const secretRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (failedAttempt > 0) secretRef.current?.select();
  }, [failedAttempt]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy && !locked) onSubmit(toRequest(mode, username, secret));
  };
  const isPassword = mode === 'password';
  return (
    <form className="login__form" onSubmit={submit} aria-busy={busy}>
      {isPassword && (
        <Field id="login-username" label={{ zh: '用户名', en: 'Username' }}>
          <TextInput
            id="login-username"
            value={username}
            onChange={setUsername}
            autoComplete="username"
            autoFocus
            maxLength={64}
          />
        </Field>
      )}
      <Field
        id="login-secret"
        label={isPassword ? { zh: '密码', en: 'Password' } : { zh: 'API 密钥', en: 'API key' }}
      >
        <TextInput
          id="login-secret"
          ref={secretRef}
          value={secret}
          onChange={setSecret}
          secret
          autoComplete={isPassword ? 'current-password' : 'off'}
          autoFocus={!isPassword}
          maxLength={256}
        />
      </Field>
      {!isPassword && (
        <p className="login__hint">用于大屏与自助终端 · For wall screens and kiosks</p>
      )}
      {error && <LoginErrorLine error={error} />}
      <button className="login__submit" type="submit" disabled={busy || locked}>
        {busy && <span className="login__spinner" aria-hidden="true" />}
        {busy ? '正在登录… Signing in…' : '登录 Sign in'}
      </button>
    </form>
  );
}
