import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIgnoredName, isImageFile } from '../../../electron/library';
import { isIgnoredPath } from '../../../electron/library/file-rules';

describe('file rules', () => {
  it.each([
    '.DS_Store',
    '~$design.png',
    'photo.jpg.crdownload',
    'scan.tif.part',
    'Thumbs.db',
    '.hidden.png',
    'x.png.tmp',
  ])('ignores %s', (name) => expect(isIgnoredName(name)).toBe(true));

  it.each(['print.TIF', 'swatch.jpeg', 'a.webp', 'b.gif', 'c.avif', 'd.heic', 'e.svg', 'ñandú.png'])(
    'accepts %s as an image',
    (name) => {
      expect(isIgnoredName(name)).toBe(false);
      expect(isImageFile(name)).toBe(true);
    },
  );

  it('hides everything inside a hidden folder, relative to the library root only', () => {
    expect(isIgnoredPath('/lib/.cache/a.png', '/lib')).toBe(true);
    expect(isIgnoredPath('/home/.me/lib/a.png', '/home/.me/lib')).toBe(false);
  });

  it('never throws on arbitrary names', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(typeof isIgnoredName(name)).toBe('boolean');
        expect(typeof isImageFile(name)).toBe('boolean');
      }),
    );
  });
});
