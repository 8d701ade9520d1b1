// Where a lab's page lives, under the site's base path.
import { withBase } from '../course/urls.ts';

export function labPath(id: string): string {
  return withBase(`/labs/${id}/`);
}
