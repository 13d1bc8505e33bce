/**
 * Interns strings as small integers: facet values, so counting is array arithmetic, not string
 * hashing; and the open index's tables of hashes, paths and files, written once and named by position.
 */
export class FacetDictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}
