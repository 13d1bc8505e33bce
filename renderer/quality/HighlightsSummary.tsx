import type { ReviewSummaryState } from '../../shared/model';
import { useAiSettings, useApiMutation, useModelStream } from '../api';
import { StreamingAnswer } from '../components/StreamingAnswer';
import { modelLabel } from '../review/model-label';

const formatDate = (at: number) => new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });

/**
 * With Amazon Bedrock chosen in Settings: a paragraph about what reviewers change, written by the attribute
 * model from the counts above (never reviewers' own text or images). It is kept, dated, and written again
 * only when asked. The offline analyzer shows nothing here and sends nothing.
 */
export function HighlightsSummary({ state }: { state: ReviewSummaryState }) {
  const settings = useAiSettings().data?.settings;
  const summarise = useApiMutation('summariseReviewHighlights');
  const stream = useModelStream();
  if (settings?.analyzer !== 'bedrock') return null;
  const model = modelLabel(settings.attributesModel);
  const { summary, decisionsSince } = state;
  const ask = (fresh: boolean) => summarise.mutate({ fresh, streamId: stream.begin() });
  return (
    <div className="highlights-summary" data-testid="highlights-summary">
      {summary && !summarise.isPending && (
        <>
          <p data-testid="highlights-summary-text">{summary.text}</p>
          <p className="small muted">
            AI-written by <span title={summary.modelId}>{modelLabel(summary.modelId)}</span> from the counts on{' '}
            {formatDate(summary.at)};{' '}
            {decisionsSince === 1 ? '1 decision' : `${decisionsSince.toLocaleString()} decisions`} since.
          </p>
        </>
      )}
      {summarise.isPending ? (
        <StreamingAnswer text={stream.text} onStop={stream.stop} label="The model's summary so far" />
      ) : (
        <button type="button" className="compact" onClick={() => ask(summary !== null)}>
          {summary ? `Summarise afresh with ${model}` : `Summarise with ${model}`}
        </button>
      )}
      <p className="small muted">
        Sends only the counts and sentences below to <code>{settings.attributesModel}</code>: one call, billed, logged
        in Usage.
      </p>
      {summarise.error && (
        <p className="error-text small" role="alert">
          No summary: {summarise.error.message}
        </p>
      )}
    </div>
  );
}
