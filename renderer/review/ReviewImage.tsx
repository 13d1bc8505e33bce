import type { ReviewItem } from '../../shared/model';
import { useTransport } from '../api';
import { ZoomablePreview } from '../detail/ZoomablePreview';

/** The image under review, zoomable, with the local analyzer's segments over it. */
export function ReviewImage({ item }: { item: ReviewItem }) {
  const transport = useTransport();
  return (
    <div className="review-image" data-testid="review-image">
      <ZoomablePreview
        key={item.hash}
        src={transport.mediaUrl('preview', item.hash)}
        width={item.width}
        height={item.height}
        segments={item.segments}
        alt={item.name}
      />
    </div>
  );
}
