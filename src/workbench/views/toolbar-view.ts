// Run, Stop, Check, Reset and Solution, the program's status line, and the keyboard
// shortcuts Ctrl/Cmd+S (save and restart) and Ctrl/Cmd+Enter (check) anywhere on the page.
// Reset and Solution replace the learner's files, so they ask first.
import type { LabSession, ProgramState } from '../lab-session.ts';
import type { PanelsView } from './panels-view.ts';

function statusText(state: ProgramState): string {
  if (state.status === 'starting') return 'Starting…';
  if (state.status === 'stopping') return 'Stopping…';
  if (state.status === 'running') return state.listening ? `Listening on 127.0.0.1:${state.listening}` : 'Running, not listening yet';
  return 'Not running';
}

function confirmThen(dialog: HTMLDialogElement | null, action: () => void): void {
  if (!dialog) return;
  dialog.returnValue = '';
  dialog.addEventListener('close', () => dialog.returnValue === 'confirm' && action(), { once: true });
  dialog.showModal();
}

export function bindToolbar(root: HTMLElement, session: LabSession, panels: PanelsView): void {
  const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`) as HTMLButtonElement;
  const [run, stop, check, reset, solution] = ['run', 'stop', 'check', 'reset', 'solution'].map(button) as HTMLButtonElement[];
  const status = root.querySelector('[data-program-status]') as HTMLElement;

  const doRun = () => {
    panels.select('terminal');
    void session.run();
  };
  const doCheck = () => {
    panels.select('checks');
    void session.runChecks();
  };
  run?.addEventListener('click', doRun);
  stop?.addEventListener('click', () => void session.stop());
  check?.addEventListener('click', doCheck);
  reset?.addEventListener('click', () => confirmThen(root.querySelector('#confirm-reset'), () => session.reset()));
  solution?.addEventListener('click', () => confirmThen(root.querySelector('#confirm-solution'), () => session.showSolution()));

  const render = () => {
    const ready = session.runtime.get().status === 'ready';
    const program = session.program.get();
    const checking = session.check.get().status === 'running';
    // While checks run, the grader's own copy of the program holds the lab's ports.
    if (run) run.disabled = !ready || checking;
    if (stop) stop.disabled = program.status === 'idle';
    if (check) check.disabled = !ready || checking;
    status.textContent = statusText(program);
  };
  session.runtime.subscribe(render);
  session.program.subscribe(render);
  session.check.subscribe(render);

  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.key === 's' || event.key === 'S') {
      event.preventDefault();
      void session.save();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      doCheck();
    }
  });
}
