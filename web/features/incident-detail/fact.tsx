import type { ReactNode } from 'react';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';

/** One labelled fact of the incident detail's list (`<dt>` label, `<dd>` value). */
export function Fact({ label, children }: { label: LabelPair; children: ReactNode }) {
  const { t } = useLang();
  return (
    <div className="incident-detail__fact">
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </div>
  );
}
