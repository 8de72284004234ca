import type { SnapshotNode } from '@/lib/sidebar/snapshot';

// What the sidebar app rendered, as a snapshot tree (lib/sidebar/snapshot.ts) for the launcher's
// next first paint. The DOM cannot tell: the shadow root is open, so a page script can insert
// nodes into the sidebar, change their text or set a data-tag, and the launcher would paint that
// at the next page load. The renderer's own tree can: Preact keeps it on the container it rendered
// into, in properties of the extension's isolated world that the page's scripts never see. Its build
// names them `__k` (a vnode's children; on the container, the root vnode) and `__e` (a vnode's DOM
// node), the names its devtools read too. If a Preact version names them otherwise, the rendered
// tree is not found and no snapshot is saved (the app then renders at every page load);
// tests/unit/sidebar-snapshot-writer.test.tsx renders the real sidebar with Preact to catch that.

/** The parts of a Preact vnode read here. */
interface RenderedVNode {
  /** An element's tag name, null for text, a function or Fragment for a component. */
  type: unknown;
  /** An element's props, or a text vnode's text. */
  props: unknown;
  __k?: Array<RenderedVNode | null | undefined> | null;
  __e?: Node | null;
}

/** Attributes whose value is taken from the app's props, as Preact sets them, never from the DOM. */
const FROM_PROPS = /^(aria|data)-/;

/** The element vnode whose DOM node is `dom`, searched depth first from `vnode`. */
function findVNode(vnode: RenderedVNode | null | undefined, dom: Node): RenderedVNode | null {
  if (!vnode) return null;
  if (typeof vnode.type === 'string' && vnode.__e === dom) return vnode;
  for (const child of vnode.__k ?? []) {
    const found = findVNode(child, dom);
    if (found) return found;
  }
  return null;
}

/**
 * An element's attributes: those of its DOM node in their order (the rendered class, style, role…),
 * but an aria-* or data-* one with the app's own value, and only if the app set it (Preact sets
 * such a prop as an attribute unless it is null or undefined).
 */
function renderedAttributes(element: Element, props: Record<string, unknown>): string[] {
  const attributes: string[] = [];
  const seen = new Set<string>();
  const push = (name: string) => {
    const value = props[name];
    seen.add(name);
    if (value !== null && value !== undefined) attributes.push(name, String(value));
  };
  for (const { name, value } of Array.from(element.attributes)) {
    if (FROM_PROPS.test(name)) push(name);
    else attributes.push(name, value);
  }
  for (const name of Object.keys(props)) if (FROM_PROPS.test(name) && !seen.has(name)) push(name);
  return attributes;
}

/** The snapshot nodes a vnode rendered: an element, a text, or a component's output, flattened. */
function renderedNodes(vnode: RenderedVNode | null | undefined): SnapshotNode[] {
  if (!vnode) return [];
  const children = (vnode.__k ?? []).flatMap(renderedNodes);
  if (vnode.type === null) return [String(vnode.props)];
  if (typeof vnode.type !== 'string') return children;
  const element = vnode.__e;
  if (element?.nodeType !== 1) return [];
  const props = (vnode.props ?? {}) as Record<string, unknown>;
  return [[vnode.type, renderedAttributes(element as Element, props), children]];
}

/**
 * The snapshot tree of what the app rendered as `root` and inside it, read from the renderer's own
 * tree: nodes a page script inserted are not in it, text is the app's, and aria-/data- attributes
 * have the app's values. Null when `root` is not an element the app rendered into its container.
 */
export function renderedTree(root: Element): SnapshotNode | null {
  const container = root.parentNode as { __k?: RenderedVNode | null } | null;
  const [tree] = renderedNodes(findVNode(container?.__k, root));
  return tree ?? null;
}
