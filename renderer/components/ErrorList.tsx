import { useErrors } from '../api';
import { basename } from './format';

/** Files the library could not ingest, each with the reason. */
export function ErrorList() {
  const errors = useErrors(true);
  return (
    <div className="error-list" data-testid="error-list">
      <h3>Files that could not be read</h3>
      {errors.isLoading && <p className="muted small">Loading…</p>}
      {errors.error && <p className="error-text small">{errors.error.message}</p>}
      <ul>
        {errors.data?.map((error) => (
          <li key={error.path} data-testid="error-item">
            <div className="error-file" title={error.path}>
              {basename(error.path)}
            </div>
            <div className="small error-reason">{error.reason}</div>
            <div className="small muted path">{error.path}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
