import { Link } from 'react-router';
import { summariseView } from '../../../../../src/core/workshop/index.js';
import type { PhaseProps } from '../liveRoom.js';
import { SummaryDocument } from '../SummaryDocument.js';
import { ExportLinks } from '../summaryParts.js';

/** What we found and what we will do, with the shareable link and the exports. */
export function SummaryPhase({ room }: PhaseProps) {
  const { view } = room;
  return (
    <div>
      <ExportLinks checkpointId={view.id}>
        <Link className="button" to={`/checkpoints/${view.id}/summary`}>
          Shareable summary page
        </Link>
      </ExportLinks>
      <SummaryDocument summary={summariseView(view)} />
    </div>
  );
}
