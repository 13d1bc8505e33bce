import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../api';

const ACCOUNT_ID = /^\d{12}$/;

/** Writes a Bedrock distillation dataset from fully approved items, for upload to the S3 prefix its records name. */
export function DistillationExport() {
  const distil = useApiMutation('exportDistillation');
  const [prefix, setPrefix] = useState('');
  const [owner, setOwner] = useState('');
  const ownerProblem =
    owner.trim() && !ACCOUNT_ID.test(owner.trim()) ? 'The bucket owner is a 12-digit AWS account id.' : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ownerProblem || !prefix.trim()) return;
    distil.mutate({ s3Prefix: prefix.trim(), bucketOwner: owner.trim() || undefined });
  };
  const result = distil.data;

  return (
    <form className="export-block" onSubmit={submit} data-testid="distillation-export">
      <h3>Distillation dataset</h3>
      <p className="small muted">
        Every item whose fields were all accepted or edited, as Bedrock conversation records (the prompt and images the
        model was given, the approved answer as its reply). The JSONL and its images are written to the data folder;
        upload the images to the prefix below.
      </p>
      <label className="setting-row">
        <span className="setting-label">S3 prefix</span>
        <input
          className="setting-input wide"
          placeholder="s3://bucket/prefix"
          value={prefix}
          onChange={(e) => setPrefix(e.target.value)}
          required
          data-testid="distill-prefix"
        />
      </label>
      <label className="setting-row">
        <span className="setting-label">Bucket owner (optional)</span>
        <input
          className="setting-input"
          inputMode="numeric"
          placeholder="123456789012"
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          aria-invalid={Boolean(ownerProblem)}
          data-testid="distill-owner"
        />
      </label>
      {ownerProblem && (
        <p className="small error-text" role="alert">
          {ownerProblem}
        </p>
      )}
      <div className="row">
        <button
          type="submit"
          disabled={distil.isPending || !prefix.trim() || Boolean(ownerProblem)}
          data-testid="distill-submit"
        >
          {distil.isPending ? 'Writing…' : 'Write dataset'}
        </button>
      </div>
      {distil.error && (
        <p className="small error-text" role="alert">
          {distil.error.message}
        </p>
      )}
      {result && (
        <div className="distill-result" role="status" data-testid="distill-result">
          <p>
            Wrote <strong data-testid="distill-lines">{result.lines}</strong> records and{' '}
            <strong data-testid="distill-images">{result.images}</strong> images to
          </p>
          <code data-testid="distill-folder">{result.folder}</code>
          {result.skipped.length > 0 ? (
            <>
              <p className="warning-text small" data-testid="distill-skipped-count">
                {result.skipped.length} approved {result.skipped.length === 1 ? 'item was' : 'items were'} left out:
              </p>
              <ul className="small" data-testid="distill-skipped">
                {result.skipped.map((s) => (
                  <li key={s.hash}>
                    <code>{s.hash.slice(0, 12)}…</code> {s.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="small muted" data-testid="distill-skipped-count">
              Nothing skipped.
            </p>
          )}
        </div>
      )}
    </form>
  );
}
