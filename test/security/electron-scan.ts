/**
 * Electronegativity (Doyensec's Electron security scanner) over the shell's sources and the built app.
 * Any finding or unparsable file fails the run; a reviewed false positive is silenced where it is found,
 * with an `eng-disable <CHECK_ID>` comment saying why.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ScanIssue {
  id: string;
  file: string;
  location: { line: number };
  description: string;
}
interface ScanResult {
  issues: ScanIssue[];
  errors: { file: string; message: string }[];
}
type Scan = (options: Record<string, unknown>, forCli: false) => Promise<ScanResult>;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const runScan = createRequire(import.meta.url)('@doyensec/electronegativity') as Scan;
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

/**
 * The vendor bundle of the renderer (React, uPlot) is beyond the scanner's 2021 parser, and it never
 * touches Electron: the page reaches the shell only through the preload bridge, which is scanned.
 */
function builtAppWithoutVendorBundle(): string {
  const out = path.join(ROOT, 'out');
  if (!fs.existsSync(path.join(out, 'main', 'index.js'))) throw new Error('out/ is missing: run `npm run build` first');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'swatchbook-scan-'));
  fs.cpSync(out, copy, { recursive: true, filter: (source) => !/[\\/]renderer[\\/]assets[\\/].*\.js$/.test(source) });
  return copy;
}

async function scan(label: string, input: string, parserPlugins: string[]): Promise<number> {
  const result = await runScan(
    {
      input,
      isRelative: true,
      parserPlugins,
      electronVersionOverride: electronVersion,
      customScan: [],
      // It downloads Electron's release list, which CI cannot reach; .ci/run checks the newest patch from npm instead.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    },
    false,
  );
  for (const issue of result.issues) {
    console.error(`${label}/${issue.file}:${issue.location.line}  ${issue.id}  ${issue.description}`);
  }
  for (const error of result.errors)
    console.error(`${label}: could not parse ${path.relative(input, error.file)}: ${error.message}`);
  const problems = result.issues.length + result.errors.length;
  console.log(`electron scan of ${label}: ${problems === 0 ? 'no findings' : `${problems} finding(s)`}`);
  return problems;
}

const built = builtAppWithoutVendorBundle();
try {
  const problems =
    (await scan('electron', path.join(ROOT, 'electron'), ['typescript'])) + (await scan('out', built, []));
  process.exitCode = problems === 0 ? 0 : 1;
} finally {
  fs.rmSync(built, { recursive: true, force: true });
}
