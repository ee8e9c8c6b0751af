/** Masks a mobile number as `138****5678`; other contacts keep only their first character. */
export function maskContact(value: string): string {
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  return value ? `${value.slice(0, 1)}***` : value;
}
