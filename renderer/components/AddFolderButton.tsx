import { useState } from 'react';
import { useApiMutation, useTransport } from '../api';
import { AddFolderForm } from './AddFolderForm';
import { Popover } from './Popover';

/** The always-available "Add folder" action for the toolbar and sidebar. */
export function AddFolderButton({ compact = false }: { compact?: boolean }) {
  const { desktop } = useTransport();
  const add = useApiMutation('addFolder');
  const [open, setOpen] = useState(false);
  const label = compact ? '+' : 'Add folder…';

  if (desktop) {
    const pick = async () => {
      const chosen = await desktop.pickFolder();
      if (chosen) add.mutate({ path: chosen });
    };
    return (
      <button type="button" className={compact ? 'icon-button' : ''} title="Add folder" aria-label="Add folder" onClick={() => void pick()}>
        {label}
      </button>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger={
        <button type="button" className={compact ? 'icon-button' : ''} title="Add folder" aria-label="Add folder" aria-expanded={open} onClick={() => setOpen(!open)}>
          {label}
        </button>
      }
    >
      <AddFolderForm autoFocus onAdded={() => setOpen(false)} />
    </Popover>
  );
}
