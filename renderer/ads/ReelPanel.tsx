import type { AdVariant } from '../../shared/model';
import { useAiSettings, useApiMutation, useVariantReel } from '../api';
import { formatUsd } from '../components/format';

const NOVA_REEL = 'amazon.nova-reel-v1:1';
const REEL_SECONDS = 6;

/** A 6 s Nova Reel video of the variant's product and prompt: its price before, its state while it works, then playing. */
export function ReelPanel({ variant }: { variant: AdVariant }) {
  const settings = useAiSettings().data?.settings;
  const make = useApiMutation('makeReel');
  const reel = variant.reel;
  const video = useVariantReel(variant.id, reel?.state === 'done');
  const perSecond = settings?.prices[NOVA_REEL]?.perVideoSecond;
  const running = reel?.state === 'running';
  return (
    <div className="ads-reel" data-testid="reel-panel" data-state={reel?.state ?? 'none'}>
      {video.data && (
        <video
          src={video.data.dataUrl}
          controls
          loop
          muted
          playsInline
          data-testid="reel-video"
          className="ads-reel-video"
        />
      )}
      {running && (
        <p className="small" role="status">
          Nova Reel is making the video (started {new Date(reel.startedAt).toLocaleTimeString()}; usually a few
          minutes)…
        </p>
      )}
      {reel?.state === 'failed' && (
        <p className="small error-text" role="alert">
          No video: {reel.error}
        </p>
      )}
      {reel?.state === 'done' && (
        <p className="small muted">
          {reel.seconds} s by <code>{reel.modelId}</code> · {formatUsd(reel.costUsd)} · kept in {reel.s3Uri}
        </p>
      )}
      {!running && (
        <button
          type="button"
          className="compact"
          onClick={() => make.mutate({ id: variant.id })}
          disabled={make.isPending}
        >
          {reel?.state === 'done' ? 'Make another video with Nova Reel' : 'Make a video with Nova Reel'}
        </button>
      )}
      <p className="small muted">
        Sends the product photo and this concept&apos;s prompt to Amazon Bedrock: a {REEL_SECONDS} s video
        {perSecond !== undefined && ` ≈ ${formatUsd(perSecond * REEL_SECONDS)}`}, needs AWS credentials and an S3 output
        location (Settings).
      </p>
      {make.error && (
        <p className="error-text small" role="alert">
          Could not start: {make.error.message}
        </p>
      )}
    </div>
  );
}
