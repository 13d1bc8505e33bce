import { withRoomToGrow } from './columns';

/**
 * Each index slot's file paths. Most images are in one file: that path is kept as the string
 * itself, not in a list of one (a quarter of a million such lists were ~a quarter of the work of
 * a full garbage collection at 250,000 images, and ~50 MB).
 */
export class SlotPaths {
  private readonly values: (string | readonly string[])[];

  constructor(slots = 0) {
    this.values = withRoomToGrow(new Array<string | readonly string[]>(slots).fill(NONE));
  }

  /** The slot's paths (a new list when it has one path). */
  of(slot: number): readonly string[] {
    const value = this.values[slot];
    return value === undefined ? NONE : typeof value === 'string' ? [value] : value;
  }

  first(slot: number): string | undefined {
    const value = this.values[slot];
    return typeof value === 'string' ? value : value?.[0];
  }

  /** Whether any of the slot's paths passes `test` (without making a list). */
  some(slot: number, test: (path: string) => boolean): boolean {
    const value = this.values[slot];
    if (typeof value === 'string') return test(value);
    return value !== undefined && value.some(test);
  }

  /** Whether the slot holds exactly these paths, in this order. */
  holds(slot: number, paths: readonly string[]): boolean {
    const value = this.values[slot];
    if (typeof value === 'string') return paths.length === 1 && paths[0] === value;
    return value !== undefined && value.length === paths.length && value.every((path, i) => path === paths[i]);
  }

  /** `paths` is kept as it is (not copied) when it has two or more. */
  set(slot: number, paths: readonly string[]): void {
    this.values[slot] = paths.length === 1 ? paths[0] : paths.length === 0 ? NONE : paths;
  }

  setOne(slot: number, path: string): void {
    this.values[slot] = path;
  }
}

const NONE: readonly string[] = [];
