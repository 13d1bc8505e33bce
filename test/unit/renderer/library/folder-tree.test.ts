import { describe, expect, it } from 'vitest';
import { buildFolderTree, type FolderNode } from '../../../../renderer/library/folder-tree';

/** The tree as `label count` lines, indented by depth: easy to read against the expected shape. */
function outline(nodes: FolderNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label} ${n.count}`, ...outline(n.children, depth + 1)]);
}

describe('buildFolderTree', () => {
  it('nests sub-folders under their library folder, sorted by name, with the counts the engine gave', () => {
    const facet = [
      { value: '/lib', count: 6 },
      { value: '/lib/florals', count: 4 },
      { value: '/lib/florals/2024', count: 3 },
      { value: '/lib/florals/2024/june', count: 1 },
      { value: '/lib/geo', count: 1 },
      { value: '/other', count: 2 },
    ];
    expect(outline(buildFolderTree(['/lib', '/other'], facet))).toEqual([
      'lib 6',
      '  florals 4',
      '    2024 3',
      '      june 1',
      '  geo 1',
      'other 2',
    ]);
  });

  it('puts a folder under the deepest library folder holding it when library folders nest', () => {
    const facet = [
      { value: '/lib', count: 3 },
      { value: '/lib/archive', count: 2 },
      { value: '/lib/archive/old', count: 1 },
    ];
    expect(outline(buildFolderTree(['/lib', '/lib/archive'], facet))).toEqual(['lib 3', 'archive 2', '  old 1']);
  });

  it('makes in-between folders the engine did not count, summing their sub-folders, and keeps empty roots', () => {
    const facet = [
      { value: 'C:\\Designs\\a\\b', count: 2 },
      { value: 'C:\\Designs\\a\\c', count: 1 },
    ];
    expect(outline(buildFolderTree(['C:\\Designs', 'D:\\Empty'], facet))).toEqual([
      'Designs 3',
      '  a 3',
      '    b 2',
      '    c 1',
      'Empty 0',
    ]);
  });

  it('does not take a sibling sharing a name prefix for a sub-folder', () => {
    const tree = buildFolderTree(['/lib'], [{ value: '/library/x', count: 1 }]);
    expect(outline(tree)).toEqual(['lib 0']);
  });
});
