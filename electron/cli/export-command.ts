/**
 * `npm run export -- --format json|csv|distillation --out <file>`: reviewed attributes for
 * scripts. Reads the library at SWATCHBOOK_DATA_DIR (or --data-dir, or the app's data folder).
 * Exit codes: 0 written, 2 bad arguments, 3 the library cannot be opened (e.g. the app has it open).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { defaultDataDir } from '../config/data-dir';
import { approvedCsv, approvedRecords, writeDistillation } from '../review';
import { openForReadingOrSay } from './open-for-reading';
import { teamDbOption } from './team-option';
import { installLastResort } from '../engine/last-resort';

interface ExportOptions {
  format: 'json' | 'csv' | 'distillation';
  out: string;
  dataDir?: string;
  s3Prefix?: string;
  bucketOwner?: string;
  teamDb?: string;
}

async function runExport(options: ExportOptions): Promise<number> {
  if (options.format === 'distillation' && !options.s3Prefix?.startsWith('s3://')) {
    console.error(
      'swatchbook: --format distillation needs --s3-prefix s3://bucket/prefix (where you will upload the images written beside the file)',
    );
    return 2;
  }
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  installLastResort({ name: 'swatchbook export', dataDir: () => dataDir });
  const opened = await openForReadingOrSay(dataDir, options.teamDb);
  if (!opened) return 3;
  const { store, close } = opened;
  try {
    const out = path.resolve(options.out);
    await fs.mkdir(path.dirname(out), { recursive: true });
    if (options.format === 'distillation') {
      const result = await writeDistillation(store, out, options.s3Prefix!, options.bucketOwner);
      console.log(
        `Wrote ${result.lines.length} records and ${result.images} images ` +
          `(${path.join(path.dirname(out), 'images')}) for ${options.s3Prefix}.`,
      );
      for (const skipped of result.skipped) console.log(`  skipped ${skipped.hash.slice(0, 12)}…: ${skipped.reason}`);
    } else {
      const records = approvedRecords(store);
      await fs.writeFile(
        out,
        options.format === 'json' ? `${JSON.stringify(records, null, 2)}\n` : approvedCsv(records),
      );
      console.log(`Wrote ${records.length} images with approved attributes to ${out}.`);
    }
    return 0;
  } finally {
    await close();
  }
}

const program = new Command()
  .name('swatchbook-export')
  .description('Export reviewed attributes: approved values as JSON or CSV, or a Bedrock distillation dataset (JSONL).')
  .addOption(
    new Option('--format <format>', 'what to write').choices(['json', 'csv', 'distillation']).makeOptionMandatory(),
  )
  .requiredOption('--out <file>', 'file to write')
  .option('--data-dir <dir>', 'library data folder (default: SWATCHBOOK_DATA_DIR or the app data folder)')
  .option('--s3-prefix <uri>', 'distillation: the s3:// prefix the images will be uploaded to')
  .option('--bucket-owner <account>', 'distillation: the 12-digit account id owning the bucket, if not yours')
  .addOption(teamDbOption())
  .action(async (options: ExportOptions) => {
    process.exitCode = await runExport(options);
  });

await program.parseAsync(process.argv);
