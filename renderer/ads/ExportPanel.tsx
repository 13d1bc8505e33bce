import { RENDERED_STATES, type AdVariant, type Campaign } from '../../shared/model';
import { useApiMutation } from '../api';

/** Writes the approved variants as files named by campaign, format and theme, with a manifest. */
export function ExportPanel({ campaign, variants }: { campaign: Campaign; variants: AdVariant[] }) {
  const exportAds = useApiMutation('exportAds');
  const approved = variants.filter((v) => v.review === 'approved' && RENDERED_STATES.includes(v.state)).length;
  const result = exportAds.data;
  const relative = (file: string) =>
    result && file.startsWith(result.folder) ? file.slice(result.folder.length + 1) : file;
  return (
    <section className="settings-section" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title">Export</h2>
      <div className="inline-form">
        <button
          type="button"
          className="primary"
          disabled={approved === 0 || exportAds.isPending}
          onClick={() => exportAds.mutate({ id: campaign.id })}
        >
          Export approved ({approved})
        </button>
        {approved === 0 && <span className="small muted">Approve variants above to export them.</span>}
      </div>
      {exportAds.error && (
        <p className="error-text small" role="alert">
          Could not export: {exportAds.error.message}
        </p>
      )}
      {result && (
        <div className="ads-export-result" data-testid="export-result" role="status">
          <p className="small">
            Wrote {result.files.length} {result.files.length === 1 ? 'file' : 'files'} and <code>manifest.json</code> to{' '}
            <code data-testid="export-folder">{result.folder}</code>
          </p>
          <ul className="ads-export-files">
            {result.files.map((file) => (
              <li key={file}>
                <code data-testid="export-file">{relative(file)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
