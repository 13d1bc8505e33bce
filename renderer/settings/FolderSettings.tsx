import { useState } from 'react';
import { useApiMutation, useLibraryStatus } from '../api';
import { AddFolderForm } from '../components/AddFolderForm';
import { Modal } from '../components/Modal';
import { folderStateLabel } from '../library/folder-state';

/** The watched folders: their state, rescanning, removing (assets stay on disk). */
export function FolderSettings({ onClose }: { onClose(): void }) {
  const status = useLibraryStatus();
  const rescan = useApiMutation('rescanFolder');
  const remove = useApiMutation('removeFolder');
  const [confirm, setConfirm] = useState<string | null>(null);
  const error = rescan.error ?? remove.error;

  return (
    <Modal title="Library folders" onClose={onClose} testId="folder-settings">
      <ul className="folder-list">
        {status.data?.folders.length === 0 && <li className="muted">No folders yet.</li>}
        {status.data?.folders.map((folder) => (
          <li key={folder.path}>
            <div className="folder-path" title={folder.path}>
              {folder.path}
              {folder.state !== 'ok' && <span className="warning-text"> · {folderStateLabel(folder)}</span>}
              {folder.error && <div className="error-text small">{folder.error}</div>}
            </div>
            <button type="button" onClick={() => rescan.mutate({ path: folder.path })}>
              Rescan
            </button>
            {confirm === folder.path ? (
              <button
                type="button"
                className="danger"
                onClick={() => remove.mutate({ path: folder.path }, { onSettled: () => setConfirm(null) })}
              >
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
    </Modal>
  );
}
