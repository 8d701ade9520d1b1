// Browser side of the number fields: reads a simulator form, marks invalid inputs and shows
// each one's message next to it. Returns the values only when every field is valid.
import { readFields, type FieldValues, type NumberField } from './number-fields.ts';

export function readForm<Name extends string>(root: HTMLElement, fields: readonly NumberField<Name>[]): FieldValues<Name> | null {
  const input = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const result = readFields(fields, (name) => input(name)?.value ?? '');
  for (const field of fields) {
    const element = input(field.name);
    if (!element) continue;
    const message = result.ok ? undefined : result.errors[field.name];
    element.setAttribute('aria-invalid', String(Boolean(message)));
    const error = root.querySelector<HTMLElement>(`#${element.id}-error`);
    if (error) {
      error.textContent = message ?? '';
      error.hidden = !message;
    }
  }
  return result.ok ? result.values : null;
}
