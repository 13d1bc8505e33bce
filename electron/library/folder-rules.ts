import path from 'node:path';
import { InvalidRequestError } from '../../shared/errors';

/** A folder that cannot be (or is not) a library folder; the message is for the user (the API answers 400). */
export class LibraryFolderError extends InvalidRequestError {}

export interface FolderRuleContext {
  /** Swatchbook's data folder (index, thumbnail cache): never library content. */
  dataDir: string;
  /** Folders inside the data folder that the app fills with images itself (the demo library). */
  appFolders?: readonly string[];
  platform?: NodeJS.Platform;
}

/**
 * Folders whose contents are the operating system's: virtual file systems (reading /proc or
 * /dev can block or read devices) and system configuration. Nobody keeps designs there, and
 * a library folder is read recursively, watched and may be sent to a cloud model. Not /run:
 * Fedora and Arch mount USB drives under /run/media.
 */
const POSIX_SYSTEM_FOLDERS = ['/proc', '/sys', '/dev', '/boot', '/etc', '/private/etc', '/System'];
const WINDOWS_SYSTEM_FOLDER = /^[a-z]:\\windows(\\|$)/i;

/**
 * Why `folder` may not be a library folder, in words for the user, or null when it may.
 * Pure, so the Windows rules are tested on any system; callers check the folder's real path
 * too (a link to /proc is /proc).
 */
export function folderRefusal(folder: string, context: FolderRuleContext): string | null {
  const platform = context.platform ?? process.platform;
  const paths = platform === 'win32' ? path.win32 : path.posix;
  if (platform === 'win32' && /^[\\/]{2}[?.][\\/]/.test(folder)) {
    return `give an ordinary folder path, not a device path: ${folder}`;
  }
  const partial = partialPathRefusal(folder, platform);
  if (partial) return partial;
  const resolved = paths.resolve(folder);
  // Windows and macOS file systems ignore case by default: /Users/Ana/Library is /users/ana/library.
  const key = platform === 'win32' || platform === 'darwin' ? (p: string) => p.toLowerCase() : (p: string) => p;
  const within = (parent: string, child: string) => {
    const relative = paths.relative(key(parent), key(child));
    if (relative === '') return true;
    return relative !== '..' && !relative.startsWith(`..${paths.sep}`) && !paths.isAbsolute(relative);
  };
  if (key(trimSeparators(resolved)) === key(trimSeparators(paths.parse(resolved).root))) {
    return `${resolved} is the top of a whole drive or share: choose a folder of images inside it`;
  }
  const systemFolder =
    platform === 'win32'
      ? WINDOWS_SYSTEM_FOLDER.test(resolved)
      : POSIX_SYSTEM_FOLDERS.some((system) => within(system, resolved));
  if (systemFolder) return `${resolved} is a system folder, not a folder of images`;
  const dataDir = paths.resolve(context.dataDir);
  const appFolder = (context.appFolders ?? []).some((allowed) => within(paths.resolve(allowed), resolved));
  if (within(dataDir, resolved) && !appFolder) {
    return (
      `${resolved} is Swatchbook's own data folder (its index and thumbnails) or inside it: ` +
      'choose a folder of images'
    );
  }
  return null;
}

/**
 * A relative path would be resolved against the server's working folder, which means nothing to
 * whoever sent it. Windows: a drive letter and a separator, or \\server\share (`C:x` and `\x`
 * depend on the current drive or folder).
 */
export function partialPathRefusal(folder: string, platform: NodeJS.Platform = process.platform): string | null {
  const full =
    platform === 'win32'
      ? /^[a-z]:[\\/]/i.test(folder) || /^[\\/]{2}[^\\/]+[\\/]+[^\\/]+/.test(folder)
      : folder.startsWith('/');
  return full ? null : `give the full path of the folder, not "${folder}"`;
}

function trimSeparators(value: string): string {
  return value.replace(/[\\/]+$/, '');
}
