// Which highlighter a lab file gets, by its name. Only the languages labs use are loaded:
// Monarch grammars for JavaScript/TypeScript, Python, YAML, HTML and CSS from monaco-editor,
// and two of our own (nginx configuration, JSON), so no language-service worker is needed.
export type LanguageId = 'javascript' | 'typescript' | 'json' | 'python' | 'yaml' | 'html' | 'css' | 'nginx' | 'plaintext';

const byExtension: Record<string, LanguageId> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  json: 'json',
  py: 'python',
  yaml: 'yaml',
  yml: 'yaml',
  html: 'html',
  htm: 'html',
  css: 'css',
  conf: 'nginx',
};

export function languageFor(path: string): LanguageId {
  const name = (path.split('/').pop() ?? '').toLowerCase();
  if (name === 'nginx.conf' || name.startsWith('nginx.') || name.endsWith('.nginx')) return 'nginx';
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  return byExtension[extension] ?? 'plaintext';
}
