/**
 * Google field masks, in both spellings: `sheets.properties.title,sheets.merges` and
 * `sheets(properties(sheetId,title),data.rowData.values.userEnteredFormat/backgroundColor)`.
 * Used for the `fields` query parameter (partial responses) and the `fields` of updateCells / repeatCell / update*Properties.
 */

/** A mask as a tree: `true` keeps the whole subtree. */
export type MaskTree = Map<string, MaskTree | true>;

/** Parse a mask into a tree. */
export function parseMask(mask: string): MaskTree {
  const root: MaskTree = new Map();
  let i = 0;
  const text = mask.replace(/\s+/g, '');

  function parseList(into: MaskTree, prefix: string[]): void {
    while (i < text.length && text[i] !== ')') {
      const path: string[] = [...prefix];
      let name = '';
      while (i < text.length && !',()'.includes(text[i]!)) {
        const ch = text[i++]!;
        if (ch === '.' || ch === '/') {
          path.push(name);
          name = '';
        } else name += ch;
      }
      path.push(name);
      if (text[i] === '(') {
        i++;
        parseList(into, path);
        if (text[i] !== ')') throw new Error(`Invalid field mask: ${mask}`);
        i++;
      } else add(into, path);
      if (text[i] === ',') i++;
    }
  }

  function add(into: MaskTree, path: string[]): void {
    let node = into;
    for (let k = 0; k < path.length; k++) {
      const key = path[k]!;
      if (key === '') throw new Error(`Invalid field mask: ${mask}`);
      if (k === path.length - 1) {
        node.set(key, true);
        return;
      }
      const next = node.get(key);
      if (next === true) return;
      if (next) node = next;
      else {
        const child: MaskTree = new Map();
        node.set(key, child);
        node = child;
      }
    }
  }

  parseList(root, []);
  return root;
}

/** Every leaf path of a mask, e.g. `userEnteredFormat.backgroundColorStyle` → ['userEnteredFormat','backgroundColorStyle']. */
export function maskPaths(tree: MaskTree, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [key, sub] of tree) {
    if (sub === true) out.push([...prefix, key]);
    else out.push(...maskPaths(sub, [...prefix, key]));
  }
  return out;
}

/** Does the mask select anything under `path` (e.g. ['sheets','data'])? */
export function maskSelects(tree: MaskTree, path: string[]): boolean {
  let node: MaskTree | true = tree;
  for (const key of path) {
    if (node === true) return true;
    if (node.has('*')) return true;
    const next: MaskTree | true | undefined = node.get(key);
    if (!next) return false;
    node = next;
  }
  return true;
}

/** Keep only the masked parts of a response; arrays are transparent, empty nested objects are dropped. */
export function applyMask(value: unknown, tree: MaskTree | true): unknown {
  if (tree === true || tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, tree) ?? {});
  if (value === null || typeof value !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const masked = applyMask(v, sub);
    if (masked === undefined) continue;
    if (typeof masked === 'object' && !Array.isArray(masked) && masked && Object.keys(masked).length === 0)
      continue;
    out[key] = masked;
  }
  return out;
}

/** Copy the value at `path` from `source` onto `target`, deleting it on `target` when `source` has none. */
export function copyPath(
  target: Record<string, unknown>,
  source: Record<string, unknown> | undefined,
  path: string[],
): void {
  let from: unknown = source;
  for (const key of path)
    from = from && typeof from === 'object' ? (from as Record<string, unknown>)[key] : undefined;
  const parents: Array<Record<string, unknown>> = [];
  let node = target;
  for (const key of path.slice(0, -1)) {
    parents.push(node);
    if (typeof node[key] !== 'object' || node[key] === null) {
      if (from === undefined) return;
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (from === undefined || from === null) {
    delete node[last];
    // prune emptied parents
    for (let k = path.length - 2; k >= 0; k--) {
      const parent = parents[k]!;
      const child = parent[path[k]!] as Record<string, unknown>;
      if (Object.keys(child).length === 0) delete parent[path[k]!];
      else break;
    }
  } else node[last] = structuredClone(from);
}
