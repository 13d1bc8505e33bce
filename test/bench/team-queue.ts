import type { Engine } from '../../electron/engine';

/** A reviewer working through a team queue: the first pending item nobody else holds, held, then accepted. */
export async function reviewTeamQueue(engine: Engine, reviewer: string): Promise<string[]> {
  const decided: string[] = [];
  const passed = new Set<string>();
  for (;;) {
    const page = await engine.review.queueFor({ reviewer, state: 'pending', limit: 50 });
    const next = page.items.find((item) => item.heldBy === null && !passed.has(item.hash));
    if (!next) return decided;
    const hold = await engine.review.leases.hold(next.hash, reviewer);
    if (!hold.held) {
      passed.add(next.hash);
      continue;
    }
    engine.review.decide(next.hash, reviewer, [{ field: 'item', action: 'accept' }]);
    decided.push(next.hash);
  }
}
