// One search hit as a list item: what kind of page, its title, the excerpt with the matched
// words marked, and links to up to two sections that match. Built with DOM calls: the excerpt
// is read as inert HTML and only its text and <mark> elements are kept.
import type { SearchHit } from './pagefind-client.ts';

export function pageKind(url: string): string {
  if (url.includes('/labs/')) return 'Lab';
  if (url.includes('/drills/')) return 'Drill';
  if (url.includes('/chapters/')) return 'Chapter';
  return 'Page';
}

function excerptNodes(excerpt: string): Node[] {
  const body = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  created.append(...children);
  return created;
}

export function resultItem(hit: SearchHit): HTMLLIElement {
  const title = hit.meta.title ?? hit.url;
  const link = element('a', 'search-hit-link', element('span', 'search-hit-kind', pageKind(hit.url)), ' ', element('span', 'search-hit-title', title));
  link.href = hit.url;
  const item = element('li', 'search-hit', link, element('p', 'search-hit-excerpt', ...excerptNodes(hit.excerpt)));
  const sections = (hit.sub_results ?? []).filter((sub) => sub.url.includes('#') && sub.excerpt.includes('<mark>')).slice(0, 2);
  if (sections.length > 0) {
    const list = element('ul', 'search-hit-sections');
    for (const section of sections) {
      const sectionLink = element('a', '', section.title);
      sectionLink.href = section.url;
      list.append(element('li', '', sectionLink));
    }
    item.append(list);
  }
  return item;
}
