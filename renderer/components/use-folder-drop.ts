import { useEffect, useState } from 'react';
import { useApiMutation, useTransport } from '../api';

/** Electron only: folders dropped onto the window become library folders. */
export function useFolderDrop(): { dragging: boolean; error: string | null } {
  const { desktop } = useTransport();
  const add = useApiMutation('addFolder');
  const { mutateAsync } = add;
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!desktop) return;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = async (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const paths = [...(event.dataTransfer?.files ?? [])].map((file) => desktop.pathForFile(file)).filter(Boolean);
      const failures: string[] = [];
      for (const path of paths) {
        await mutateAsync({ path }).catch((e: Error) => failures.push(`${path}: ${e.message}`));
      }
      setError(failures.length > 0 ? failures.join('\n') : null);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [desktop, mutateAsync]);

  return { dragging, error };
}
