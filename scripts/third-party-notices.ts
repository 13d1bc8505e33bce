/**
 * Writes out/THIRD-PARTY-NOTICES.md for the installers: every production dependency with its licence text,
 * and for sharp's prebuilt libvips the libraries it carries and where their LGPL sources are. Fails when a
 * dependency's licence is GPL or AGPL (the app links nothing under them) or unknown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ShippedPackage {
  name: string;
  version: string;
  license: string;
  dir: string;
}

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;
/** GPL or AGPL in any version, but not the LGPL, which allows dynamic linking of a replaceable library. */
const COPYLEFT = /(^|[^L])A?GPL/;

/** Production packages installed on this machine (other platforms' optional binaries are absent here). */
export function shippedPackages(root = ROOT): ShippedPackage[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([key, entry]) => ({
      name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: entry.version ?? '',
      license: entry.license ?? 'UNKNOWN',
      dir: path.join(root, key),
    }))
    .filter((pkg) => fs.existsSync(pkg.dir))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function forbiddenLicences(packages: ShippedPackage[]): string[] {
  return packages
    .filter((pkg) => pkg.license === 'UNKNOWN' || COPYLEFT.test(pkg.license))
    .map((pkg) => `${pkg.name}@${pkg.version}: ${pkg.license}`);
}

function licenceText(dir: string): string {
  const file = fs.readdirSync(dir).find((name) => LICENCE_FILE.test(name));
  return file ? fs.readFileSync(path.join(dir, file), 'utf8').trim() : '';
}

/** sharp's libvips packages list their bundled libraries in a README table; the LGPL asks us to say where the sources are. */
function libvipsSection(pkg: ShippedPackage): string {
  const readme = fs.readFileSync(path.join(pkg.dir, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| Library'), readme.indexOf('Use of libraries')).trim();
  return [
    table,
    '',
    'libvips and the libraries above marked LGPLv3 are used under the GNU Lesser General Public License 3.0',
    '(https://www.gnu.org/licenses/lgpl-3.0.txt). They are shipped as separate shared libraries, outside the',
    `app archive (resources/app.asar.unpacked/node_modules/${pkg.name}/lib), and can be replaced by the user.`,
    'Sources: https://github.com/lovell/sharp-libvips (build scripts and versions, see versions.json) and',
    "https://github.com/libvips/libvips; each library's own upstream for the others.",
  ].join('\n');
}

export function renderNotices(packages: ShippedPackage[]): string {
  const sections = packages.map((pkg) => {
    const head = `## ${pkg.name} ${pkg.version}\n\nLicence: ${pkg.license}\n`;
    const body = pkg.name.startsWith('@img/sharp-libvips-') ? libvipsSection(pkg) : licenceText(pkg.dir);
    return body ? `${head}\n${body}\n` : head;
  });
  const intro =
    'Swatchbook includes the following third-party software. Electron and Chromium ship their own notices' +
    ' (LICENSES.chromium.html beside the executable).\n';
  return `# Third-party notices\n\n${intro}\n${sections.join('\n')}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const packages = shippedPackages();
  const forbidden = forbiddenLicences(packages);
  if (forbidden.length > 0) {
    console.error(`Dependencies under a licence the app cannot ship:\n  ${forbidden.join('\n  ')}`);
    process.exit(1);
  }
  const target = path.join(ROOT, 'out', 'THIRD-PARTY-NOTICES.md');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, renderNotices(packages));
  console.log(`Third-party notices for ${packages.length} packages: ${path.relative(ROOT, target)}`);
}
