import { useId, useRef, useState } from 'react';
import type { AdVariant, Campaign } from '../../shared/model';
import { useAdsEstimate, useAiSettings, useApiMutation } from '../api';
import { BudgetMeter } from '../components/BudgetMeter';
import { formatUsd } from '../components/format';
import { BrushControls } from './BrushControls';
import type { BrushMode, BrushStroke } from './mask-overlay';
import { useBrushStrokes } from './use-brush-strokes';
import { RadioChoice } from '../components/RadioChoice';

type Region = 'strokes' | 'background' | 'all-but-product';
type Generator = 'local' | 'bedrock';
type Mode = 'inpaint' | 'variation';

const REGIONS: { region: Region; label: string }[] = [
  { region: 'strokes', label: 'Brushed region' },
  { region: 'background', label: 'Background' },
  { region: 'all-but-product', label: 'Everything but the product' },
];
const BRUSH_LABELS: Record<BrushMode, string> = { add: 'Brush the region', remove: 'Erase' };
/** Tall variants stay on screen with the controls beside them. */
const STAGE_MAX_HEIGHT = 520;

interface VariantEditorProps {
  campaign: Campaign;
  variant: AdVariant;
  /** The variant's full-size picture. */
  imageUrl: string;
  onQueued(edited: AdVariant): void;
  onCancel(): void;
}

/** Brush a region (or pick one), say what should be there, and get a new variant derived from this one. */
export function VariantEditor({ campaign, variant, imageUrl, onQueued, onCancel }: VariantEditorProps) {
  const ids = { prompt: useId(), similarity: useId() };
  const canvas = useRef<HTMLCanvasElement>(null);
  const ring = useRef<HTMLDivElement>(null);
  const strokes = useRef<BrushStroke[]>([]);
  const [strokeCount, setStrokeCount] = useState(0);
  const [mode, setMode] = useState<BrushMode>('add');
  const [radius, setRadius] = useState(40);
  const [region, setRegion] = useState<Region>('strokes');
  const [prompt, setPrompt] = useState('');
  const [generator, setGenerator] = useState<Generator>('local');
  const [editMode, setEditMode] = useState<Mode>('inpaint');
  const [similarity, setSimilarity] = useState(0.7);
  const brush = useBrushStrokes(
    { canvas, ring },
    { mode, radius },
    () => strokes.current,
    (stroke) => {
      strokes.current = [...strokes.current, stroke];
      setStrokeCount(strokes.current.length);
    },
  );
  const imageModel = useAiSettings().data?.settings.imageModel;
  const estimate = useAdsEstimate(
    campaign.id,
    { generator: 'bedrock', count: 1, conceptIds: [variant.conceptId], formats: [variant.format] },
    generator === 'bedrock',
  ).data;
  const edit = useApiMutation('editAdVariant');

  const clearStrokes = () => {
    strokes.current = [];
    setStrokeCount(0);
    brush.redraw();
  };
  const regionReady = region !== 'strokes' || strokeCount > 0;
  const apply = () =>
    edit.mutate(
      {
        id: variant.id,
        region: region === 'strokes' ? { strokes: strokes.current } : region,
        prompt,
        generator,
        ...(generator === 'bedrock' && { mode: editMode }),
        ...(generator === 'bedrock' && editMode === 'variation' && { similarity }),
      },
      { onSuccess: onQueued },
    );

  return (
    <div className="ads-variant-editor" data-testid="variant-editor">
      <div className="segmented" role="group" aria-label="Region to change">
        {REGIONS.map((option) => (
          <button
            key={option.region}
            type="button"
            aria-pressed={region === option.region}
            onClick={() => setRegion(option.region)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {region === 'strokes' && (
        <div className="inline-form">
          <BrushControls mode={mode} onMode={setMode} radius={radius} onRadius={setRadius} modeLabels={BRUSH_LABELS} />
          <button type="button" className="compact" onClick={clearStrokes} disabled={strokeCount === 0}>
            Clear the brush
          </button>
        </div>
      )}
      <div
        className="cutout-stage"
        style={{
          aspectRatio: `${variant.width} / ${variant.height}`,
          width: `min(100%, ${Math.round((STAGE_MAX_HEIGHT * variant.width) / variant.height)}px)`,
        }}
      >
        <img src={imageUrl} alt="The variant being edited" draggable={false} />
        <canvas
          ref={canvas}
          width={variant.width}
          height={variant.height}
          className="cutout-brush"
          hidden={region !== 'strokes'}
          data-testid="variant-edit-canvas"
          role="img"
          aria-label="Brush canvas: drag over what should change (the product itself never changes)"
          {...brush.handlers}
        />
        <div ref={ring} className="brush-ring" aria-hidden="true" />
      </div>
      <div className="ads-field">
        <label htmlFor={ids.prompt}>What should be there</label>
        <input
          id={ids.prompt}
          type="text"
          maxLength={1024}
          value={prompt}
          placeholder='e.g. "a sprig of lavender", "plain warm grey", "remove"'
          onChange={(event) => setPrompt(event.target.value)}
        />
      </div>
      <fieldset className="setting-choices">
        <legend>Made by</legend>
        <RadioChoice
          name="edit-generator"
          checked={generator === 'local'}
          onChoose={() => setGenerator('local')}
          title="Local compositor"
        >
          Takes away what is there (&quot;remove&quot;: filled from around it) or paints the region one colour
          (&quot;plain warm grey&quot;, &quot;#c8b8a0&quot;): free, nothing is sent.
        </RadioChoice>
        <RadioChoice
          name="edit-generator"
          checked={generator === 'bedrock'}
          onChoose={() => setGenerator('bedrock')}
          title="Image model"
        >
          Repainted by {imageModel ? <code>{imageModel}</code> : 'the image model in Settings'}: anything you describe,
          billed as one image, needs AWS credentials (Settings → AI).
        </RadioChoice>
      </fieldset>
      {generator === 'bedrock' && (
        <div className="inline-form">
          <div className="segmented" role="group" aria-label="How the model changes it">
            <button type="button" aria-pressed={editMode === 'inpaint'} onClick={() => setEditMode('inpaint')}>
              Repaint the region
            </button>
            <button type="button" aria-pressed={editMode === 'variation'} onClick={() => setEditMode('variation')}>
              More like this one
            </button>
          </div>
          {editMode === 'variation' && (
            <>
              <label htmlFor={ids.similarity}>Similarity</label>
              <input
                id={ids.similarity}
                type="range"
                min={0.2}
                max={1}
                step={0.05}
                value={similarity}
                onChange={(event) => setSimilarity(Number(event.target.value))}
              />
              <output htmlFor={ids.similarity} className="small muted">
                {similarity.toFixed(2)}
              </output>
            </>
          )}
        </div>
      )}
      {generator === 'bedrock' && estimate && (
        <div className="estimate" data-testid="edit-estimate">
          <p className="small">
            One image with <code>{estimate.modelId}</code> ≈ <strong>{formatUsd(estimate.costUsd)}</strong>
          </p>
          <BudgetMeter
            spentUsd={estimate.spentThisMonthUsd}
            budgetUsd={estimate.budgetUsd}
            addingUsd={estimate.costUsd}
          />
        </div>
      )}
      {edit.error && (
        <p className="error-text small" role="alert">
          Could not edit: {edit.error.message}
        </p>
      )}
      <div className="inline-form">
        <button type="button" className="primary" disabled={!regionReady || edit.isPending} onClick={apply}>
          Apply
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {!regionReady && <span className="small muted">Brush over what should change, or pick a region.</span>}
      </div>
    </div>
  );
}
