import { useEffect, useState } from 'react';
import { useApiMutation, useLibraryStatus } from '../api';
import { AddFolderForm } from '../components/AddFolderForm';

/** The watched folders: their state, rescanning, removing (assets stay on disk). */
export function FolderSettings({ onClose }: { onClose(): void }) {
  const status = useLibraryStatus();
  const rescan = useApiMutation('rescanFolder');
  const remove = useApiMutation('removeFolder');
  const [confirm, setConfirm] = useState<string | null>(null);
  const error = rescan.error ?? remove.error;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="folder-settings-title" data-testid="folder-settings" onClick={(e) => e.stopPropagation()}>
        <header className="modal-header">
          <h2 id="folder-settings-title">Library folders</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <ul className="folder-list">
          {status.data?.folders.length === 0 && <li className="muted">No folders yet.</li>}
          {status.data?.folders.map((folder) => (
            <li key={folder.path}>
              <div className="folder-path" title={folder.path}>
                {folder.path}
                {folder.state === 'missing' && <span className="warning-text"> · missing</span>}
                {folder.error && <div className="error-text small">{folder.error}</div>}
              </div>
              <button type="button" onClick={() => rescan.mutate({ path: folder.path })}>
                Rescan
              </button>
              {confirm === folder.path ? (
                <button type="button" className="danger" onClick={() => remove.mutate({ path: folder.path }, { onSettled: () => setConfirm(null) })}>
                  Remove from library?
                </button>
              ) : (
                <button type="button" onClick={() => setConfirm(folder.path)}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
        {error && <p className="error-text small">{error.message}</p>}
        <AddFolderForm />
        <p className="muted small">Removing a folder only forgets it; no files are deleted.</p>
      </div>
    </div>
  );
}
