import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LibraryOp } from '../store';
import { toLocalPath, toTeamPath, withPaths, type FolderMount } from './team-paths';

/** A library folder of the team: its name, where the member who added it has it, and where this machine has it. */
export interface SharedFolder {
  name: string;
  /** The path on the machine that added it: where others find it unless they say otherwise. */
  defaultPath: string;
  /** Where this machine mounts it, when not at the default path. */
  localPath: string | null;
  /** The path this copy's records were written with (they are rewritten when it changes). */
  appliedPath: string | null;
}

/**
 * The team's folders as this machine maps them, kept beside its copy (`shared-folders.json`; in
 * memory for a one-off copy). Changes going to the team name files by folder and path inside it;
 * changes arriving are put at this machine's mount of each folder.
 */
export class SharedFolders {
  private readonly folders = new Map<string, SharedFolder>();

  constructor(private readonly file: string | null = null) {
    for (const folder of file ? readFolders(file) : []) this.folders.set(folder.name, folder);
  }

  list(): SharedFolder[] {
    return [...this.folders.values()];
  }

  mountOf(name: string): string | undefined {
    const folder = this.folders.get(name);
    return folder ? (folder.localPath ?? folder.defaultPath) : undefined;
  }

  /** A change made here, as the team's log records it. */
  toTeam(op: LibraryOp): LibraryOp {
    if (op.type === 'addFolder') return { ...op, name: op.name ?? this.register(op.path) };
    const mounts = this.mounts();
    return withPaths(op, (p) => toTeamPath(p, mounts));
  }

  /** A change from the team's log, at this machine's paths. */
  toLocal(op: LibraryOp): LibraryOp {
    if (op.type === 'addFolder' && op.name) return { ...op, path: this.learn(op.name, op.path) };
    return withPaths(op, (p) => toLocalPath(p, (name) => this.mountOf(name)));
  }

  teamPath(local: string): string {
    return toTeamPath(local, this.mounts());
  }

  /** Where this machine has folder `name` (null: where its adder has it). Said when the copy must be rewritten. */
  setMount(name: string, localPath: string | null): { rewriteDue: boolean } {
    const folder = this.folders.get(name);
    if (!folder) throw new Error(`the team library has no folder named ${name}`);
    this.folders.set(name, { ...folder, localPath: localPath === folder.defaultPath ? null : localPath });
    this.save();
    return { rewriteDue: this.rewriteDue() };
  }

  /** Some folder's records were written at another path than where this machine now has it. */
  rewriteDue(): boolean {
    return this.list().some((f) => f.appliedPath !== null && f.appliedPath !== (f.localPath ?? f.defaultPath));
  }

  /** This copy's records are about to be written anew (all of them, from the team's log). */
  forgetApplied(): void {
    for (const folder of this.list()) this.folders.set(folder.name, { ...folder, appliedPath: null });
    this.save();
  }

  /** A folder added here: named for the team by its base name, made unique. */
  private register(local: string): string {
    const known = this.list().find((f) => (f.localPath ?? f.defaultPath) === local);
    if (known) return known.name;
    const base = path.basename(local) || 'folder';
    let name = base;
    for (let n = 2; this.folders.has(name); n++) name = `${base} ${n}`;
    this.folders.set(name, { name, defaultPath: local, localPath: null, appliedPath: local });
    this.save();
    return name;
  }

  /** A folder another member added (or this machine, read back): where its records go here. */
  private learn(name: string, defaultPath: string): string {
    const folder = this.folders.get(name) ?? { name, defaultPath, localPath: null, appliedPath: null };
    const mount = folder.localPath ?? folder.defaultPath;
    this.folders.set(name, { ...folder, defaultPath, appliedPath: mount });
    this.save();
    return mount;
  }

  private mounts(): FolderMount[] {
    return this.list().map((f) => ({ name: f.name, mount: f.localPath ?? f.defaultPath }));
  }

  private save(): void {
    if (!this.file) return;
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(this.list(), null, 2)}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }
}

/** The saved map; a damaged file only loses this machine's own paths (folders are found where added until set again). */
function readFolders(file: string): SharedFolder[] {
  if (!existsSync(file)) return [];
  try {
    const folders = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(folders) ? (folders as SharedFolder[]) : [];
  } catch {
    return [];
  }
}
