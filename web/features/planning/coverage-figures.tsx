import type { ReactNode } from 'react';
import type { Coverage, ScenarioEvaluation } from '../../../api/contract/analysis';
import { formatCount } from '../../domain/format';
import type { LabelPair } from '../../domain/label-pair';
import { percentText } from '../../domain/planning-tables';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';

/** A share of a whole, 0 when the whole is empty. */
const shareOf = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** One number with its key and raw value for tests and print. */
function Value({ name, value, text }: { name: string; value: number; text?: string }) {
  return (
    <span className="figures__value" data-figure={name} data-value={value}>
      {text ?? formatCount(value)}
    </span>
  );
}

/** "now → with the scenario (+gain)" when an after value exists, else the value alone. */
function Change({ name, before, after }: { name: string; before: number; after?: number }) {
  if (after === undefined) return <Value name={name} value={before} />;
  const delta = after - before;
  return (
    <>
      <Value name={name} value={before} />
      <span className="figures__arrow" aria-hidden="true">
        →
      </span>
      <Value name={`${name}-after`} value={after} />
      {delta !== 0 && (
        <span className={`figures__delta figures__delta--${delta > 0 ? 'up' : 'down'}`}>
          {delta > 0 ? '+' : ''}
          {formatCount(delta)}
        </span>
      )}
    </>
  );
}

function Row({ label, children }: { label: LabelPair; children: ReactNode }) {
  const { t } = useLang();
  return (
    <div className="figures__row">
      <dt className="figures__label">{t(label)}</dt>
      <dd className="figures__numbers">{children}</dd>
    </div>
  );
}

/** Props of {@link CoverageFigures}. */
export interface CoverageFiguresProps {
  coverage: Coverage;
  /** The same coverage with the scenario's changes, while one is evaluated. */
  after?: Coverage;
  /** Residents reaching every basic category, before and after (the scenario's evaluation). */
  completeness?: ScenarioEvaluation['completeness'];
  /** True while a newer answer is being computed: the numbers shown are the previous ones. */
  pending: boolean;
}

/** Residents and their share, now → after. */
function PopulationRows({ coverage, after }: Pick<CoverageFiguresProps, 'coverage' | 'after'>) {
  const share = shareOf(coverage.population.covered, coverage.population.total);
  const shareAfter = after ? shareOf(after.population.covered, after.population.total) : undefined;
  return (
    <>
      <Row label={PLANNING_TEXT.population}>
        <Change
          name="population-covered"
          before={coverage.population.covered}
          after={after?.population.covered}
        />
        <span className="figures__whole">
          / <Value name="population-total" value={coverage.population.total} />
        </span>
      </Row>
      <Row label={PLANNING_TEXT.share}>
        <Value name="population-share" value={share} text={percentText(share)} />
        {shareAfter !== undefined && (
          <>
            <span className="figures__arrow" aria-hidden="true">
              →
            </span>
            <Value
              name="population-share-after"
              value={shareAfter}
              text={percentText(shareAfter)}
            />
          </>
        )}
      </Row>
    </>
  );
}

/** The straight-line figure, households, buildings out of reach and facilities. */
function DetailRows({ coverage, after }: Pick<CoverageFiguresProps, 'coverage' | 'after'>) {
  const straight = coverage.straightLine.population.covered;
  return (
    <>
      <Row label={PLANNING_TEXT.straightLine}>
        <Value name="straight-line-covered" value={straight} />
        <span className="figures__whole">
          {' '}
          ({percentText(shareOf(straight, coverage.population.total))})
        </span>
      </Row>
      <Row label={PLANNING_TEXT.households}>
        <Change
          name="households-covered"
          before={coverage.households.covered}
          after={after?.households.covered}
        />
        <span className="figures__whole">
          / <Value name="households-total" value={coverage.households.total} />
        </span>
      </Row>
      <Row label={PLANNING_TEXT.uncoveredBuildings}>
        <Change
          name="uncovered-buildings"
          before={coverage.uncoveredBuildings}
          after={after?.uncoveredBuildings}
        />
      </Row>
      <Row label={PLANNING_TEXT.facilities}>
        <Change name="facilities" before={coverage.facilities} after={after?.facilities} />
      </Row>
    </>
  );
}

/**
 * Who lives within walking distance of the chosen category: residents (with the share),
 * the straight-line figure for comparison, households, buildings out of reach and facilities;
 * with a scenario, each as now → after with the gain.
 */
export function CoverageFigures({ coverage, after, completeness, pending }: CoverageFiguresProps) {
  const { t } = useLang();
  return (
    <section
      className="planning__card figures"
      aria-label={t(PLANNING_TEXT.figures)}
      aria-busy={pending}
      data-pending={pending}
    >
      <h2 className="planning__heading">{t(PLANNING_TEXT.figures)}</h2>
      {after && (
        <p className="figures__legend">
          {t(PLANNING_TEXT.before)} → {t(PLANNING_TEXT.after)}
        </p>
      )}
      <dl className="figures__list">
        <PopulationRows coverage={coverage} after={after} />
        <DetailRows coverage={coverage} after={after} />
        {completeness && (
          <Row label={PLANNING_TEXT.complete}>
            <Change name="complete" before={completeness.before} after={completeness.after} />
          </Row>
        )}
      </dl>
    </section>
  );
}
