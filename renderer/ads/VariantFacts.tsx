import type { AdVariant } from '../../shared/model';
import { formatUsd } from '../components/format';
import { CONTRAST_AA } from './ad-labels';

/** Contrast, cost and brand-rule warnings of a variant, or why it has no picture. */
export function VariantFacts({ variant }: { variant: AdVariant }) {
  const lowContrast = variant.contrast !== null && variant.contrast < CONTRAST_AA;
  return (
    <>
      {variant.state === 'ready' && (
        <p className="small ad-variant-facts">
          <span
            className={lowContrast ? 'warning-text' : undefined}
            title="Lowest WCAG contrast of the text against the pixels behind it (4.5:1 passes AA)"
          >
            Contrast {variant.contrast === null ? '–' : `${variant.contrast.toFixed(1)}:1`}
            {lowContrast && ' (low)'}
          </span>
          <span className="muted"> · {formatUsd(variant.costUsd)}</span>
        </p>
      )}
      {variant.error && (
        <p
          className={`small ${variant.state === 'blocked' ? 'warning-text' : 'error-text'}`}
          data-testid="variant-error"
        >
          {variant.error}
        </p>
      )}
      {variant.guardrail.length > 0 && (
        <ul
          className="small warning-text ad-variant-warnings"
          aria-label="Brand-rule warnings"
          data-testid="variant-warnings"
        >
          {variant.guardrail.map((problem) => (
            <li key={problem}>⚠ {problem}</li>
          ))}
        </ul>
      )}
    </>
  );
}
