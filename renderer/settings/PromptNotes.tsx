import { useState, type FormEvent } from 'react';
import { MAX_PROMPT_NOTES, type AiSettings } from '../../shared/model';
import { SettingFeedback } from './SettingFeedback';
import { useSettingCommit } from './use-setting-commit';
import { useSyncedState } from './use-synced-state';

interface NoteRowProps {
  note: string;
  index: number;
  /** With '' the note goes. */
  onSave: (text: string) => void;
}

/** One note, edited in place: saved when the field is left or Enter is pressed, if it changed. */
function PromptNoteRow({ note, index, onSave }: NoteRowProps) {
  const [draft, setDraft] = useSyncedState(note);
  const save = () => {
    if (draft.trim() !== note) onSave(draft.trim());
  };
  return (
    <li data-testid="prompt-note" className="inline-form">
      <input
        type="text"
        aria-label={`Prompt note ${index + 1}`}
        value={draft}
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
      <button
        type="button"
        className="compact"
        aria-label={`Remove prompt note ${index + 1}`}
        onClick={() => onSave('')}
      >
        Remove
      </button>
    </li>
  );
}

/**
 * Lessons from review the attribute prompt carries (added from "What reviewers change" on the Quality page,
 * or here). Changing them changes the prompt's version, so images are answered afresh under the new prompt.
 */
export function PromptNotes({ settings }: { settings: AiSettings }) {
  const { commit, error, status } = useSettingCommit('promptNotes');
  const [draft, setDraft] = useState('');
  const notes = settings.promptNotes;
  const add = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || notes.includes(text)) return;
    commit([...notes, text]);
    setDraft('');
  };
  return (
    <div className="prompt-notes" data-testid="prompt-notes">
      {notes.length === 0 ? (
        <p className="small muted">No notes: the attribute prompt is the built-in one.</p>
      ) : (
        <>
          <p className="small muted">
            In force: the attribute prompt ends with these {notes.length} of at most {MAX_PROMPT_NOTES} notes. Changing
            them makes it a new prompt, so images analysed before are asked again when you next analyse them.
          </p>
          <ul className="plain-list">
            {notes.map((note, i) => (
              <PromptNoteRow
                key={`${i}\n${note}`}
                note={note}
                index={i}
                onSave={(text) =>
                  commit(text ? notes.map((n, j) => (j === i ? text : n)) : notes.filter((_, j) => j !== i))
                }
              />
            ))}
          </ul>
        </>
      )}
      <form className="inline-form" onSubmit={add}>
        <input
          type="text"
          aria-label="New prompt note"
          placeholder="e.g. paisley is not floral"
          value={draft}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" disabled={!draft.trim() || notes.length >= MAX_PROMPT_NOTES}>
          Add note
        </button>
      </form>
      <SettingFeedback status={status} error={error} />
    </div>
  );
}
