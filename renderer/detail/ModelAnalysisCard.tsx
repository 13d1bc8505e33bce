import type { ModelAnalysis } from '../../shared/model';
import { formatUsd, percent } from '../components/format';
import { ModelAttributeList } from './ModelAttributeList';

/** The local analyzer's answers carry this prefix; everything else came from a model. */
const LOCAL_PREFIX = 'local@';

/** Who answered, how sure, what it cost and whether it was a second opinion; then the answer. */
export function ModelAnalysisCard({ analysis }: { analysis: ModelAnalysis }) {
  const local = analysis.modelId.startsWith(LOCAL_PREFIX);
  return (
    <article className="ai-analysis" data-testid="ai-analysis" data-model={analysis.modelId}>
      <header>
        <strong>{local ? 'Local analyzer' : 'Model'}</strong> <code data-testid="ai-model-id">{analysis.modelId}</code>
        <div className="small muted">
          {percent(analysis.confidence)} confident overall
          {!local && ` · ${formatUsd(analysis.costUsd)}`}
          {!local && ` · ${new Date(analysis.at).toLocaleString()}`}
          {analysis.requestedModelId !== analysis.modelId && ` · via ${analysis.requestedModelId}`}
        </div>
        {analysis.escalatedFrom && (
          <div className="small warning-text" data-testid="ai-escalated">
            Escalated from {analysis.escalatedFrom}: its answer was invalid or less confident than the threshold.
          </div>
        )}
      </header>
      <ModelAttributeList attributes={analysis.attributes} />
    </article>
  );
}
