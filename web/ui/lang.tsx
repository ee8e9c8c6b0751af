import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { LabelPair } from '../domain/label-pair';

/** The screen's language: Chinese by default, English switchable. */
export type Lang = 'zh' | 'en';

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The label in the current language. */
  t: (pair: LabelPair) => string;
}

const LangContext = createContext<LangState>({
  lang: 'zh',
  setLang: () => undefined,
  t: (pair) => pair.zh,
});

/** Provides the language to everything below; `initial` comes from `?lang=en`. */
export function LangProvider({ initial, children }: { initial: Lang; children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initial);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<LangState>(() => ({ lang, setLang, t: (pair) => pair[lang] }), [lang]);
  return <LangContext value={value}>{children}</LangContext>;
}

/** The current language and a translator for label pairs. */
export function useLang(): LangState {
  return useContext(LangContext);
}
