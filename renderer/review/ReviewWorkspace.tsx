import type { ReviewQueueEntry } from '../../shared/model';
import { ReviewItemPanel } from './ReviewItemPanel';
import { ReviewQueueList } from './ReviewQueueList';
import { usePreloadReviewItems } from './use-preload-review-items';
import { useReviewKeys, type ReviewCommands } from './use-review-keys';
import { useReviewSession } from './use-review-session';

interface ReviewWorkspaceProps {
  items: readonly ReviewQueueEntry[];
  reviewer: string;
  helpOpen: boolean;
  onToggleHelp(): void;
}

/** While the help is open, keys only close it: a stray A must not accept an item nobody is looking at. */
function onlyHelp(commands: ReviewCommands, onToggleHelp: () => void): ReviewCommands {
  const none = Object.fromEntries(
    Object.keys(commands).map((name) => [name, () => undefined]),
  ) as unknown as ReviewCommands;
  return { ...none, toggleHelp: onToggleHelp };
}

/** The queue beside the current item, driven by the keyboard, with the next items loaded ahead. */
export function ReviewWorkspace({ items, reviewer, helpOpen, onToggleHelp }: ReviewWorkspaceProps) {
  const session = useReviewSession(items, reviewer);
  const commands = { ...session.commands, toggleHelp: onToggleHelp };
  useReviewKeys(helpOpen ? onlyHelp(commands, onToggleHelp) : commands);
  usePreloadReviewItems(session.preload);
  return (
    <div className="review-body">
      <ReviewQueueList items={items} current={session.hash} onOpen={session.open} />
      <ReviewItemPanel session={session} />
    </div>
  );
}
