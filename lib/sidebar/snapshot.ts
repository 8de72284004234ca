// The open sidebar as it last rendered at rest, kept so the eager launcher can paint it at the
// next page load without the sidebar app (Preact, zod): plain DOM from a JSON tree. No zod here:
// the launcher bundles this file. The tree is written only by our own sidebar app, from its own
// render tree (not the page-reachable DOM: components/sidebar/app/rendered-tree.ts), through
// extension storage the page cannot reach, but it is still checked node by node before use, and
// only elements and attributes the sidebar itself renders are rebuilt.

/**
 * A text node, or an element as [tag, attributes, children], its attributes a flat list of names
 * and values in document order (a list, because extension storage returns objects with their keys
 * sorted).
 */
export type SnapshotNode = string | [tag: string, attributes: string[], children: SnapshotNode[]];

/** The value of a snapshot element's attribute, or undefined. */
export function attributeOf(node: SnapshotNode, name: string): string | undefined {
  if (typeof node === 'string') return undefined;
  const attributes = node[1];
  for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

/** One site's painted sidebar and what it was rendered from. */
export interface SidebarSnapshot {
  /** snapshotKey() (lib/sidebar/data-key.ts) of the data, layout and build it was rendered from. */
  key: string;
  /** Something in it moves on its own (a capture on its way, an unseen review): the app must run. */
  live: boolean;
  /** Admin-added site rules from the same config, for the launcher's ticket context. */
  sites: Array<{ match: string; adapter: string }>;
  tree: SnapshotNode;
}

/** Elements the sidebar renders; anything else makes a snapshot invalid. */
const TAGS = new Set(
  'div aside header h2 h3 button span fieldset legend label textarea p ul li time kbd section input'.split(
    ' ',
  ),
);
const PLAIN_ATTRIBUTES = new Set(
  'class role title type tabindex id rows maxlength placeholder datetime hidden disabled style'.split(' '),
);
const LIMITS = { nodes: 5000, depth: 40, text: 20_000 } as const;

/** True for attribute names the sidebar uses: the plain ones, aria-* and data-*. */
function allowedAttribute(name: string): boolean {
  return PLAIN_ATTRIBUTES.has(name) || /^(aria|data)-[a-z-]+$/.test(name);
}

/** CSS functions a sidebar style may use (colours, calc): nothing that loads or runs anything. */
const STYLE_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'calc']);

/** True for a plain length, colour or calc() value. */
function isPlainStyleValue(value: string): boolean {
  if (!/^[\w\s#%.,()+*/-]*$/.test(value)) return false;
  return [...value.matchAll(/([a-z-]*)\(/gi)].every((m) => STYLE_FUNCTIONS.has((m[1] ?? '').toLowerCase()));
}

/** Declarations of a style attribute, as [property, value]; null if one is not plain. */
function styleDeclarations(style: string): Array<[string, string]> | null {
  const out: Array<[string, string]> = [];
  for (const part of style.split(';')) {
    if (!part.trim()) continue;
    const colon = part.indexOf(':');
    const property = part.slice(0, colon).trim();
    const value = part.slice(colon + 1).trim();
    if (colon < 0 || !/^[a-z-]+$/.test(property) || !isPlainStyleValue(value)) return null;
    out.push([property, value]);
  }
  return out;
}

/**
 * The element (and its subtree) as a snapshot tree; comments are left out. Not how the sidebar app
 * saves its snapshot: the live DOM holds whatever a page script put there (app/rendered-tree.ts).
 */
export function serializeElement(element: Element): SnapshotNode {
  const attributes: string[] = [];
  for (const attribute of Array.from(element.attributes)) attributes.push(attribute.name, attribute.value);
  const children: SnapshotNode[] = [];
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 3) children.push((child as Text).data);
    else if (child.nodeType === 1) children.push(serializeElement(child as Element));
  }
  return [element.localName, attributes, children];
}

/**
 * Rebuilds a snapshot tree as DOM in `doc`, or returns null when anything in it is not what the
 * sidebar renders (unknown element or attribute, odd style, too big or too deep). Styles go
 * through the CSSOM, which a strict page CSP allows where a style attribute would be blocked.
 * `onBuilt` hears of each element once its attributes are set, before it is in any document: the
 * painted sidebar keeps its own map of them, since the page can reach and change the DOM (painted.ts).
 */
export function buildElement(
  doc: Document,
  tree: unknown,
  onBuilt?: (element: Element) => void,
): Element | null {
  let nodes = 0;
  const build = (node: unknown, depth: number): Node | null => {
    if (++nodes > LIMITS.nodes || depth > LIMITS.depth) return null;
    if (typeof node === 'string') return node.length <= LIMITS.text ? doc.createTextNode(node) : null;
    if (!Array.isArray(node) || node.length !== 3) return null;
    const [tag, attributes, children] = node as [unknown, unknown, unknown];
    if (typeof tag !== 'string' || !TAGS.has(tag) || !Array.isArray(children)) return null;
    if (!Array.isArray(attributes) || attributes.length % 2 !== 0) return null;
    const element = doc.createElement(tag);
    for (let i = 0; i < attributes.length; i += 2) {
      const name: unknown = attributes[i];
      const value: unknown = attributes[i + 1];
      if (typeof name !== 'string' || !allowedAttribute(name)) return null;
      if (typeof value !== 'string' || value.length > LIMITS.text) return null;
      if (name !== 'style') {
        element.setAttribute(name, value);
        continue;
      }
      const declarations = styleDeclarations(value);
      if (!declarations) return null;
      for (const [property, v] of declarations) element.style.setProperty(property, v);
    }
    onBuilt?.(element);
    for (const child of children) {
      const built = build(child, depth + 1);
      if (!built) return null;
      element.append(built);
    }
    return element;
  };
  const root = build(tree, 0);
  return root?.nodeType === 1 ? (root as Element) : null;
}

/** JSON with object keys sorted, so equal data gives equal text whatever order it was built in. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** True for a stored snapshot's outer shape (the tree itself is checked by buildElement). */
export function isSidebarSnapshot(value: unknown): value is SidebarSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.key === 'string' &&
    typeof v.live === 'boolean' &&
    Array.isArray(v.sites) &&
    v.sites.every(
      (s: unknown) =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as { match?: unknown }).match === 'string' &&
        typeof (s as { adapter?: unknown }).adapter === 'string',
    ) &&
    Array.isArray(v.tree)
  );
}
