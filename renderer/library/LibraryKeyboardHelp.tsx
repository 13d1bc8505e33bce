import { Modal } from '../components/Modal';
import { ShortcutTable } from '../components/ShortcutTable';
import { LIBRARY_SHORTCUTS } from './library-keys';

/** Every key of the library, from the same table the key handler is written against. */
export function LibraryKeyboardHelp({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Library keys" onClose={onClose} testId="library-help">
      <ShortcutTable shortcuts={LIBRARY_SHORTCUTS} />
      <p className="small muted">Keys work wherever focus is, except while typing in a field.</p>
    </Modal>
  );
}
