import { useAiSettings, useAnalysisProgress } from '../api';
import { RouteLink } from '../navigation/RouteLink';
import { modelLabel } from './model-label';

const images = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'image is' : 'images are'}`;

/**
 * An empty queue is not always "nothing to do": answers may be on their way, or held back
 * (no credentials, the budget, a pause). Say how many, why, and the way forward.
 */
export function ReviewEmpty({ filtered }: { filtered: boolean }) {
  const { data: progress } = useAnalysisProgress();
  const { data: ai } = useAiSettings();
  if (filtered)
    return (
      <p className="review-empty muted" data-testid="review-empty">
        Nothing matches these filters.
      </p>
    );
  const coming = progress ? progress.queued + progress.running + progress.waiting : 0;
  const model = ai ? modelLabel(ai.settings.attributesModel) : 'the model';
  return (
    <div className="review-empty" data-testid="review-empty">
      <p className="muted">Nothing is pending review.</p>
      {coming > 0 && progress?.holdReason && (
        <p className="callout warning review-waiting" data-testid="review-waiting" data-count={coming}>
          {images(coming)} waiting for <span title={ai?.settings.attributesModel}>{model}</span>:{' '}
          {progress.paused ? 'analysis is paused; resume it from the status bar.' : progress.holdReason}{' '}
          {!progress.paused && <RouteLink to="settings">Open Settings</RouteLink>}
        </p>
      )}
      {coming > 0 && !progress?.holdReason && (
        <p data-testid="review-waiting" data-count={coming}>
          {images(coming)} being analysed by {model}: their answers appear here as they arrive.
        </p>
      )}
      {coming === 0 && (
        <p className="muted">
          Images appear here once they are analysed with AI (Library → Analyse with AI); decided ones are under Show:
          All.
        </p>
      )}
    </div>
  );
}
