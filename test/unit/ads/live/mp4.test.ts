import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFfmpeg, Mp4Problem } from '../../../../electron/ads/live/mp4';
import { tempDirs } from '../../../support/temp-dirs';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe.skipIf(process.platform === 'win32')('finding ffmpeg (never bundled: GPL)', () => {
  it('uses SWATCHBOOK_FFMPEG first, then the first ffmpeg on PATH', async () => {
    const [first, second] = [await dirs.make(), await dirs.make()];
    for (const dir of [first, second]) await fs.writeFile(path.join(dir, 'ffmpeg'), '#!/bin/sh\n', { mode: 0o755 });
    const PATH = [first, second].join(path.delimiter);
    expect(await findFfmpeg({ PATH })).toBe(path.join(first, 'ffmpeg'));
    expect(await findFfmpeg({ PATH, SWATCHBOOK_FFMPEG: path.join(second, 'ffmpeg') })).toBe(
      path.join(second, 'ffmpeg'),
    );
  });

  it('says how to get it when it is missing, or when the setting points nowhere', async () => {
    const empty = await dirs.make();
    await fs.writeFile(path.join(empty, 'ffmpeg'), 'not a program', { mode: 0o644 });
    await expect(findFfmpeg({ PATH: empty })).rejects.toThrow(
      new Mp4Problem(
        'MP4 needs ffmpeg: install it (Debian: apt-get install ffmpeg) or set SWATCHBOOK_FFMPEG to its path',
      ),
    );
    await expect(findFfmpeg({ PATH: empty, SWATCHBOOK_FFMPEG: '/nonexistent' })).rejects.toThrow(
      /SWATCHBOOK_FFMPEG is \/nonexistent, which is not a program/,
    );
  });
});
