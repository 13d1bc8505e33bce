import type { QualityReport } from '../../shared/model';

const FIELD_NAMES: Record<string, string> = {
  pattern: 'Pattern labels',
  colours: 'Colour names',
  repeat: 'Repeat sizes',
};

/**
 * How often people corrected the local analyzer, and for pattern labels what it said against
 * what they set (dominant labels, standing corrections only): its confusion as people see it.
 */
export function LocalConfusionTable({
  report,
}: {
  report: Pick<QualityReport, 'localCorrections' | 'localConfusion'>;
}) {
  if (report.localCorrections.length === 0)
    return <p className="small muted">Nobody has corrected a local label yet (the detail panel of any image).</p>;
  return (
    <>
      <p className="small" data-testid="local-corrections">
        {report.localCorrections.map((c) => `${FIELD_NAMES[c.field] ?? c.field}: ${c.count} corrected`).join(' · ')}
      </p>
      {report.localConfusion.length > 0 && (
        <table className="quality-table" data-testid="local-confusion">
          <thead>
            <tr>
              <th scope="col">Local analyzer said</th>
              <th scope="col">People said</th>
              <th scope="col">Images</th>
            </tr>
          </thead>
          <tbody>
            {report.localConfusion.map((row) => (
              <tr key={`${row.local}→${row.corrected}`} data-testid="local-confusion-row">
                <td>{row.local}</td>
                <td>{row.corrected}</td>
                <td className="number">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
