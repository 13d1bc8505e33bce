import { describe, expect, it } from 'vitest';
import {
  forbiddenLicences,
  renderNotices,
  shippedPackages,
  type ShippedPackage,
} from '../../../scripts/third-party-notices';

const pkg = (license: string): ShippedPackage => ({ name: 'x', version: '1.0.0', license, dir: '/nowhere' });

describe('third-party notices', () => {
  it('refuses GPL, AGPL and unknown licences but not the LGPL', () => {
    const verdicts = ['GPL-3.0-only', 'AGPL-3.0-or-later', 'MIT OR GPL-2.0', 'UNKNOWN', 'LGPL-3.0-or-later', 'MIT'].map(
      (license) => forbiddenLicences([pkg(license)]).length > 0,
    );
    expect(verdicts).toEqual([true, true, true, true, false, false]);
  });

  it('lists every shipped package, none of them under a forbidden licence', () => {
    const packages = shippedPackages();
    expect(forbiddenLicences(packages)).toEqual([]);
    const notices = renderNotices(packages);
    for (const name of ['sharp', 'lowdb', 'react', 'zod', '@aws-sdk/client-bedrock-runtime']) {
      expect(notices).toContain(`## ${name} `);
    }
  });

  it('names libvips and its LGPL libraries with where their sources are', () => {
    const libvips = shippedPackages().filter((p) => p.name.startsWith('@img/sharp-libvips-'));
    expect(libvips.length).toBeGreaterThan(0);
    const notices = renderNotices(libvips);
    expect(notices).toMatch(/\| libvips\s+\| LGPLv3/);
    expect(notices).toContain('GNU Lesser General Public License');
    expect(notices).toContain('https://github.com/libvips/libvips');
  });
});
