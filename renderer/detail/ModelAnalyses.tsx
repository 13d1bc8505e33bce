import { useModelAnalyses } from '../api';
import { ModelAnalysisCard } from './ModelAnalysisCard';
import { ModelInputPreview } from './ModelInputPreview';

/** What each analyzer said about the image (the local one first), and what a model would be sent. */
export function ModelAnalyses({ hash }: { hash: string }) {
  const analyses = useModelAnalyses(hash);
  return (
    <section className="ai-attributes" data-testid="ai-attributes" aria-label="AI attributes">
      <h3>AI attributes</h3>
      {analyses.isLoading && <p className="muted small">Loading…</p>}
      {analyses.error && <p className="error-text small">{analyses.error.message}</p>}
      {analyses.data?.map((analysis) => (
        <ModelAnalysisCard key={`${analysis.modelId}|${analysis.promptVersion}|${analysis.at}`} analysis={analysis} />
      ))}
      {analyses.data?.length === 1 && <p className="muted small">No model has analysed this image yet.</p>}
      <ModelInputPreview key={hash} hash={hash} />
    </section>
  );
}
