import { useState } from 'react';
import { useAiSettings } from '../api';
import { AiSettingsPanel } from './AiSettingsPanel';
import { FolderSettings } from './FolderSettings';
import { TeamLibrarySettings } from './TeamLibrarySettings';

/** The Settings page: the way to the library folders, the team library, AI analysis. */
export function SettingsView() {
  const ai = useAiSettings();
  const [foldersOpen, setFoldersOpen] = useState(false);
  return (
    <main className="page" data-testid="settings-view">
      <div className="page-body">
        <h1>Settings</h1>
        <section className="settings-section" aria-labelledby="folders-title">
          <h2 id="folders-title">Library folders</h2>
          <p className="small muted">
            The folders Swatchbook indexes and watches.{' '}
            <button type="button" className="compact" onClick={() => setFoldersOpen(true)}>
              Manage folders…
            </button>
          </p>
        </section>
        <TeamLibrarySettings />
        {ai.isLoading && <p className="muted">Loading…</p>}
        {ai.error && <p className="error-text">Could not load the AI settings: {ai.error.message}</p>}
        {ai.data && <AiSettingsPanel ai={ai.data} />}
      </div>
      {foldersOpen && <FolderSettings onClose={() => setFoldersOpen(false)} />}
    </main>
  );
}
