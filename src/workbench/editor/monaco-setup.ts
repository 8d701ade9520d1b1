// Monaco with only what the workbench uses: the core editor, a handful of editing features
// (find, comment toggling, bracket matching, line and word operations, clipboard, the
// read-only message), the languages of languages.ts, and the editor worker bundled by Vite
// (no CDN loader). Loading all of monaco-editor would cost several megabytes more.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/html/register';
import 'monaco-editor/languages/definitions/css/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { jsonConfiguration, jsonGrammar, nginxConfiguration, nginxGrammar } from './monarch-grammars.ts';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.languages.register({ id: 'nginx', extensions: ['.conf'], aliases: ['nginx'] });
monaco.languages.setMonarchTokensProvider('nginx', nginxGrammar);
monaco.languages.setLanguageConfiguration('nginx', nginxConfiguration);
monaco.languages.register({ id: 'json', extensions: ['.json'], aliases: ['JSON'] });
monaco.languages.setMonarchTokensProvider('json', jsonGrammar);
monaco.languages.setLanguageConfiguration('json', jsonConfiguration);

export { monaco };
