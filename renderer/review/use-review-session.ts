import { useEffect, useRef, useState } from 'react';
import {
  ATTRIBUTE_FIELDS,
  type AttributeField,
  type DecisionInput,
  type ModelAnalysis,
  type ReviewItem,
  type ReviewQueueEntry,
} from '../../shared/model';
import { useReviewItem, useReviewWrites } from '../api';
import { LOCAL_PREFIX } from './model-label';
import { hashAt, likelyNext, nextPendingHash } from './queue-navigation';
import { guessDecided } from './review-guess';
import { useItemHold } from './use-item-hold';
import type { ReviewCommands } from './use-review-keys';

/** Which answer Enter and A take values from: the one under review, or the one beside it. */
export type ReviewColumn = 'review' | 'compare';

/** Items loaded ahead: enough to ride out a busy moment of the engine when keys come fast. */
const PRELOAD_AHEAD = 5;

/** The answer to compare with by default: another model's (the newest), else the local analyzer's. */
function defaultCompare(candidates: readonly ModelAnalysis[]): ModelAnalysis | undefined {
  return [...candidates].reverse().find((a) => !a.modelId.startsWith(LOCAL_PREFIX)) ?? candidates[0];
}

function withoutLast(stack: string[], hash: string): void {
  const index = stack.lastIndexOf(hash);
  if (index >= 0) stack.splice(index, 1);
}

/**
 * One reviewer working through a queue: which item and field are in front of them, which
 * answer they take values from, and every decision as a command. Decisions show at once and
 * are recorded in the background; whole-item decisions move on to the next pending item.
 */
