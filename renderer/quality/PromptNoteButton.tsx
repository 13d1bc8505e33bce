import { MAX_PROMPT_NOTES } from '../../shared/model';
import { useAiSettings } from '../api';
import { useSettingCommit } from '../settings/use-setting-commit';
import { promptNoteOf, type Correction } from './prompt-note';

/** Turns a frequent correction into a note the next attribute prompt carries (Settings → AI lists and edits them). */
export function PromptNoteButton({ correction, fieldLabel }: { correction: Correction; fieldLabel: string }) {
  const notes = useAiSettings().data?.settings.promptNotes;
  const { commit, error } = useSettingCommit('promptNotes');
  if (!notes) return null;
  const note = promptNoteOf(correction, fieldLabel);
  if (notes.includes(note)) return <span className="small muted">In the prompt</span>;
  return (
    <>
      <button
        type="button"
        className="compact"
        disabled={notes.length >= MAX_PROMPT_NOTES}
        title={
          notes.length >= MAX_PROMPT_NOTES ? `At most ${MAX_PROMPT_NOTES} notes: remove one in Settings → AI` : note
        }
        onClick={() => commit([...notes, note])}
      >
        Add as a prompt note
      </button>
      {error && <span className="error-text small">{error}</span>}
    </>
  );
}
