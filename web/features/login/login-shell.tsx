import type { ReactNode } from 'react';
import './login.css';

/** Props of {@link LoginShell}. */
export interface LoginShellProps {
  /** The second heading line, e.g. 登录 / Sign in. */
  heading: { zh: string; en: string };
  children: ReactNode;
}

/** The full-window dark backdrop and centred card shared by the log-in page and its splash. */
export function LoginShell({ heading, children }: LoginShellProps) {
  return (
    <main className="login" data-testid="login-page">
      <section className="login__card" aria-labelledby="login-heading">
        <header className="login__header">
          <p className="login__brand">
            一屏 <span className="login__brand-latin">· Yiping</span>
          </p>
          <h1 className="login__heading" id="login-heading">
            {heading.zh} <span className="login__heading-latin">/ {heading.en}</span>
          </h1>
        </header>
        {children}
      </section>
      <p className="login__footer">基层治理一屏统览 · Community governance at a glance</p>
    </main>
  );
}
