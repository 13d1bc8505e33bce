import { useState, type FormEvent } from 'react';
import { usePickFolder } from './use-pick-folder';

interface AddFolderFormProps {
  onAdded?(): void;
  autoFocus?: boolean;
}

/** Electron picks a folder with the native dialog; a browser cannot, so it takes a typed path. */
export function AddFolderForm({ onAdded, autoFocus }: AddFolderFormProps) {
  const { pickFolder, add } = usePickFolder();
  const [path, setPath] = useState('');
  const error = add.error && (
    <p className="error-text small" role="alert">
      {add.error.message}
    </p>
  );

  if (pickFolder) {
    return (
      <div className="add-folder">
        <button
          type="button"
          className="primary"
          data-testid="add-folder-button"
          onClick={() => pickFolder(onAdded)}
          disabled={add.isPending}
        >
          Add folder…
        </button>
        {error}
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { path: path.trim() },
      {
        onSuccess: () => {
          setPath('');
          onAdded?.();
        },
      },
    );
  };
  return (
    <form className="add-folder inline-form" onSubmit={submit}>
      <input
        aria-label="Folder path"
        placeholder="/path/to/images"
        value={path}
        onChange={(e) => setPath(e.target.value)}
        data-testid="add-folder-input"
        autoFocus={autoFocus}
        spellCheck={false}
      />
      <button
        type="submit"
        className="primary"
        data-testid="add-folder-button"
        disabled={!path.trim() || add.isPending}
      >
        Add
      </button>
      {error}
    </form>
  );
}
