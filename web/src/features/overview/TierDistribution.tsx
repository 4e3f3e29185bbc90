import { Link } from 'react-router';
import { getClusterReport } from '../../../../src/core/assessment/performanceClusters.js';
import { getPerformanceTier, type Tier } from '../../../../src/core/assessment/performanceTiers.js';
import type { GroupFigures } from '../../lib/apiTypes.js';
import { subjectLink } from '../../lib/links.js';
import { clusterYearOf, type Placement, placeGroup } from '../../lib/measuredTier.js';
import { EditionPicker, useEdition } from '../../ui/EditionPicker.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { TierChip } from '../../ui/TierChip.js';

const tiersBestFirst: Tier[] = ['elite', 'high', 'medium', 'low'];

function Bar({ percent, label, tier }: { percent: number; label: string; tier?: Tier }) {
  return (
    <span className="share">
      <span className="share-bar" aria-hidden="true">
        <span
          className="share-fill"
          style={{
            width: `${Math.min(100, percent)}%`,
            background: tier ? getPerformanceTier(tier).colour : undefined,
          }}
        />
      </span>
      <span className="share-text">{label}</span>
    </span>
  );
}

/** How many squads sit in each tier, measured, beside DORA's published shares for the report year. */
export function TierDistribution({
  squads,
  window,
}: {
  squads: GroupFigures[];
  window: { from: string; to: string };
}) {
  const edition = useEdition();
  const placed = squads.map((squad) => ({ squad, placement: placeGroup(edition, squad) }));
  const year = clusterYearOf[edition];
  const report = year ? getClusterReport(year) : null;
  const missing = placed.filter((p) => p.placement.kind === 'missing');
  const link = (name: string) => subjectLink({ kind: 'squad', name }, undefined, window);
  const inTier = (tier: Tier) =>
    placed.filter(
      (p): p is { squad: GroupFigures; placement: Extract<Placement, { kind: 'tier' }> } =>
        p.placement.kind === 'tier' && p.placement.tier === tier,
    );

  return (
    <div className="tier-distribution">
      <EditionPicker label="Quick Check edition" />
      <p className="muted small">
        {edition === '2019'
          ? "Each squad's measured bands scored as the 2019 Quick Check: DORA's tier of the average answer."
          : report
            ? `Each squad placed in the nearest cluster of the ${year} report: our comparison of the measured answers with the clusters' typical answers, not DORA's verdict.`
            : 'The 2025 report replaced performance tiers with team profiles, so there are no tier shares to compare with. Each squad is shown with its overall 0–10 score instead.'}
      </p>
      {report ? (
        <ScrollRegion label="Squads by tier">
          <table className="data-table tier-table">
            <caption>
              Squads by {edition === '2019' ? 'tier' : 'nearest cluster'} against DORA's {year} shares
            </caption>
            <thead>
              <tr>
                <th scope="col">{edition === '2019' ? 'Tier' : 'Cluster'}</th>
                <th scope="col">Our squads</th>
                <th scope="col">DORA {year} respondents</th>
                <th scope="col">Squads</th>
              </tr>
            </thead>
            <tbody>
              {tiersBestFirst.map((tier) => {
                const cluster = report.clusters.find((c) => c.tier === tier);
                const members = inTier(tier);
                const share = squads.length ? (members.length / squads.length) * 100 : 0;
                return (
                  <tr key={tier}>
                    <th scope="row">
                      <TierChip tier={tier} />
                    </th>
                    <td>
                      <Bar
                        percent={share}
                        tier={tier}
                        label={`${members.length} of ${squads.length} (${Math.round(share)} %)`}
                      />
                    </td>
                    <td>
                      {cluster ? (
                        <Bar percent={cluster.sharePercent} label={`${cluster.sharePercent} %`} />
                      ) : (
                        'no such cluster that year'
                      )}
                    </td>
                    <td>
                      {members.length === 0
                        ? '—'
                        : members.map((m, index) => (
                            <span key={m.squad.key}>
                              {index > 0 && ', '}
                              <Link to={link(m.squad.key)}>{m.squad.key}</Link>
                            </span>
                          ))}
                    </td>
                  </tr>
                );
              })}
              <tr>
                <th scope="row">Not enough data</th>
                <td>
                  <Bar
                    percent={squads.length ? (missing.length / squads.length) * 100 : 0}
                    label={`${missing.length} of ${squads.length}`}
                  />
                </td>
                <td>—</td>
                <td>
                  {missing.length === 0
                    ? '—'
                    : missing.map((m, index) => (
                        <span key={m.squad.key}>
                          {index > 0 && ', '}
                          <Link to={link(m.squad.key)}>{m.squad.key}</Link>
                          {m.placement.kind === 'missing' && (
                            <span className="muted small"> (no {m.placement.missing.join(', ')})</span>
                          )}
                        </span>
                      ))}
                </td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <ul className="score-list">
          {placed.map(({ squad, placement }) => (
            <li key={squad.key}>
              <Link to={link(squad.key)}>{squad.key}</Link>:{' '}
              {placement.kind === 'score' ? (
                <Bar percent={placement.overall * 10} label={`${placement.overall.toFixed(1)} of 10`} />
              ) : placement.kind === 'missing' ? (
                `not enough data (no ${placement.missing.join(', ')})`
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Shares of respondents: DORA, State of DevOps {year ?? ''} (dora.dev).
        {report && !report.confirmedFromReport
          ? ' These shares come from secondary summaries of the report.'
          : ''}
      </p>
    </div>
  );
}
