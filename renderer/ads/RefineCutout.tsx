import { useAiSettings, useApiMutation } from '../api';
import { formatUsd } from '../components/format';

/** Background removal by the configured image model, for products on busy backgrounds. */
export function RefineCutout({ campaignId }: { campaignId: string }) {
  const settings = useAiSettings().data?.settings;
  const refine = useApiMutation('refineCutout');
  const price = settings?.prices[settings.imageModel]?.perImage;
  return (
    <div className="ads-refine">
      <button type="button" onClick={() => refine.mutate({ id: campaignId })} disabled={refine.isPending}>
        {refine.isPending ? 'Removing the background…' : 'Refine with Nova Canvas'}
      </button>
      <p className="small muted">
        For busy backgrounds. Sends the product image to Amazon Bedrock
        {settings && (
          <>
            {' '}
            (<code>{settings.imageModel}</code>)
          </>
        )}
        : costs one image{price !== undefined && ` (≈ ${formatUsd(price)})`}, needs AWS credentials (Settings), and
        replaces corrections made by hand.
      </p>
      {refine.error && (
        <p className="error-text small" role="alert">
          Could not refine the cut-out: {refine.error.message}
        </p>
      )}
    </div>
  );
}
