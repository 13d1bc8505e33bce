import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/store';
import { teamTestBed } from '../../support/team-bed';
import { waitFor } from '../../support/temp-dirs';
import { seededRandom } from '../../unit/store/synthetic-assets';
import { HASHES, randomStep } from '../store/random-library-work';
import { openTempStore } from '../../unit/store/temp-store';

const team = teamTestBed();
const { dirs } = team;

const member = (url: string, author: string) => team.member(url, author);
/** What the app shows of a library: searches and facets, each image, its history, answers and corrections. */
function whatItShows(store: LibraryStore) {
  const queries = [{}, { text: 'tag-1' }, { tags: ['tag-2'] }, { sort: 'name' as const, offset: 3, limit: 10 }];
  return {
    searches: queries.map((query) => {
      const result = store.search(query);
      return { total: result.total, hashes: result.items.map((item) => item.hash), facets: result.facets };
    }),
    tags: store.listTags(),
    images: HASHES.map((hash) => ({
      asset: store.getAsset(hash) ?? null,
      history: store.reviews.reviewHistory(hash),
      answers: store.analysis.listModelAnalyses(hash),
      corrections: store.corrections.listLabelCorrections().filter((c) => c.hash === hash),
    })),
  };
}

/** Equal as the assertions below judge it (key order and absent-or-undefined aside). */
function sameAs(actual: unknown, expected: unknown): boolean {
  try {
    expect(actual).toEqual(expected);
    return true;
  } catch {
    return false;
  }
}

describe('a team library on PostgreSQL and a library of one’s own', () => {
  it('show the same library after the same work, on the member who did it and on one who only read the log', async () => {
    const url = await team.server.createDatabase();
    const ann = await member(url, 'ann');
    const ben = await member(url, 'ben');
    const own = (await openTempStore({}, await dirs.make('own-'))).store;
    const random = seededRandom(5);
    for (let step = 0; step < 300; step++) {
      const seed = random() * 1e9;
      randomStep(own, seededRandom(seed), step);
      randomStep(ann.store, seededRandom(seed), step);
    }
    await waitFor(async () => (await ann.team!.sync(), ann.team!.status.pending === 0), 20_000, "Ann's changes sent");
    await waitFor(
      async () => {
        await ben.team!.sync();
        return sameAs(whatItShows(ben.store), whatItShows(ann.store));
      },
      20_000,
      "Ben's copy to show what Ann's does",
    ).catch(() => undefined); // the assertions below say what differs

    const shown = whatItShows(own);
    expect(shown.images.filter((image) => image.asset).length).toBeGreaterThan(10);
    expect(whatItShows(ann.store)).toEqual(shown);
    expect(whatItShows(ben.store)).toEqual(shown);
    await own.close();
  });
});
