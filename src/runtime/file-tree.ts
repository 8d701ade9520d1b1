// Lab files travel as a flat map ("public/index.html" → text); the WebContainer mounts a
// nested tree. This turns one into the other and refuses paths that would leave the lab.
export interface FileNode {
  file: { contents: string | Uint8Array };
}
export interface DirectoryNode {
  directory: FileTree;
}
export interface FileTree {
  [name: string]: FileNode | DirectoryNode;
}

/** The path's segments, or an explanation of why it is not a plain path inside the lab. */
export function labPathSegments(path: string): string[] {
  const segments = path.split('/');
  const bad = path.startsWith('/') || path.includes('\\') || segments.some((part) => part === '' || part === '.' || part === '..');
  if (bad || path.includes('\0')) {
    throw new Error(`"${path}" is not a path inside the lab: use a relative path such as "public/index.html", without "..", "." or a leading "/".`);
  }
  return segments;
}

export function toFileTree(files: Record<string, string | Uint8Array>): FileTree {
  const root: FileTree = {};
  for (const [path, contents] of Object.entries(files)) {
    const segments = labPathSegments(path);
    const name = segments.pop() as string;
    let folder = root;
    for (const segment of segments) {
      const node = (folder[segment] ??= { directory: {} });
      if (!('directory' in node)) throw new Error(`"${path}" puts a file inside "${segment}", which is a file, not a folder.`);
      folder = node.directory;
    }
    folder[name] = { file: { contents } };
  }
  return root;
}
