import { cutoutReadiness, type Campaign } from '../../shared/model';
import { useApiMutation } from '../api';

const percent = (v: number) => `${Math.round(v * 100)} %`;

/**
 * How sure the cut-out is, and when it is not, what is wrong in plain words with the ways forward:
 * brush (the editor below), Nova Canvas (the refine button below), the whole photo, or keep it as it is.
 */
export function CutoutConfidence({ campaign }: { campaign: Campaign }) {
  const choose = useApiMutation('chooseCutout');
  const cutout = campaign.cutout;
  const quality = cutout?.quality ?? null;
  if (!cutout) return null;
  const readiness = cutoutReadiness(cutout);
  const level = quality?.confidence ?? 'high';
  const wholePhoto = cutout.method === 'whole-photo';
  const choices = [
    ...(wholePhoto ? [] : [['whole-photo', 'Use the whole photo'] as const]),
    ...(!readiness.usable && level === 'low' ? [['as-is', 'Keep this cut-out'] as const] : []),
    ...(wholePhoto || cutout.edited || cutout.method === 'bedrock'
      ? [['automatic', 'Cut out automatically again'] as const]
      : []),
  ];
  return (
    <div
      className={`cutout-confidence confidence-${readiness.usable ? 'high' : level}`}
      data-testid="cutout-confidence"
      data-usable={readiness.usable}
      data-confidence={level}
      role={readiness.usable ? undefined : 'alert'}
    >
      {quality && !wholePhoto && (
        <p className="small">
          {level === 'high' ? 'The product was found' : level === 'low' ? 'The cut-out is unsure' : 'No product found'}{' '}
          <span className="muted">
            (covers {percent(quality.coverage)} of the photo, outline on edges {percent(quality.edgeAgreement)},
            background {percent(quality.backgroundUniformity)} plain)
          </span>
        </p>
      )}
      {wholePhoto && <p className="small">Using the whole photo, framed: the product is not cut out.</p>}
      {quality && quality.problems.length > 0 && !wholePhoto && (
        <ul className="small warning-text">
          {quality.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {!readiness.usable && (
        <p className="small">
          <strong>No ads are made until this is settled.</strong> Brush the product in below, remove the background with
          Nova Canvas, or:
        </p>
      )}
      <div className="cutout-choices">
        {choices.map(([use, label]) => (
          <button key={use} type="button" className="compact" onClick={() => choose.mutate({ id: campaign.id, use })}>
            {label}
          </button>
        ))}
      </div>
      {choose.error && (
        <p className="error-text small" role="alert">
          {choose.error.message}
        </p>
      )}
    </div>
  );
}
