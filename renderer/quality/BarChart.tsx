/** What a bar segment counts; each kind has one colour, in light and dark alike. */
export type BarKind = 'accepted' | 'edited' | 'rejected' | 'value';

export interface BarRow {
  key: string;
  label: string;
  /** The full name, when the label is shortened (model ids). */
  title?: string;
  segments: { kind: BarKind; value: number }[];
  /** The figure read out beside the bar (and by screen readers instead of it). */
  note: string;
}

interface BarChartProps {
  title: string;
  rows: BarRow[];
  testId: string;
  /** Show the colour key for stacked bars. */
  legend?: BarKind[];
  /** The full bar's value (100 for percentages); default: the largest row. */
  max?: number;
  /** Each bar shows its row's shares (accepted, edited, rejected) across the full width. */
  proportional?: boolean;
}

const LEGEND_LABELS: Record<BarKind, string> = {
  accepted: 'Accepted',
  edited: 'Edited',
  rejected: 'Rejected',
  value: '',
};

const rowTotal = (row: BarRow) => row.segments.reduce((sum, s) => sum + s.value, 0);

/** One category: its name, the bar (hidden from screen readers, which read the note), the figure. */
function BarRowView({ row, full }: { row: BarRow; full: number }) {
  return (
    <tr data-testid="bar-row" data-key={row.key}>
      <th scope="row" title={row.title ?? row.label}>
        {row.label}
      </th>
      <td className="bar-cell" aria-hidden="true">
        <div className="bar">
          {row.segments.map((segment) =>
            segment.value > 0 ? (
              <span
                key={segment.kind}
                className={`bar-segment ${segment.kind}`}
                style={{ width: `${(segment.value / full) * 100}%` }}
              />
            ) : null,
          )}
        </div>
      </td>
      <td className="bar-note" data-testid="bar-note">
        {row.note}
      </td>
    </tr>
  );
}

/**
 * A horizontal bar chart for categories (models, fields, reviewers), drawn with CSS so it
 * follows the theme's colours; it is a table underneath, so every figure is also text.
 */
export function BarChart({ title, rows, testId, legend, max: fullBar, proportional = false }: BarChartProps) {
  const max = fullBar ?? Math.max(0, ...rows.map(rowTotal));
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {legend && (
        <ul className="bar-legend" aria-hidden="true">
          {legend.map((kind) => (
            <li key={kind}>
              <span className={`bar-key ${kind}`} /> {LEGEND_LABELS[kind]}
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <p className="small muted">Nothing yet.</p>
      ) : (
        <table className="bar-rows">
          <tbody>
            {rows.map((row) => (
              <BarRowView key={row.key} row={row} full={(proportional ? rowTotal(row) : max) || 1} />
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
