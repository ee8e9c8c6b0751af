/**
 * Collects the values of a parameterised statement: `add(value)` stores the value and returns its
 * placeholder (`$1`, `$2` …), so SQL text is assembled from fixed fragments and placeholders only.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
