import { describe, expect, it } from 'vitest';
import { LIBRARY_SHORTCUTS, matchLibraryKey, type LibraryKeyEvent } from '../../../../renderer/library/library-keys';

const key = (k: string, extra: Partial<LibraryKeyEvent> = {}): LibraryKeyEvent => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  typing: false,
  ...extra,
});

describe('matchLibraryKey', () => {
  it('maps / to search, ? to help, Esc and select-all', () => {
    expect(matchLibraryKey(key('/'))).toBe('focusSearch');
    expect(matchLibraryKey(key('?'))).toBe('toggleHelp');
    expect(matchLibraryKey(key('t'))).toBe('toggleTiling');
    expect(matchLibraryKey(key('Escape'))).toBe('escape');
    expect(matchLibraryKey(key('a', { metaKey: true }))).toBe('selectAll');
    expect(matchLibraryKey(key('A', { ctrlKey: true }))).toBe('selectAll');
  });

  it('leaves every key to a field being typed in, Esc included (the field clears itself)', () => {
    for (const k of ['/', '?', 'Escape']) expect(matchLibraryKey(key(k, { typing: true }))).toBeNull();
    expect(matchLibraryKey(key('a', { typing: true, ctrlKey: true }))).toBeNull();
  });

  it('leaves browser shortcuts and grid keys alone', () => {
    expect(matchLibraryKey(key('/', { ctrlKey: true }))).toBeNull();
    expect(matchLibraryKey(key('?', { altKey: true }))).toBeNull();
    for (const k of ['ArrowDown', 'Enter', ' ', 'a']) expect(matchLibraryKey(key(k))).toBeNull();
  });

  it('lists / and ? in the help table', () => {
    const keys = LIBRARY_SHORTCUTS.flatMap((s) => s.keys);
    expect(keys).toEqual(expect.arrayContaining(['/', '?', 'Space', 'Enter', 'Esc']));
  });
});
