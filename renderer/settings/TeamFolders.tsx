import { useState, type FormEvent } from 'react';
import type { TeamFolder } from '../../shared/model/team';
import { useSetTeamFolderPath } from '../api';

/** One team folder: where the member who added it has it, and where this machine has it (editable). */
function TeamFolderRow({ folder }: { folder: TeamFolder }) {
  const setPath = useSetTeamFolderPath();
  const here = folder.localPath ?? folder.defaultPath;
  const [draft, setDraft] = useState(here);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    setPath.mutate({ name: folder.name, path: next === '' || next === folder.defaultPath ? null : next });
  };
  return (
    <tr data-testid="team-folder" data-name={folder.name}>
      <th scope="row">{folder.name}</th>
      <td>
        <code>{folder.defaultPath}</code>
      </td>
      <td>
        <form className="inline-form" onSubmit={save}>
          <input
            className="setting-input wide"
            aria-label={`Where this computer has ${folder.name}`}
            value={draft}
            spellCheck={false}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="team-folder-path"
          />
          <button type="submit" className="compact" disabled={setPath.isPending || draft.trim() === here}>
            Save
          </button>
        </form>
        {setPath.error && <div className="error-text small">{setPath.error.message}</div>}
      </td>
      <td data-testid="team-folder-reachable" className={folder.reachable ? undefined : 'warning-text'}>
        {folder.reachable ? 'Found' : 'Not found on this computer'}
      </td>
    </tr>
  );
}

/**
 * The team's folders and where this computer has them: a share mounted at another path here (a
 * drive letter, a /Volumes name) is given here once; the copy is then written anew at that path.
 */
export function TeamFolders({ folders, rewriteDue }: { folders: TeamFolder[]; rewriteDue: boolean }) {
  if (folders.length === 0) return null;
  return (
    <div data-testid="team-folders">
      <h3>Shared folders</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col">Added at</th>
            <th scope="col">On this computer</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {folders.map((folder) => (
            <TeamFolderRow key={folder.name} folder={folder} />
          ))}
        </tbody>
      </table>
      {rewriteDue && (
        <p className="callout" role="status" data-testid="team-rewrite-due">
          Restart Swatchbook to use the new path: this computer’s copy of the team library is then written anew from the
          team’s server (thumbnails are kept).
        </p>
      )}
    </div>
  );
}
