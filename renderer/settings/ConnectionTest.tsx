import { useApiMutation } from '../api';
import { formatMs } from '../components/format';

/** One real, tiny call to the attributes model: credentials, region, access and network all tried. */
export function ConnectionTest() {
  const test = useApiMutation('testConnection');
  const check = test.data;
  return (
    <div className="connection-test" data-testid="connection-test">
      <button type="button" onClick={() => test.mutate({})} disabled={test.isPending} data-testid="test-connection">
        {test.isPending ? 'Testing…' : 'Test connection'}
      </button>
      <span className="small muted">Costs a fraction of a cent.</span>
      <div aria-live="polite">
        {test.error && <p className="error-text small">{test.error.message}</p>}
        {check && !test.isPending && (
          <p
            className={`small ${check.ok ? 'success-text' : 'error-text'}`}
            data-testid="connection-result"
            data-ok={check.ok}
          >
            {check.ok ? '✓ ' : '✕ '}
            {check.message}
            {check.ok && check.latencyMs !== null && <span className="muted"> ({formatMs(check.latencyMs)})</span>}
          </p>
        )}
      </div>
    </div>
  );
}
