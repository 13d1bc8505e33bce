import { useId, useState } from 'react';
import { cutoutReadiness, type Campaign } from '../../shared/model';
import { useAdsEstimate, useAiSettings, useApiMutation, type AdsRequest } from '../api';
import { BudgetMeter } from '../components/BudgetMeter';
import { formatUsd } from '../components/format';
import { RadioChoice } from '../components/RadioChoice';

type Generator = AdsRequest['generator'];
const MAX_SEED = 2_000_000_000;

function parseSeed(text: string): number | null | undefined {
  if (!text.trim()) return undefined;
  const seed = Number(text);
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED ? seed : null;
}

/** Generator, how many, which seed: the estimate and the month's budget are shown before anything runs. */
export function GeneratePanel({ campaign }: { campaign: Campaign }) {
  const ids = { count: useId(), seed: useId() };
  const [generator, setGenerator] = useState<Generator>('local');
  const [count, setCount] = useState(1);
  const [seedText, setSeedText] = useState('');
  const [live, setLive] = useState(false);
  const seed = parseSeed(seedText);
  const request: AdsRequest = { generator, count, ...(seed != null && { seed }), ...(live && { live }) };
  const readiness = cutoutReadiness(campaign.cutout);
  const estimate = useAdsEstimate(
    campaign.id,
    request,
    readiness.usable && seed !== null && campaign.concepts.length > 0,
  );
  const imageModel = useAiSettings().data?.settings.imageModel;
  const generate = useApiMutation('generateAds');
  const e = estimate.data;
  const overBudget = e !== undefined && e.costUsd > 0 && e.spentThisMonthUsd + e.costUsd > e.budgetUsd;

  return (
    <section className="settings-section" aria-labelledby="generate-title" data-testid="generate-panel">
      <h2 id="generate-title">Generate variants</h2>
      <fieldset className="setting-choices">
        <legend>Generator</legend>
        <RadioChoice
          name="generator"
          checked={generator === 'local'}
          onChoose={() => setGenerator('local')}
          title="Local compositor"
        >
          Studio sweeps, seasonal scenes, your library&apos;s photos and patterns, drawn on this computer: free, nothing
          is sent.
        </RadioChoice>
        <RadioChoice
          name="generator"
          checked={generator === 'bedrock'}
          onChoose={() => setGenerator('bedrock')}
          title="Amazon Bedrock"
        >
          Backgrounds painted around the product by{' '}
          {imageModel ? <code>{imageModel}</code> : 'the image model in Settings'}: billed per image, needs AWS
          credentials.
        </RadioChoice>
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} />
        <span>
          Also as live loops{' '}
          <span className="small muted choice-detail">
            A 4 s loop of each variant (slow zoom, a light sweep, the text fading in), made on this computer: animated
            WebP, and MP4 when ffmpeg is installed.
          </span>
        </span>
      </label>
      <div className="ads-field-row">
        <div className="ads-field">
          <label htmlFor={ids.count}>Variants per concept and format</label>
          <input
            id={ids.count}
            type="number"
            min={1}
            max={8}
            value={count}
            onChange={(event) => setCount(Math.min(8, Math.max(1, Math.round(Number(event.target.value)) || 1)))}
          />
        </div>
        <div className="ads-field">
          <label htmlFor={ids.seed}>
            Seed <span className="muted">(optional)</span>
          </label>
          <input
            id={ids.seed}
            type="text"
            inputMode="numeric"
            value={seedText}
            placeholder="random"
            aria-invalid={seed === null}
            onChange={(event) => setSeedText(event.target.value)}
          />
          <span className={`small ${seed === null ? 'error-text' : 'muted'}`}>
            {seed === null ? `A whole number from 0 to ${MAX_SEED.toLocaleString()}.` : 'The same seed repeats a run.'}
          </span>
        </div>
      </div>
      {!readiness.usable && (
        <p className="callout warning small" data-testid="generate-blocked">
          No ads without the product: {readiness.reason}. Settle the cut-out above first.
        </p>
      )}
      {estimate.error && <p className="error-text small">Could not estimate: {estimate.error.message}</p>}
      {e && (
        <div className="estimate" data-testid="ads-estimate">
          <p className="estimate-headline">
            {e.images} {e.images === 1 ? 'image' : 'images'} with{' '}
            {e.modelId === 'local' ? 'the local compositor' : <code>{e.modelId}</code>} ≈{' '}
            <strong data-testid="ads-estimate-cost">{formatUsd(e.costUsd)}</strong>
          </p>
          <BudgetMeter spentUsd={e.spentThisMonthUsd} budgetUsd={e.budgetUsd} addingUsd={e.costUsd} />
          {overBudget && (
            <p className="callout warning small">
              This run would pass the monthly budget: variants past it fail instead of being generated.
            </p>
          )}
        </div>
      )}
      <div className="inline-form">
        <button
          type="button"
          className="primary"
          disabled={!e || !readiness.usable || generate.isPending}
          onClick={() => generate.mutate({ id: campaign.id, request })}
        >
          Generate{e ? ` ${e.images} ${e.images === 1 ? 'variant' : 'variants'}` : ''}
        </button>
        {generate.data && (
          <span className="small muted" role="status">
            {generate.data.length} queued: they appear below as they render.
          </span>
        )}
        {generate.error && (
          <span className="error-text small" role="alert">
            Could not start: {generate.error.message}
          </span>
        )}
      </div>
    </section>
  );
}
