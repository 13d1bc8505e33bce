import { useState } from 'react';
import type { FolderNode } from './folder-tree';

interface FolderTreeProps {
  nodes: FolderNode[];
  selected: readonly string[] | undefined;
  onToggle(path: string): void;
  missing: ReadonlySet<string>;
}

function FolderItem({
  node,
  depth,
  selected,
  onToggle,
  missing,
}: { node: FolderNode; depth: number } & Omit<FolderTreeProps, 'nodes'>) {
  const [expanded, setExpanded] = useState(depth === 0);
  const active = selected?.includes(node.path) ?? false;
  const hasChildren = node.children.length > 0;
  return (
    <li role="treeitem" aria-expanded={hasChildren ? expanded : undefined} aria-selected={active}>
      <div className="tree-row" style={{ paddingLeft: depth * 12 }}>
        <button
          type="button"
          className="tree-twisty"
          tabIndex={-1}
          aria-hidden={!hasChildren}
          disabled={!hasChildren}
          onClick={() => setExpanded(!expanded)}
        >
          {hasChildren ? (expanded ? '▾' : '▸') : ''}
        </button>
        <button
          type="button"
          className={`facet-option${active ? ' active' : ''}`}
          aria-pressed={active}
          title={missing.has(node.path) ? `${node.path} (missing)` : node.path}
          data-testid="facet-option"
          data-value={node.path}
          data-count={node.count}
          onClick={() => onToggle(node.path)}
        >
          <span className="facet-label">
            {node.label}
            {missing.has(node.path) && <span className="warning-text"> · missing</span>}
          </span>
          <span className="facet-count">{node.count}</span>
        </button>
      </div>
      {hasChildren && expanded && (
        <ul role="group">
          {node.children.map((child) => (
            <FolderItem
              key={child.path}
              node={child}
              depth={depth + 1}
              selected={selected}
              onToggle={onToggle}
              missing={missing}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Library folders as a tree of paths relative to each root, with live counts. */
export function FolderTree({ nodes, selected, onToggle, missing }: FolderTreeProps) {
  return (
    <ul role="tree" aria-label="Folders" className="folder-tree">
      {nodes.map((node) => (
        <FolderItem key={node.path} node={node} depth={0} selected={selected} onToggle={onToggle} missing={missing} />
      ))}
    </ul>
  );
}
