import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { familyFromSfnt, fontFamilyOf } from '../../../electron/ads/font-family';
import { renderText } from '../../../electron/ads/text-render';
import { InvalidRequestError } from '../../../shared/errors';

/** A serif font the machine has (Debian's fonts-dejavu / fonts-liberation, which Chromium brings along). */
const SERIF = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
].find((file) => fs.existsSync(file));

describe('brand fonts', () => {
  it.skipIf(!SERIF)('reads the family name a font file declares', async () => {
    expect(await fontFamilyOf(SERIF!)).toMatch(/Serif/);
  });

  it('refuses a file that is not a font, with its name', async () => {
    expect(familyFromSfnt(Buffer.from('not a font at all, just text'))).toBeNull();
    await expect(fontFamilyOf('/nonexistent/Brand.otf')).rejects.toThrow(InvalidRequestError);
    await expect(fontFamilyOf(__filename)).rejects.toThrow(/is not a TrueType or OpenType font/);
  });

  it.skipIf(!SERIF)('draws the copy in the brand font file, not the system sans-serif', async () => {
    // The serif renamed to a family no system has: only the file itself can supply it.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brand-font-')), 'Brand.ttf');
    fs.writeFileSync(file, renamedFamily(fs.readFileSync(SERIF!), await fontFamilyOf(SERIF!)));
    expect(await fontFamilyOf(file)).toMatch(/^Swbk/);
    const box = { x: 0, y: 0, width: 600, height: 120 };
    const style = { colour: '#111111', maxPx: 60 };
    const sans = await renderText('Hamburgefonstiv', box, style);
    const serif = await renderText('Hamburgefonstiv', box, { ...style, fontFile: file });
    const [a, b] = await Promise.all(
      [sans, serif].map((r) => sharp(r.png).resize(300, 60, { fit: 'fill' }).extractChannel(3).raw().toBuffer()),
    );
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff += Math.abs(a[i] - b[i]);
    expect(diff / a.length).toBeGreaterThan(10);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});

/** The font's family name replaced (same length, UTF-16BE and Latin-1 copies) by "Swbk" and filler. */
function renamedFamily(font: Buffer, family: string): Buffer {
  const fresh = `Swbk${'x'.repeat(family.length - 4)}`;
  const out = Buffer.from(font);
  for (const [from, to] of [
    [Buffer.from(family, 'utf16le').swap16(), Buffer.from(fresh, 'utf16le').swap16()],
    [Buffer.from(family, 'latin1'), Buffer.from(fresh, 'latin1')],
  ]) {
    for (let at = out.indexOf(from); at >= 0; at = out.indexOf(from, at + 1)) to.copy(out, at);
  }
  return out;
}
