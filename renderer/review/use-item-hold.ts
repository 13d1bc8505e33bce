import { useEffect, useState } from 'react';
import type { ReviewHold } from '../../shared/model';
import { useApi } from '../api';

/** Renewed well inside the engine's 60 s lease, so an item open for minutes stays this reviewer's. */
const RENEW_MS = 30_000;

/**
 * Holds the item this reviewer has open, so another reviewer of the same team queue is not handed it;
 * renewed while it stays open and let go when the reviewer moves on. In a library of one's own the
 * engine always says yes. `null` until the engine has answered.
 */
export function useItemHold(hash: string | null, reviewer: string): ReviewHold | null {
  const api = useApi();
  const [hold, setHold] = useState<{ hash: string; hold: ReviewHold } | null>(null);
  useEffect(() => {
    if (!hash) return;
    let open = true;
    const take = () =>
      api.holdReviewItem({ hash, reviewer }).then(
        (answer) => open && setHold({ hash, hold: answer }),
        // The engine could not say (a dropped connection): reviewing goes on, as it does offline.
        () => undefined,
      );
    void take();
    const renew = setInterval(() => void take(), RENEW_MS);
    return () => {
      open = false;
      clearInterval(renew);
      void api.releaseReviewItem({ hash, reviewer }).catch(() => undefined);
    };
  }, [api, hash, reviewer]);
  return hold?.hash === hash ? hold.hold : null;
}
