import { RENDERED_STATES, type AdVariant, type Theme } from '../../shared/model';
import { useVariantImage } from '../api';
import { variantTitle } from './ad-labels';
import { VariantDecision } from './VariantDecision';
import { VariantFacts } from './VariantFacts';

const STATE_LABELS: Record<AdVariant['state'], string> = {
  queued: 'Queued',
  generating: 'Generating…',
  ready: 'Ready',
  'needs-attention': 'Needs attention',
  failed: 'Failed',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};

interface VariantCardProps {
  variant: AdVariant;
  /** The variant this one was edited from (null: deleted since; undefined: not an edit). */
  editedFrom: AdVariant | null | undefined;
  theme: Theme | undefined;
  reviewer: string;
  onOpen(): void;
}

/** One variant in the grid: its picture once rendered, its state until then, and the decision on it. */
export function VariantCard({ variant, editedFrom, theme, reviewer, onOpen }: VariantCardProps) {
  const rendered = RENDERED_STATES.includes(variant.state);
  const image = useVariantImage(variant.id, 'preview', rendered);
  const title = variantTitle(theme, variant.index);
  return (
    <li
      className={`ad-variant review-${variant.review}`}
      data-testid="ad-variant"
      data-state={variant.state}
      data-review={variant.review}
      data-format={variant.format}
      data-theme={theme}
      data-index={variant.index}
    >
      <button
        type="button"
        className="ad-variant-preview"
        style={{ aspectRatio: `${variant.width} / ${variant.height}` }}
        disabled={!rendered}
        onClick={onOpen}
        aria-label={`Open ${title} larger`}
      >
        {image.data ? (
          <img src={image.data.dataUrl} alt="" />
        ) : (
          <span className="small muted">{image.error ? image.error.message : STATE_LABELS[variant.state]}</span>
        )}
      </button>
      <div className="ad-variant-meta">
        <span>{title}</span>
        <span className={`status-badge state-${variant.state}`} data-testid="variant-state">
          {STATE_LABELS[variant.state]}
        </span>
        {variant.live && (
          <span className="status-badge" data-testid="variant-live-badge" title={variant.live.motion.join(', ')}>
            Live
          </span>
        )}
      </div>
      <VariantFacts variant={variant} editedFrom={editedFrom} />
      <VariantDecision variant={variant} reviewer={reviewer} />
    </li>
  );
}
