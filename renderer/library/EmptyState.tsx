import { useApiMutation } from '../api';
import { AddFolderForm } from '../components/AddFolderForm';

/** First run: nothing to browse yet, so offer the two ways to get images in. */
export function EmptyState() {
  const demo = useApiMutation('openDemoLibrary');
  return (
    <div className="empty-state" data-testid="empty-state">
      <h1>Your library is empty</h1>
      <p className="muted">
        Add a folder of designs, swatches or product photos. Swatchbook indexes it in place and keeps watching it for
        changes.
      </p>
      <AddFolderForm autoFocus />
      <div className="divider">or</div>
      <button type="button" onClick={() => demo.mutate({})} disabled={demo.isPending} data-testid="open-demo">
        {demo.isPending ? 'Creating demo library…' : 'Open demo library'}
      </button>
      {demo.error && <p className="error-text small">{demo.error.message}</p>}
    </div>
  );
}
