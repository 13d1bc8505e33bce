import type { ReactNode } from 'react';

export interface Failure {
  key: string;
  name: string;
  /** The full name, when `name` is shortened. */
  title?: string;
  reason: string;
  /** A line under the reason: where, or when. */
  detail?: ReactNode;
}

interface FailureListProps {
  title: string;
  testId: string;
  itemTestId: string;
  loading: boolean;
  error: Error | null;
  failures: Failure[] | undefined;
}

/** Things that could not be done, each with the reason (unreadable files, failed analyses). */
export function FailureList({ title, testId, itemTestId, loading, error, failures }: FailureListProps) {
  return (
    <div className="error-list" data-testid={testId}>
      <h3>{title}</h3>
      {loading && <p className="muted small">Loading…</p>}
      {error && <p className="error-text small">{error.message}</p>}
      <ul>
        {failures?.map((failure) => (
          <li key={failure.key} data-testid={itemTestId}>
            <div className="error-file" title={failure.title}>
              {failure.name}
            </div>
            <div className="small error-reason">{failure.reason}</div>
            {failure.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}
