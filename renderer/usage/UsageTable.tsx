import type { UsageRow } from '../../shared/model';
import { formatMs, formatUsd } from '../components/format';

const count = (n: number) => n.toLocaleString();

/** Totals per model over the range. */
export function UsageTable({ models }: { models: UsageRow[] }) {
  return (
    <table className="data-table" data-testid="usage-table">
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Calls</th>
          <th scope="col">Failures</th>
          <th scope="col">Tokens in</th>
          <th scope="col">Tokens out</th>
          <th scope="col">Cost</th>
          <th scope="col">p50</th>
          <th scope="col">p95</th>
        </tr>
      </thead>
      <tbody>
        {models.map((row) => (
          <tr key={row.modelId} data-testid="usage-row" data-model={row.modelId}>
            <th scope="row">
              <code>{row.modelId}</code>
            </th>
            <td data-testid="usage-calls">{count(row.calls)}</td>
            <td className={row.failures > 0 ? 'warning-text' : undefined}>{count(row.failures)}</td>
            <td>{count(row.inputTokens)}</td>
            <td>{count(row.outputTokens)}</td>
            <td data-testid="usage-cost" data-usd={row.costUsd}>
              {formatUsd(row.costUsd)}
            </td>
            <td>{formatMs(row.latencyP50Ms)}</td>
            <td>{formatMs(row.latencyP95Ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
