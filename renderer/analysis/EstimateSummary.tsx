import type { CostEstimate } from '../../shared/model';
import { formatUsd } from '../components/format';

const count = (n: number) => n.toLocaleString();

/** What a run would send and cost, and how that compares with sending whole images. */
export function EstimateSummary({ estimate }: { estimate: CostEstimate }) {
  const images = `${count(estimate.images)} ${estimate.images === 1 ? 'image' : 'images'}`;
  return (
    <div className="estimate" data-testid="estimate">
      <p className="estimate-headline">
        Analyse {images} with <code>{estimate.modelId}</code> ≈{' '}
        <strong data-testid="estimate-cost">{formatUsd(estimate.costUsd)}</strong>
      </p>
      <dl className="attributes">
        <dt>To send</dt>
        <dd data-testid="estimate-to-send">{count(estimate.toSend)}</dd>
        <dt>Already analysed</dt>
        <dd>
          {count(estimate.cached)} <span className="muted">(cached answers, free)</span>
        </dd>
        <dt>Not sent</dt>
        <dd>
          {count(estimate.skipped)} <span className="muted">(solid colours: the local analysis says it all)</span>
        </dd>
        <dt>Tokens</dt>
        <dd>
          ≈ {count(estimate.inputTokens)} in, {count(estimate.outputTokens)} out
        </dd>
        <dt>Whole images</dt>
        <dd>
          {formatUsd(estimate.naiveCostUsd)} <span className="muted">(sending every image whole, for comparison)</span>
        </dd>
        <dt>Basis</dt>
        <dd>
          {estimate.basis === 'measured'
            ? 'measured from similar calls in your usage log'
            : 'rule of thumb (no similar calls measured yet)'}
        </dd>
      </dl>
    </div>
  );
}
