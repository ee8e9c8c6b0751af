import { StatusLine } from '../../ui/status-line';
import { LoginShell } from './login-shell';

/** Shown while the app asks the server who is signed in, so neither form nor map flashes. */
export function SessionCheck() {
  return (
    <LoginShell heading={{ zh: '登录', en: 'Sign in' }}>
      <StatusLine tone="pending" text="正在连接服务器… Connecting…" />
    </LoginShell>
  );
}
