import { useState } from 'react';
import type { Campaign, SalientFeatures } from '../../shared/model';
import { useAiSettings, useApiMutation, useModelStream } from '../api';
import { StreamingAnswer } from '../components/StreamingAnswer';
import { FeaturesForm } from './FeaturesForm';

function sourceLabel(source: string): string {
  if (source === 'local') return 'from the library’s own analysis';
  if (source === 'edited') return 'edited by hand';
  return `described by ${source}`;
}

/** What the prompts say about the product: type, materials, colours, selling points. */
export function FeaturesPanel({ campaign }: { campaign: Campaign }) {
  const [editing, setEditing] = useState(false);
  const describe = useApiMutation('describeProduct');
  const stream = useModelStream();
  const model = useAiSettings().data?.settings.attributesModel;
  const features = campaign.features;
  const blank: SalientFeatures = {
    productType: campaign.productName,
    materials: [],
    colours: [],
    sellingPoints: [],
    source: 'edited',
  };
  return (
    <section className="settings-section ads-features" aria-labelledby="features-title" data-testid="features-panel">
      <header className="page-header">
        <h2 id="features-title">Product features</h2>
        {!editing && (
          <button type="button" className="compact" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
      </header>
      {editing ? (
        <FeaturesForm campaignId={campaign.id} features={features ?? blank} onDone={() => setEditing(false)} />
      ) : features ? (
        <dl className="attributes">
          <dt>Product type</dt>
          <dd data-testid="feature-type">{features.productType}</dd>
          <dt>Materials</dt>
          <dd>{features.materials.join(', ') || '–'}</dd>
          <dt>Colours</dt>
          <dd>
            <ul className="ai-colours">
              {features.colours.map((colour) => (
                <li key={`${colour.hex}${colour.name}`}>
                  <span className="swatch" style={{ background: colour.hex }} aria-hidden="true" />
                  {colour.name} <code className="muted">{colour.hex}</code>
                </li>
              ))}
            </ul>
          </dd>
          <dt>Selling points</dt>
          <dd>
            {features.sellingPoints.length ? (
              <ul className="ads-points">
                {features.sellingPoints.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ul>
            ) : (
              '–'
            )}
          </dd>
          <dt>Source</dt>
          <dd className="muted" data-testid="feature-source">
            {sourceLabel(features.source)}
          </dd>
        </dl>
      ) : (
        <p className="muted">No features yet.</p>
      )}
      <div className="ads-refine">
        <button
          type="button"
          onClick={() => describe.mutate({ id: campaign.id, streamId: stream.begin() })}
          disabled={describe.isPending}
        >
          {describe.isPending ? 'Asking the model…' : 'Describe with the model'}
        </button>
        {describe.isPending && (
          <StreamingAnswer text={stream.text} onStop={stream.stop} label="The model's description so far" />
        )}
        <p className="small muted">
          Sends the cut-out to {model ? <code>{model}</code> : 'the analysis model'}: one call, billed, needs AWS
          credentials (Settings). Replaces these features.
        </p>
        {describe.error && (
          <p className="error-text small" role="alert">
            Could not describe the product: {describe.error.message}
          </p>
        )}
      </div>
    </section>
  );
}
