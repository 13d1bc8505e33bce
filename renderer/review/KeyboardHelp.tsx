import { Modal } from '../components/Modal';
import { ShortcutTable } from '../components/ShortcutTable';
import { REVIEW_SHORTCUTS } from './review-keys';

/** Every key of the review workspace, from the same table the key handler is written against. */
export function KeyboardHelp({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Review keys" onClose={onClose} testId="review-help">
      <ShortcutTable shortcuts={REVIEW_SHORTCUTS} />
      <p className="small muted">
        Keys work wherever focus is, except while typing. Tab switches columns only while no button or field has focus
        (Esc takes focus off it); with the compared answer hidden, Tab moves focus as usual. Decisions are saved in the
        background, and the next items are loaded ahead, so moving on never waits.
      </p>
    </Modal>
  );
}
