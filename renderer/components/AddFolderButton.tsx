import { useTeamRight } from '../api';
import { AddFolderForm } from './AddFolderForm';
import { PopoverButton } from './PopoverButton';
import { usePickFolder } from './use-pick-folder';

/** The always-available "Add folder" action for the toolbar and sidebar. */
export function AddFolderButton({ compact = false }: { compact?: boolean }) {
  const { pickFolder } = usePickFolder();
  const right = useTeamRight('addFolder');
  const button = { className: compact ? 'icon-button' : '', title: 'Add folder', 'aria-label': 'Add folder' };
  const label = compact ? '+' : 'Add folder…';

  if (!right.allowed) {
    return (
      <button type="button" {...button} title={right.why ?? undefined} disabled>
        {label}
      </button>
    );
  }
  if (pickFolder) {
    return (
      <button type="button" {...button} onClick={() => pickFolder()}>
        {label}
      </button>
    );
  }
  return (
    <PopoverButton label={label} {...button}>
      {(close) => <AddFolderForm autoFocus onAdded={close} />}
    </PopoverButton>
  );
}
