// The lab page's second script: Monaco, imported statically so the browser fetches and
// compiles it from the first moment, in parallel with everything else on the page.
import { EditorView } from './editor/editor-view.ts';
import { labPage } from './page-session.ts';

if (labPage) {
  const { session, find } = labPage;
  new EditorView(find('[data-editor]'), session.files, {
    save: () => void session.save(),
    check: () => find<HTMLButtonElement>('[data-action="check"]').click(),
  });
}
