/**
 * Strings kept once in the open index and named by position: a hash or a path appears in an
 * asset, its file records and its answers, and is written (and read back) only once.
 */
export class StringTable {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}
