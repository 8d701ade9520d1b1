// Numeric form fields shared by a simulator's Astro markup (which renders them) and its
// browser script (which reads and validates them), so both agree on names, ranges and defaults.

export interface NumberField<Name extends string = string> {
  name: Name;
  label: string;
  /** Shown after the input, e.g. "req/s" or "%". */
  unit: string;
  min: number;
  max: number;
  step: number;
  value: number;
}

export type FieldValues<Name extends string> = Record<Name, number>;

export type ReadResult<Name extends string> = { ok: true; values: FieldValues<Name> } | { ok: false; errors: Partial<Record<Name, string>> };

/** Checks raw input texts against the fields, with a message a learner can act on for each bad one. */
export function readFields<Name extends string>(fields: readonly NumberField<Name>[], raw: (name: Name) => string): ReadResult<Name> {
  const values = {} as FieldValues<Name>;
  const errors: Partial<Record<Name, string>> = {};
  for (const field of fields) {
    const text = raw(field.name).trim();
    const value = Number(text);
    const range = `from ${field.min.toLocaleString('en-US')} to ${field.max.toLocaleString('en-US')}`;
    if (text === '' || !Number.isFinite(value)) errors[field.name] = `${field.label}: enter a number ${range}.`;
    else if (value < field.min || value > field.max) errors[field.name] = `${field.label} must be ${range}; you entered ${text}.`;
    else values[field.name] = value;
  }
  return Object.keys(errors).length === 0 ? { ok: true, values } : { ok: false, errors };
}

/** 1234567 → "1,234,567"; 666.666 → "666.7"; keeps at most `digits` decimals. */
export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
