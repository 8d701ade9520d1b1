// The xterm.js terminal: shows the program's output as the session's feed delivers it, and
// passes keystrokes to the running program (through the line discipline when the runtime
// has no pseudo-terminal of its own).
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { LabSession } from '../lab-session.ts';
import { LineDiscipline } from './line-discipline.ts';

export class TerminalView {
  constructor(host: HTMLElement, session: LabSession) {
    const terminal = new Terminal({
      convertEol: true,
      fontSize: 13,
      fontFamily: "ui-monospace, 'SF Mono', 'Cascadia Mono', Menlo, Consolas, monospace",
      scrollback: 5000,
      theme: { background: '#111418', foreground: '#e6e8eb' },
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(host);
    const refit = () => {
      if (host.offsetParent !== null) fit.fit();
    };
    refit();
    new ResizeObserver(refit).observe(host);
    const discipline = new LineDiscipline({
      echo: (text) => terminal.write(text),
      send: (line) => session.input(line),
      interrupt: () => void session.stop(),
    });
    terminal.onData((data) => {
      if (session.program.get().status === 'idle') return;
      if (session.runtime.get().echoesInput) session.input(data);
      else discipline.feed(data);
    });
    session.terminal.attach((text) => terminal.write(text));
    host.dataset.ready = '';
  }
}
