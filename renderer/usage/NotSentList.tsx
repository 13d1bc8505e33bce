import { NOT_SENT_LABELS, type NotSentRow } from '../../shared/model';

const requests = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'request' : 'requests'}`;
const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Requests refused on this computer before they reached AWS: not calls and never charged, but worth knowing about. */
export function NotSentList({ rows }: { rows: NotSentRow[] }) {
  return (
    <section className="settings-section not-sent" aria-labelledby="not-sent-title" data-testid="not-sent">
      <h2 id="not-sent-title">Not sent</h2>
      <p className="small muted">
        Refused on this computer before reaching Amazon Bedrock: not counted as calls, never charged.
      </p>
      <ul>
        {rows.map((row) => (
          <li
            key={`${row.modelId}\n${row.reason}`}
            data-testid="not-sent-row"
            data-model={row.modelId}
            data-reason={row.reason}
          >
            <strong data-testid="not-sent-count">{requests(row.count)}</strong> to <code>{row.modelId}</code>:{' '}
            {NOT_SENT_LABELS[row.reason]} <span className="small muted">(last {when(row.lastAt)})</span>
            {row.detail && <div className="small">{row.detail}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
