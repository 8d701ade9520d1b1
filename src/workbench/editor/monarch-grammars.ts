// Two small Monarch grammars (https://microsoft.github.io/monaco-editor/monarch.html).
// nginx: a statement is a directive name, arguments, then ";" or a "{" block, as in
// https://nginx.org/en/docs/beginners_guide.html#conf_structure; "#" starts a comment,
// "$name" is a variable. JSON: keys, strings, numbers, true/false/null.
import type { languages } from 'monaco-editor/editor/editor.api';

const variable = /\$(?:\{[A-Za-z0-9_]+\}|[A-Za-z0-9_]+)/;

export const nginxGrammar: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenizer: {
    root: [
      [/\s+/, 'white'],
      [/#.*$/, 'comment'],
      [/\}/, 'delimiter.bracket'],
      [/[A-Za-z_][\w.]*/, { token: 'keyword', next: '@arguments' }],
    ],
    arguments: [
      [/\s+/, 'white'],
      [/#.*$/, 'comment'],
      [/;/, { token: 'delimiter', next: '@pop' }],
      [/\{/, { token: 'delimiter.bracket', next: '@pop' }],
      [variable, 'variable'],
      [/"/, { token: 'string.quote', next: '@doubleQuoted' }],
      [/'/, { token: 'string.quote', next: '@singleQuoted' }],
      [/\d+(?:\.\d+)?[kKmMgGsShdwy]?(?=[\s;])/, 'number'],
      [/~\*?|\^~|=/, 'operator'],
      [/[^\s;{"'$#]+/, ''],
    ],
    doubleQuoted: [
      [/[^\\"$]+/, 'string'],
      [variable, 'variable'],
      [/\\./, 'string.escape'],
      [/\$/, 'string'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    singleQuoted: [
      [/[^\\'$]+/, 'string'],
      [variable, 'variable'],
      [/\\./, 'string.escape'],
      [/\$/, 'string'],
      [/'/, { token: 'string.quote', next: '@pop' }],
    ],
  },
};

export const nginxConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [['{', '}']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
};

export const jsonGrammar: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenizer: {
    root: [
      [/\s+/, 'white'],
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
      [/"(?:[^"\\]|\\.)*"/, 'string'],
      [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}[\]]/, 'delimiter.bracket'],
      [/[,:]/, 'delimiter'],
    ],
  },
};

export const jsonConfiguration: languages.LanguageConfiguration = {
  brackets: [['{', '}'], ['[', ']']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
  ],
};
