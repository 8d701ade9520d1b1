// Reading time of a chapter from its MDX source. Import lines and component names are not
// read by a learner, but the text inside quiz and key-term props is, so only the markup
// around that text is dropped before counting words.
const wordsPerMinute = 220;

export function countWords(mdx: string): number {
  const prose = mdx
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<\/?[A-Za-z][\w.]*|\/>/g, ' ')
    .replace(/\b[a-zA-Z]+\s*[:=]\s*(?=["{[])/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function readingMinutes(mdx: string): number {
  return Math.max(1, Math.round(countWords(mdx) / wordsPerMinute));
}