export function useReviewSession(items: readonly ReviewQueueEntry[], reviewer: string) {
  const writes = useReviewWrites();
  const [chosen, setChosen] = useState<string | null>(null);
  const [fieldIndex, setFieldIndex] = useState(0);
  const [column, setColumn] = useState<ReviewColumn>('review');
  const [compareShown, setCompareShown] = useState(true);
  const [compareModel, setCompareModel] = useState<string | null>(null);
  const [editing, setEditing] = useState<AttributeField | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Items this reviewer decided on in this session, latest last: U walks back through them. */
  const undoStack = useRef<string[]>([]);
  // Undo takes back one's own decisions only: another name starts with nothing to undo.
  useEffect(() => {
    undoStack.current = [];
  }, [reviewer]);

  // A new list (other filters, a refresh) that lacks the current item starts at its first pending one.
  const listed = chosen !== null && items.some((item) => item.hash === chosen);
  // Worked out only when needed: each keypress renders several times, and this scans the whole queue.
  const first = listed || items.length === 0 ? null : (nextPendingHash(items, null) ?? items[0].hash);
  if (!listed && first !== null && chosen !== first) setChosen(first);
  const hash = listed ? chosen : first;

  const [shownHash, setShownHash] = useState(hash);
  if (shownHash !== hash) {
    setShownHash(hash);
    setColumn('review');
    setCompareModel(null);
    setEditing(null);
    setEditError(null);
  }

  const query = useReviewItem(hash);
  const hold = useItemHold(hash, reviewer);
  const item = query.data?.hash === hash ? query.data : undefined;
  const reviewAnalysis = item?.analyses.find((a) => a.modelId === item.modelId);
  const candidates = item?.analyses.filter((a) => a !== reviewAnalysis) ?? [];
  const compareAnalysis = candidates.find((a) => a.modelId === compareModel) ?? defaultCompare(candidates);
  const comparing = compareShown && compareAnalysis !== undefined;
  const activeAnalysis = comparing && column === 'compare' ? compareAnalysis : reviewAnalysis;
  const field = ATTRIBUTE_FIELDS[fieldIndex];

  /** The model to name in a decision: none for the answer under review (the engine's default). */
  const sourceOf = (analysis: ModelAnalysis | undefined) =>
    analysis && item && analysis.modelId !== item.modelId ? analysis.modelId : undefined;

  const record = (target: ReviewItem, decisions: DecisionInput[], guess = true): Promise<ReviewItem> => {
    undoStack.current.push(target.hash);
    setNotice(null);
    return writes
      .decide(
        { hash: target.hash, reviewer, decisions },
        guess ? (cached) => guessDecided(cached, decisions, reviewer) : undefined,
      )
      .catch((error: Error) => {
        withoutLast(undoStack.current, target.hash);
        throw error;
      });
  };
  const report = (target: ReviewItem) => (error: Error) => setNotice(`Not saved for ${target.name}: ${error.message}`);
  const moveOn = () => {
    const next = nextPendingHash(items, hash);
    if (next) setChosen(next);
  };
  const nextField = () => setFieldIndex((index) => Math.min(ATTRIBUTE_FIELDS.length - 1, index + 1));

  const acceptField = (target: AttributeField = field, analysis = activeAnalysis) => {
    if (!item) return;
    record(item, [{ field: target, action: 'accept', modelId: sourceOf(analysis) }]).catch(report(item));
    setFieldIndex(ATTRIBUTE_FIELDS.indexOf(target));
    nextField();
  };
  const rejectField = (target: AttributeField = field) => {
    if (!item) return;
    record(item, [{ field: target, action: 'reject' }]).catch(report(item));
    setFieldIndex(ATTRIBUTE_FIELDS.indexOf(target));
    nextField();
  };
  const startEdit = (target: AttributeField = field) => {
    if (!item) return;
    setFieldIndex(ATTRIBUTE_FIELDS.indexOf(target));
    setEditing(target);
    setEditError(null);
  };
  const saveEdit = (target: AttributeField, value: unknown) => {
    if (!item) return;
    setSaving(true);
    // Not guessed: the engine validates the value, and its message belongs beside the editor.
    record(item, [{ field: target, action: 'edit', value }], false)
      .then(
        () => {
          setEditing(null);
          nextField();
        },
        (error: Error) => setEditError(error.message),
      )
      .finally(() => setSaving(false));
  };

  const commands: ReviewCommands = {
    next: () => setChosen(hashAt(items, hash, 1) ?? hash),
    previous: () => setChosen(hashAt(items, hash, -1) ?? hash),
    acceptAll: () => {
      if (!item) return;
      const pending = ATTRIBUTE_FIELDS.filter((f) => item.fields[f].state === 'pending');
      const modelId = sourceOf(activeAnalysis);
      // Fields already decided keep their decision; a rejected item is accepted whole.
      const decisions: DecisionInput[] =
        item.status === 'rejected' || pending.length === ATTRIBUTE_FIELDS.length
          ? [{ field: 'item', action: 'accept', modelId }]
          : pending.map((f) => ({ field: f, action: 'accept', modelId }));
      if (decisions.length > 0) record(item, decisions).catch(report(item));
      moveOn();
    },
    rejectItem: () => {
      if (!item) return;
      record(item, [{ field: 'item', action: 'reject' }]).catch(report(item));
      moveOn();
    },
    acceptField: () => acceptField(),
    rejectField: () => rejectField(),
    editField: () => startEdit(),
    undo: () => {
      const target = undoStack.current.pop() ?? hash;
      if (!target) return;
      setChosen(target);
      setNotice(null);
      writes.undo({ hash: target, reviewer }).catch((error: Error) => setNotice(`Nothing undone: ${error.message}`));
    },
    switchColumn: () => {
      if (!comparing) return false;
      setColumn((c) => (c === 'review' ? 'compare' : 'review'));
    },
    toggleCompare: () => {
      setCompareShown((shown) => !shown);
      setColumn('review');
    },
    focusField: (index) => setFieldIndex(index),
    clearFocus: () => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      setNotice(null);
    },
    // Help belongs to the page (its button sits in the page header).
    toggleHelp: () => undefined,
  };

  return {
    hash,
    item,
    loading: query.isLoading,
    error: query.error,
    field,
    fieldIndex,
    column,
    comparing,
    reviewAnalysis,
    compareAnalysis,
    candidates,
    editing,
    editError,
    saving,
    notice,
    /** Another reviewer of the team queue has this item open (its hold was theirs when asked). */
    heldBy: hold && !hold.held ? hold.by : null,
    unsaved: writes.unsaved,
    allDone: items.length > 0 && !items.some((entry) => entry.status === 'pending'),
    // Only once the current item is in: its own requests go first on the browser's few connections.
    preload: item ? likelyNext(items, hash, PRELOAD_AHEAD) : [],
    commands,
    open: (target: string) => setChosen(target),
    focusField: setFieldIndex,
    setColumn: (next: ReviewColumn) => setColumn(next),
    chooseCompare: (modelId: string) => setCompareModel(modelId),
    acceptField,
    rejectField,
    startEdit,
    saveEdit,
    cancelEdit: () => {
      setEditing(null);
      setEditError(null);
    },
    dismissNotice: () => setNotice(null),
  };
}

export type ReviewSession = ReturnType<typeof useReviewSession>;
