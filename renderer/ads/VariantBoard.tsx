import { useState } from 'react';
import { AD_FORMATS, RENDERED_STATES, type AdVariant, type Campaign } from '../../shared/model';
import { useReviewerName } from '../review/use-reviewer-name';
import { formatLabel } from './ad-labels';
import { AdReviewer } from './AdReviewer';
import { VariantCard } from './VariantCard';
import { VariantViewer } from './VariantViewer';

function summary(variants: readonly AdVariant[]): string {
  const count = (test: (v: AdVariant) => boolean) => variants.filter(test).length;
  const parts = [
    `${count((v) => v.state === 'ready')} ready`,
    `${count((v) => v.review === 'approved')} approved`,
    `${count((v) => v.state === 'queued' || v.state === 'generating')} rendering`,
  ];
  const failed = count((v) => v.state === 'failed' || v.state === 'blocked');
  const cancelled = count((v) => v.state === 'cancelled');
  const attention = count((v) => v.state === 'needs-attention');
  if (attention) parts.splice(1, 0, `${attention} need attention`);
  if (failed) parts.push(`${failed} failed or blocked`);
  if (cancelled) parts.push(`${cancelled} cancelled`);
  return parts.join(' · ');
}

/** Every variant of the campaign by format, updating as they render, to approve or reject. */
export function VariantBoard({ campaign, variants }: { campaign: Campaign; variants: AdVariant[] }) {
  const [reviewer, setReviewer] = useReviewerName();
  const [openId, setOpenId] = useState<string | null>(null);
  const themeOf = (variant: AdVariant) => campaign.concepts.find((c) => c.id === variant.conceptId)?.theme;
  const parentOf = (variant: AdVariant) =>
    variant.parentId ? (variants.find((v) => v.id === variant.parentId) ?? null) : undefined;
  const groups = AD_FORMATS.map((format) => ({
    format: format.id,
    variants: variants.filter((v) => v.format === format.id),
  })).filter((group) => group.variants.length > 0);
  // The viewer steps through rendered variants in the order the grid shows them.
  const viewable = groups.flatMap((group) => group.variants).filter((v) => RENDERED_STATES.includes(v.state));
  const open = variants.find((v) => v.id === openId);
  const step = (by: -1 | 1) => {
    const at = viewable.findIndex((v) => v.id === openId);
    const next = viewable[(at + by + viewable.length) % viewable.length];
    if (next) setOpenId(next.id);
  };

  return (
    <section className="settings-section" aria-labelledby="variants-title" data-testid="variant-board">
      <header className="page-header">
        <h2 id="variants-title">Variants</h2>
        <span className="small muted" role="status" data-testid="variant-summary">
          {variants.length ? summary(variants) : ''}
        </span>
        <span className="toolbar-spacer" />
        <AdReviewer name={reviewer} onChange={setReviewer} />
      </header>
      {variants.length === 0 && <p className="muted">No variants yet: generate some above.</p>}
      {groups.map((group) => (
        <section
          key={group.format}
          className="ads-format-group"
          aria-label={formatLabel(group.format)}
          data-testid={`format-${group.format}`}
        >
          <h3>{formatLabel(group.format)}</h3>
          <ul className={`ads-variant-grid format-${group.format}`}>
            {group.variants.map((variant) => (
              <VariantCard
                key={variant.id}
                variant={variant}
                editedFrom={parentOf(variant)}
                theme={themeOf(variant)}
                reviewer={reviewer}
                onOpen={() => setOpenId(variant.id)}
              />
            ))}
          </ul>
        </section>
      ))}
      {open && (
        <VariantViewer
          campaign={campaign}
          variant={open}
          editedFrom={parentOf(open)}
          reviewer={reviewer}
          onStep={step}
          onClose={() => setOpenId(null)}
        />
      )}
    </section>
  );
}
