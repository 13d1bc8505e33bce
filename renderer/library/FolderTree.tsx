import { useRef, useState, type KeyboardEvent } from 'react';
import { useRovingFocus } from '../components/use-roving-focus';
import type { FolderNode } from './folder-tree';

interface FolderTreeProps {
  nodes: FolderNode[];
  selected: readonly string[] | undefined;
  onToggle(path: string): void;
  /** What folders that are not fine say ("offline since 14:32"), by path. */
  states: ReadonlyMap<string, string>;
}

type FolderItemProps = { node: FolderNode; depth: number } & Omit<FolderTreeProps, 'nodes'>;

function FolderItem({ node, depth, selected, onToggle, states }: FolderItemProps) {
  const [expanded, setExpanded] = useState(depth === 0);
  const state = states.get(node.path);
  const active = selected?.includes(node.path) ?? false;
  const hasChildren = node.children.length > 0;
  // Right opens a folder and Left closes it, as in every file tree; Up and Down are the tree's.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!hasChildren || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    event.preventDefault();
    setExpanded(event.key === 'ArrowRight');
  };
  return (
    <li role="treeitem" aria-expanded={hasChildren ? expanded : undefined} aria-selected={active}>
      <div className="tree-row" style={{ paddingLeft: depth * 12 }}>
        <button
          type="button"
          className="tree-twisty"
          tabIndex={-1}
          aria-label={hasChildren ? `${expanded ? 'Collapse' : 'Expand'} ${node.label}` : undefined}
          aria-hidden={!hasChildren}
          disabled={!hasChildren}
          data-testid="tree-twisty"
          onClick={() => setExpanded(!expanded)}
        >
          {hasChildren ? (expanded ? '▾' : '▸') : ''}
        </button>
        <button
          type="button"
          className={`facet-option${active ? ' active' : ''}`}
          aria-pressed={active}
          title={state ? `${node.path} (${state})` : node.path}
          data-testid="facet-option"
          data-roving-item
          data-value={node.path}
          data-count={node.count}
          onClick={() => onToggle(node.path)}
          onKeyDown={onKeyDown}
        >
          <span className="facet-label">
            {node.label}
            {state && <span className="warning-text"> · {state}</span>}
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
              states={states}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Library folders as a tree of paths relative to each root, with live counts. A folder's count
 * includes its sub-folders, and selecting it shows them too. The tree is one Tab stop.
 */
export function FolderTree({ nodes, selected, onToggle, states }: FolderTreeProps) {
  const treeRef = useRef<HTMLUListElement>(null);
  const roving = useRovingFocus(treeRef, 'vertical');
  return (
    <ul ref={treeRef} role="tree" aria-label="Folders" className="folder-tree" {...roving}>
      {nodes.map((node) => (
        <FolderItem key={node.path} node={node} depth={0} selected={selected} onToggle={onToggle} states={states} />
      ))}
    </ul>
  );
}
