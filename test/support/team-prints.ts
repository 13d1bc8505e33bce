import fs from 'node:fs/promises';
import path from 'node:path';
import { makeChecks, makePhotoLike, makeStripes } from './images';

/** A folder (made by `makeDir`) of three different prints, as a team might share. */
export async function threePrintsFolder(makeDir: (prefix: string) => Promise<string>): Promise<string> {
  const root = await makeDir('team-prints-');
  const files = {
    'stripes.png': makeStripes({
      width: 300,
      height: 200,
      period: 18,
      orientation: 'vertical',
      colours: ['#1b2a4a', '#ffffff'],
    }),
    'checks.png': makeChecks({ width: 300, height: 300, period: 26, colours: ['#d21f1f', '#ffffff'] }),
    'photo.png': makePhotoLike({ width: 320, height: 240, seed: 7 }),
  };
  for (const [name, bytes] of Object.entries(files)) await fs.writeFile(path.join(root, name), await bytes);
  return root;
}
