// Ids for elements a component renders more than once on a page (e.g. a figure's caption, which
// labels the figure's scroll region). A build-wide counter keeps them unique on every page.
let counter = 0;

export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
