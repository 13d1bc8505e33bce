import fs from 'node:fs/promises';

/** The data folder holds the library index, thumbnails of unreleased designs and usage records. */
const OWNER_ONLY = 0o700;

/**
 * Creates `dir` (and any missing parents) so that only its owner can list or read it, and
 * tightens it when it already exists with wider access and belongs to this user: Electron
 * creates the app-data folder before the library opens it, and earlier versions made it 0755.
 * A folder owned by someone else is left alone (chmod would be refused anyway). Windows has
 * no mode bits; there the per-user profile folder's access list keeps others out.
 */
export async function makePrivateFolder(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: OWNER_ONLY });
  if (process.platform === 'win32') return;
  const { mode, uid } = await fs.stat(dir);
  if ((mode & 0o077) !== 0 && uid === process.getuid?.()) await fs.chmod(dir, OWNER_ONLY);
}
