/**
 * Approved variants as files a marketer hands on: <campaign>/<format>/<campaign>-<format>-<theme>-<n>.png,
 * plus manifest.json with each file's generator, theme, what actually made its background (a model's real
 * prompt, or the local compositor's recipe and the library images it drew on), seed, legibility, what
 * needed attention when it was approved anyway, and cost. A variant's live loop (.webp, .mp4) and its Nova
 * Reel video (-reel.mp4) go beside its still, named like it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AD_FORMATS, RENDERED_STATES, type AdVariant, type Campaign } from '../../shared/model/ads';
import { writeAtomic } from '../imaging/cache-files';
import { livePath, reelPath, variantPath } from './campaign-files';

export interface ExportedAds {
  folder: string;
  files: string[];
  manifest: string;
}

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'campaign'
  );
}

/**
 * The folder is rebuilt on every export (a variant approved before and rejected since must not
 * linger); another campaign's export under the same name is left alone by adding the id.
 */
export async function exportApproved(
  dataDir: string,
  outDir: string,
  campaign: Campaign,
  variants: readonly AdVariant[],
): Promise<ExportedAds> {
  const name = slug(campaign.name);
  const owner = (await ownerOf(path.join(outDir, name))) ?? campaign.id;
  const folder =
    owner === campaign.id ? path.join(outDir, name) : path.join(outDir, `${name}-${campaign.id.slice(0, 8)}`);
  await fs.rm(folder, { recursive: true, force: true });
  const approved = variants.filter((v) => v.review === 'approved' && RENDERED_STATES.includes(v.state));
  const entries = [];
  const files: string[] = [];
  for (const variant of approved) {
    const concept = campaign.concepts.find((c) => c.id === variant.conceptId);
    const format = AD_FORMATS.find((f) => f.id === variant.format)!;
    const relative = path.join(
      variant.format,
      `${name}-${variant.format}-${concept?.theme ?? 'concept'}-${variant.index}.png`,
    );
    await fs.mkdir(path.join(folder, variant.format), { recursive: true });
    await fs.copyFile(variantPath(dataDir, campaign.id, variant.id), path.join(folder, relative));
    const live = await exportLive(dataDir, folder, campaign.id, variant, relative);
    const reel = await exportReel(dataDir, folder, campaign.id, variant, relative);
    files.push(relative, ...live.files, ...(reel ? [reel.relative] : []));
    entries.push({
      file: posix(relative),
      live: live.entry,
      reel: reel?.entry ?? null,
      format: variant.format,
      size: `${format.width}x${format.height}`,
      theme: concept?.theme ?? null,
      generator: variant.generator,
      // A prompt is recorded only when a model was sent it; the local compositor's recipe says what it drew.
      prompt: variant.generator === 'local' ? null : variant.prompt,
      negativePrompt: variant.generator === 'local' ? null : variant.negativePrompt,
      recipe: variant.recipe ?? null,
      backgroundAssets: variant.backgroundAssets ?? [],
      seed: variant.seed,
      // An edited variant names the number of the one it was edited from (null if since deleted) and the edit.
      editedFrom: variant.parentId ? (variants.find((v) => v.id === variant.parentId)?.index ?? null) : undefined,
      edit: variant.edit ?? undefined,
      costUsd: variant.costUsd,
      contrast: variant.contrast,
      legibility: variant.legibility ?? [],
      attention: variant.attention ?? [],
      reviewer: variant.reviewer,
      reviewedAt: variant.reviewedAt && new Date(variant.reviewedAt).toISOString(),
    });
  }
  const manifest = path.join(folder, 'manifest.json');
  const body = {
    campaign: campaign.name,
    campaignId: campaign.id,
    product: campaign.productName,
    copy: campaign.copy,
    exportedAt: new Date().toISOString(),
    totalCostUsd:
      Math.round(
        approved.reduce((sum, v) => sum + v.costUsd + (v.reel?.state === 'done' ? v.reel.costUsd : 0), 0) * 1e6,
      ) / 1e6,
    variants: entries,
  };
  await writeAtomic(manifest, Buffer.from(`${JSON.stringify(body, null, 2)}\n`));
  return { folder, files: files.map((f) => path.join(folder, f)), manifest };
}

/** A Nova Reel video made for the variant, beside its still as `<name>-reel.mp4`. */
async function exportReel(dataDir: string, folder: string, campaignId: string, variant: AdVariant, still: string) {
  const reel = variant.reel;
  if (reel?.state !== 'done') return null;
  const relative = still.replace(/\.png$/, '-reel.mp4');
  await fs.copyFile(reelPath(dataDir, campaignId, variant.id), path.join(folder, relative));
  const { modelId, prompt, seconds, costUsd, s3Uri } = reel;
  return { relative, entry: { file: posix(relative), modelId, prompt, seconds, costUsd, s3Uri } };
}

const posix = (relative: string) => relative.split(path.sep).join('/');

/** The live loop's files beside the still, named like it (.webp, .mp4), and what the manifest says of them. */
async function exportLive(dataDir: string, folder: string, campaignId: string, variant: AdVariant, still: string) {
  const live = variant.live;
  if (!live) return { files: [], entry: null };
  const files: string[] = [];
  for (const format of ['webp', 'mp4'] as const) {
    if (!live[format]) continue;
    const relative = still.replace(/\.png$/, `.${format}`);
    await fs.copyFile(livePath(dataDir, campaignId, variant.id, format), path.join(folder, relative));
    files.push(relative);
  }
  const named = (format: 'webp' | 'mp4') => files.map(posix).find((f) => f.endsWith(`.${format}`)) ?? null;
  const { frames, fps, durationMs, motion, mp4Problem, overBudget } = live;
  return {
    files,
    entry: { webp: named('webp'), mp4: named('mp4'), frames, fps, durationMs, motion, mp4Problem, overBudget },
  };
}

/** Which campaign exported into a folder before (from its manifest), if any. */
async function ownerOf(folder: string): Promise<string | null> {
  const manifest = await fs.readFile(path.join(folder, 'manifest.json'), 'utf8').catch(() => null);
  if (!manifest) return null;
  try {
    return (JSON.parse(manifest) as { campaignId?: string }).campaignId ?? null;
  } catch {
    return null;
  }
}
