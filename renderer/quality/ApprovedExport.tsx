import { useState } from 'react';
import { useApiMutation } from '../api';
import { downloadText } from './download';

const TYPES = { json: 'application/json', csv: 'text/csv' } as const;

/** Downloads what reviewers approved (accepted or edited fields), one record per image. */
export function ApprovedExport() {
  const exportReviewed = useApiMutation('exportReviewed');
  const [saved, setSaved] = useState<string | null>(null);
  const download = (format: keyof typeof TYPES) => {
    setSaved(null);
    exportReviewed.mutate(
      { format },
      {
        onSuccess: ({ filename, content }) => {
          downloadText(filename, content, TYPES[format]);
          setSaved(filename);
        },
      },
    );
  };
  return (
    <div className="export-block" data-testid="approved-export">
      <h3>Approved attributes</h3>
      <p className="small muted">
        Accepted and edited fields per image, with who approved them and on whose answer; paths relative to the library
        folder.
      </p>
      <div className="row">
        <button
          type="button"
          onClick={() => download('json')}
          disabled={exportReviewed.isPending}
          data-testid="export-json"
        >
          Download JSON
        </button>
        <button
          type="button"
          onClick={() => download('csv')}
          disabled={exportReviewed.isPending}
          data-testid="export-csv"
        >
          Download CSV
        </button>
      </div>
      {saved && (
        <p className="small success-text" role="status">
          Saved {saved}
        </p>
      )}
      {exportReviewed.error && (
        <p className="small error-text" role="alert">
          {exportReviewed.error.message}
        </p>
      )}
    </div>
  );
}
