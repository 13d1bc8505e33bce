import { useEffect, useState } from 'react';
import type { AdVariant, Campaign } from '../../shared/model';
import { useTransport, useVariantImage, useVariantLive } from '../api';
import { Modal } from '../components/Modal';
import { formatLabel, variantTitle } from './ad-labels';
import { VariantDecision } from './VariantDecision';
import { ReelPanel } from './ReelPanel';
import { VariantEditor } from './VariantEditor';
import { VariantFacts } from './VariantFacts';

interface VariantViewerProps {
  campaign: Campaign;
  variant: AdVariant;
  /** The variant this one was edited from (null: deleted; undefined: not an edit). */
  editedFrom: AdVariant | null | undefined;
  reviewer: string;
  /** Steps to the previous (-1) or next (+1) rendered variant. */
  onStep(by: -1 | 1): void;
  onClose(): void;
}

/** A variant at full size beside the product photo it was made from, with its prompt and the decision. */
export function VariantViewer({ campaign, variant, editedFrom, reviewer, onStep, onClose }: VariantViewerProps) {
  const transport = useTransport();
  const full = useVariantImage(variant.id, 'full', true);
  const [playing, setPlaying] = useState(true);
  const [editing, setEditing] = useState(false);
  const [queued, setQueued] = useState<AdVariant | null>(null);
  // Stepping to another variant leaves the edit of this one.
  const [shownId, setShownId] = useState(variant.id);
  if (shownId !== variant.id) {
    setShownId(variant.id);
    setEditing(false);
    setQueued(null);
  }
  const live = useVariantLive(variant.id, Boolean(variant.live?.webp) && playing);
  const shown = playing && live.data ? live.data : full.data;
  const theme = campaign.concepts.find((c) => c.id === variant.conceptId)?.theme;
  const title = `${variantTitle(theme, variant.index)} · ${formatLabel(variant.format)}`;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (editing) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === 'ArrowLeft') onStep(-1);
      else if (event.key === 'ArrowRight') onStep(1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep, editing]);

  return (
    <Modal title={title} onClose={onClose} testId="variant-viewer">
      {editing && full.data ? (
        <VariantEditor
          campaign={campaign}
          variant={variant}
          imageUrl={full.data.dataUrl}
          onQueued={(edited) => {
            setQueued(edited);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="ads-compare">
          <figure>
            <img
              src={transport.mediaUrl('preview', campaign.productHash)}
              alt={`The source product: ${campaign.productName}`}
            />
            <figcaption className="small muted">Source product</figcaption>
          </figure>
          <figure>
            {shown ? (
              <img
                src={shown.dataUrl}
                alt={`The variant: ${title}${shown === live.data ? ', live loop playing' : ''}`}
                data-testid={shown === live.data ? 'variant-live' : 'variant-full'}
              />
            ) : (
              <p className="muted small">{full.error ? full.error.message : 'Loading…'}</p>
            )}
            <figcaption className="small muted">
              {variant.width}×{variant.height} · seed {variant.seed} ·{' '}
              {variant.generator === 'local' ? 'local compositor' : variant.generator}
              {variant.live && (
                <>
                  {' '}
                  · live {(variant.live.durationMs / 1000).toFixed(1)} s, {variant.live.motion.join(', ')}{' '}
                  <button type="button" className="link-button" onClick={() => setPlaying(!playing)}>
                    {playing ? 'Show the still' : 'Play the loop'}
                  </button>
                </>
              )}
            </figcaption>
            {variant.live?.mp4Problem && <p className="small muted">{variant.live.mp4Problem}</p>}
          </figure>
        </div>
      )}
      {queued && (
        <p className="small" role="status" data-testid="edit-queued">
          Edited copy queued as {variantTitle(theme, queued.index)}: it appears on the board as it renders, and this one
          stays as it is.
        </p>
      )}
      <VariantFacts variant={variant} editedFrom={editedFrom} />
      <ReelPanel variant={variant} />
      {variant.generator !== 'local' && (
        <>
          <p className="ads-prompt small">{variant.prompt}</p>
          {variant.negativePrompt && <p className="small muted">Avoid: {variant.negativePrompt}</p>}
        </>
      )}
      <div className="modal-actions">
        <button type="button" className="compact" onClick={() => onStep(-1)} aria-keyshortcuts="ArrowLeft">
          ← Previous
        </button>
        <button type="button" className="compact" onClick={() => onStep(1)} aria-keyshortcuts="ArrowRight">
          Next →
        </button>
        <button
          type="button"
          className="compact"
          aria-pressed={editing}
          disabled={!full.data}
          onClick={() => setEditing(!editing)}
        >
          Edit
        </button>
        <span className="toolbar-spacer" />
        <VariantDecision variant={variant} reviewer={reviewer} />
      </div>
    </Modal>
  );
}
