import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Figures } from '../../lib/apiTypes.js';
import { formatDuration, formatPercent, plural } from '../../lib/format.js';
import { type DrillParams, type DrillTab, subjectLink } from '../../lib/links.js';
import type { Subject } from '../../lib/queries.js';
import { BandChip } from '../../ui/BandChip.js';

interface KeyFiguresProps {
  subject: Subject;
  figures: Figures;
  window: { from: string; to: string; environment?: string | undefined };
}

function Card(props: { title: string; value: string; to: string; detail: ReactNode; children?: ReactNode }) {
  return (
    <section className="card key-figure" aria-label={props.title}>
      <h3>{props.title}</h3>
      <p className="key-value">
        <Link to={props.to}>{props.value}</Link>
      </p>
      {props.children}
      <p className="muted small">{props.detail}</p>
    </section>
  );
}

/** The four keys, time to restore and rework rate of one group, speed and stability side by side. */
export function KeyFigures({ subject, figures, window }: KeyFiguresProps) {
  const params: DrillParams = { from: window.from, to: window.to, environment: window.environment };
  const to = (tab: DrillTab, show?: string) => subjectLink(subject, tab, { ...params, show });
  const missing = (metric: string) => figures.missing.find((m) => m.metric === metric)?.message;
  const df = figures.deploymentFrequency;
  const lt = figures.leadTime;
  const cfr = figures.changeFailureRate;
  const rec = figures.failedDeploymentRecoveryTime;
  const ttr = figures.timeToRestore;
  const rw = figures.reworkRate;
  return (
    <div className="cards key-figures">
      <Card
        title="Deployment frequency"
        value={plural(df.count, 'deployment')}
        to={to('deployments')}
        detail={
          df.perDay === null
            ? missing('deploymentFrequency')
            : `${df.perDay.toFixed(1)} a day · median ${df.deployDaysPerWeekMedian ?? '—'} deploy days a week`
        }
      >
        <BandChip
          band={df.band}
          kind="deploymentFrequency"
          sample={{ kind: 'deployments', size: df.count }}
        />
      </Card>
      <Card
        title="Lead time for changes"
        value={`${formatDuration(lt.median)} median`}
        to={to('changes')}
        detail={
          lt.median === null
            ? missing('leadTime')
            : `p90 ${formatDuration(lt.p90)} · average ${formatDuration(lt.mean)}`
        }
      >
        <BandChip band={lt.band} kind="duration" sample={{ kind: 'changes', size: lt.count }} />
      </Card>
      <Card
        title="Change failure rate"
        value={formatPercent(cfr.rate)}
        to={to('deployments', 'failed')}
        detail={
          cfr.rate === null
            ? missing('changeFailureRate')
            : `${cfr.failed} of ${plural(cfr.total, 'deployment')} failed`
        }
      >
        <BandChip band={cfr.band} kind="changeFailure" sample={{ kind: 'deployments', size: cfr.total }} />
      </Card>
      <Card
        title="Failed deployment recovery time"
        value={`${formatDuration(rec.median)} median`}
        to={to('deployments', 'failed')}
        detail={
          rec.median === null
            ? missing('failedDeploymentRecoveryTime')
            : `${plural(rec.count, 'recovery', 'recoveries')} · ${rec.unrecovered.length} not recovered yet`
        }
      >
        <BandChip band={rec.band} kind="duration" sample={{ kind: 'deployments', size: rec.count }} />
      </Card>
      <Card
        title="Time to restore service"
        value={`${formatDuration(ttr.median)} median`}
        to={to('incidents')}
        detail={
          ttr.median === null
            ? missing('timeToRestore')
            : `${plural(ttr.count, 'incident')} restored · acknowledged in ${formatDuration(ttr.acknowledge.median)} (median) · ${ttr.open.length} open`
        }
      >
        <BandChip band={ttr.band} kind="duration" sample={{ kind: 'incidents', size: ttr.count }} />
      </Card>
      <Card
        title="Rework rate"
        value={formatPercent(rw.rate)}
        to={to('deployments', 'rework')}
        detail={
          rw.rate === null
            ? missing('reworkRate')
            : `${rw.rework} of ${plural(rw.total, 'deployment')} unplanned`
        }
      />
    </div>
  );
}
