import type { ReviewDecision } from '../../shared/model';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { valueText } from './field-values';
import { modelLabel } from './model-label';

function fieldName(decision: ReviewDecision): string {
  return decision.field === 'item' ? 'whole item' : FIELD_LABELS[decision.field];
}

function ValueCell({ value }: { value: unknown }) {
  const text = valueText(value);
  return (
    <td className="history-value" title={text}>
      {text || <span className="muted">–</span>}
    </td>
  );
}

/** The item's append-only record, newest first: who decided what, on whose answer, and what it replaced. */
export function ReviewHistory({ history }: { history: readonly ReviewDecision[] }) {
  const newestFirst = [...history].reverse();
  return (
    <section className="review-history" aria-label="History" data-testid="review-history">
      <h3>History ({history.length})</h3>
      {history.length === 0 ? (
        <p className="small muted">No decisions yet.</p>
      ) : (
        <div className="history-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Decision</th>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Model</th>
                <th scope="col">Prompt</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((d, i) => (
                <tr
                  key={d.id}
                  className={i > 0 && newestFirst[i - 1].batch !== d.batch ? 'new-batch' : undefined}
                  data-testid="history-row"
                  data-action={d.action}
                  data-field={d.field}
                >
                  <td className="history-when">{new Date(d.at).toLocaleString()}</td>
                  <td>{d.reviewer}</td>
                  <td>{d.action === 'undo' ? `undo (${d.undoes.length})` : d.action}</td>
                  <td>{fieldName(d)}</td>
                  <ValueCell value={d.previous} />
                  <ValueCell value={d.value} />
                  <td title={d.modelId}>{modelLabel(d.modelId)}</td>
                  <td>{d.promptVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
