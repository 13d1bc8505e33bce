/** The benchmark's floor: a plain decode and 256 px thumbnail, with none of the analysis. */
import sharp from 'sharp';

export async function bareDecodeAndThumbnail(bytes: Buffer, outPath: string): Promise<void> {
  await sharp(bytes).resize(256, 256, { fit: 'inside', withoutEnlargement: true }).webp().toFile(outPath);
}
