import type { AttributeField, QualityReport } from '../../shared/model';
import { formatUsd } from '../components/format';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { modelLabel } from '../review/model-label';
import { bestValuePerField } from './quality-figures';

const perDollar = (value: number | null) =>
  value === null ? 'no cost recorded' : `${value.toFixed(value < 10 ? 1 : 0)} per $`;

/** Per attribute, which model's answers reviewers accept most per dollar spent: what routing should prefer. */
export function BestValueTable({ rows }: { rows: QualityReport['acceptedPerDollar'] }) {
  const best = bestValuePerField(rows);
  if (best.length === 0) return <p className="small muted">No model answers decided yet.</p>;
  return (
    <table className="quality-table" data-testid="best-value">
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Best value</th>
          <th scope="col">Accepted per dollar</th>
          <th scope="col">Accepted</th>
          <th scope="col">Cost</th>
          <th scope="col">Other models</th>
        </tr>
      </thead>
      <tbody>
        {best.map(({ field, best: top, others }) => (
          <tr key={field} data-testid="best-value-row" data-field={field} data-model={top.modelId}>
            <th scope="row">{FIELD_LABELS[field as AttributeField] ?? field}</th>
            <td title={top.modelId}>{modelLabel(top.modelId)}</td>
            <td className="number">{perDollar(top.perDollar)}</td>
            <td className="number">{top.accepted}</td>
            <td className="number">{formatUsd(top.costUsd)}</td>
            <td className="small muted">
              {others.map((o) => `${modelLabel(o.modelId)}: ${perDollar(o.perDollar)}`).join(' · ') || '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
