import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.resolve(file) });
  return result.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('the layering rule', () => {
  it('refuses a wrong-way import between engine folders', async () => {
    expect(
      await layerErrors('electron/store/x.ts', "import { ApiHost } from '../api';\nexport { ApiHost };\n"),
    ).toEqual(['electron/store may not import from electron/api (see eslint-layers.js)']);
    expect(await layerErrors('electron/pixels/x.ts', "export * from '../imaging/decode';\n")).toEqual([
      'electron/pixels may not import from electron/imaging (see eslint-layers.js)',
    ]);
    expect(
      await layerErrors('renderer/x.ts', "import { Engine } from '../electron/engine';\nexport { Engine };\n"),
    ).toEqual(['renderer may not import from electron/engine (see eslint-layers.js)']);
  });

  it('allows imports down the layers and within a folder', async () => {
    expect(
      await layerErrors(
        'electron/api/x.ts',
        "import { Engine } from '../engine';\nimport { y } from './y';\nexport { Engine, y };\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors('electron/store/x.ts', "import { rgbToOklab } from '../pixels';\nexport { rgbToOklab };\n"),
    ).toEqual([]);
  });
});
