import type { FacetCount } from '../../shared/model';

export interface FolderNode {
  path: string;
  label: string;
  count: number;
  children: FolderNode[];
}

function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

function basename(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/**
 * Arranges folder facet values (absolute paths) into one tree per library root, labelled
 * relative to that root. A node's count is its own facet count if the engine reported one,
 * otherwise the sum of its children.
 */
export function buildFolderTree(roots: readonly string[], facet: readonly FacetCount[]): FolderNode[] {
  const counts = new Map(facet.map((f) => [f.value, f.count]));
  const trees = roots.map((root) => ({ path: root, label: basename(root), count: 0, children: [] as FolderNode[] }));
  const byLength = [...trees].sort((a, b) => b.path.length - a.path.length);

  for (const { value } of facet) {
    const tree = byLength.find((t) => value === t.path || value.startsWith(t.path + separatorOf(t.path)));
    if (!tree || value === tree.path) continue;
    const separator = separatorOf(tree.path);
    let node = tree;
    for (const segment of value
      .slice(tree.path.length + 1)
      .split(separator)
      .filter(Boolean)) {
      const path = node.path + separator + segment;
      let child = node.children.find((c) => c.path === path);
      if (!child) {
        child = { path, label: segment, count: 0, children: [] };
        node.children.push(child);
      }
      node = child;
    }
  }

  const settle = (node: FolderNode): number => {
    node.children.sort((a, b) => a.label.localeCompare(b.label));
    const childTotal = node.children.reduce((sum, child) => sum + settle(child), 0);
    node.count = counts.get(node.path) ?? childTotal;
    return node.count;
  };
  trees.forEach(settle);
  return trees;
}
