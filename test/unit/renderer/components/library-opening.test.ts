import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { laterOpening, type LibraryOpening, type OpeningProgress } from '../../../../shared/api';
import { LibraryOpeningScreen } from '../../../../renderer/components/LibraryOpeningScreen';
import { openingFigures, openingStageLabel } from '../../../../renderer/components/library-opening';

const reading: OpeningProgress = { stage: 'reading', done: 120, total: 400, unit: 'MB', rate: 12.5, etaSeconds: 22.4 };

const render = (opening: Exclude<LibraryOpening, { state: 'ready' }>) =>
  renderToStaticMarkup(createElement(LibraryOpeningScreen, { opening }));

describe('opening figures', () => {
  it('says what is being done, in the words a user knows', () => {
    expect(openingStageLabel(null)).toBe('Opening your library');
    expect(openingStageLabel(reading)).toBe('Reading your library');
    expect(openingStageLabel({ ...reading, stage: 'writing', unit: 'shards' })).toBe(
      'Updating your library to the new format',
    );
  });

  it('gives done / total with the unit, a whole percent, the rate and the time left', () => {
    expect(openingFigures(reading)).toEqual({
      percent: 30,
      amount: '120 / 400 MB',
      rate: '12.5 MB/s',
      timeLeft: 'about 23s left',
    });
    const thousands = { ...reading, done: 1234, total: 25_000, unit: 'shards' as const, etaSeconds: 150 };
    expect(openingFigures(thousands)).toMatchObject({ amount: '1,234 / 25,000 shards', timeLeft: 'about 2m 30s left' });
  });

  it('leaves out what is not known yet: no rate measured, no estimate, no size', () => {
    const early = { ...reading, done: 0, rate: 0, etaSeconds: null };
    expect(openingFigures(early)).toEqual({ percent: 0, amount: '0 / 400 MB', rate: null, timeLeft: null });
    expect(openingFigures({ ...early, total: 0 }).percent).toBeNull();
  });
});

describe('laterOpening', () => {
  it('takes the newer progress, but never goes back from ready or failed to opening', () => {
    const opening = { state: 'opening' as const, progress: reading };
    const ready = { state: 'ready' as const };
    const failed = { state: 'failed' as const, error: 'disk full' };
    expect(laterOpening(undefined, opening)).toBe(opening);
    expect(laterOpening({ state: 'opening', progress: null }, opening)).toBe(opening);
    expect(laterOpening(opening, ready)).toBe(ready);
    expect(laterOpening(ready, opening)).toBe(ready);
    expect(laterOpening(failed, opening)).toBe(failed);
  });
});

describe('LibraryOpeningScreen', () => {
  it('shows the stage and an accessible bar with done, total, percent, rate and time left', () => {
    const html = render({ state: 'opening', progress: reading });
    expect(html).toContain('Reading your library');
    expect(html).toMatch(/role="progressbar"/);
    expect(html).toContain('aria-label="Reading your library"');
    expect(html).toContain('aria-valuemin="0"');
    expect(html).toContain('aria-valuemax="400"');
    expect(html).toContain('aria-valuenow="120"');
    expect(html).toContain('aria-valuetext="120 / 400 MB (30%)"');
    expect(html).toContain('style="width:30%"');
    for (const text of ['120 / 400 MB', '30%', '12.5 MB/s', 'about 23s left']) expect(html).toContain(text);
  });

  it('shows an indeterminate bar before the store has said how much there is', () => {
    const html = render({ state: 'opening', progress: null });
    expect(html).toContain('Opening your library');
    expect(html).toMatch(/role="progressbar"/);
    expect(html).not.toContain('aria-valuenow');
    expect(html).toContain('indeterminate');
  });

  it('shows why the library could not be opened, as an alert', () => {
    const html = render({ state: 'failed', error: 'library.json is not valid JSON' });
    expect(html).toContain('Swatchbook cannot open your library');
    expect(html).toMatch(/role="alert"[^>]*>library\.json is not valid JSON</);
    expect(html).not.toContain('progressbar');
  });
});
