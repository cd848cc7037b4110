/*
 * Turns the page on screen into a freshly built one in place, changing only what differs:
 * unchanged text keeps a selection, and kept elements their scroll position, focus, typed
 * value and listeners.
 */

/** Elements other code keeps up to date (error rows, their count, notices): a patch leaves them be. */
const SELF_MANAGED = new Set(['errors-body', 'errors-shown', 'notice']);

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === Node.ELEMENT_NODE;
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  // A button's click handler is its command: another command is another button.
  return !isElement(a) || !isElement(b) || (a.id === b.id && a.getAttribute('data-command') === b.getAttribute('data-command'));
}

function patch(old: ChildNode, fresh: Node): void {
  if (!sameKind(old, fresh)) return old.replaceWith(fresh);
  if (!isElement(old) || !isElement(fresh)) {
    if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
    return;
  }
  if (SELF_MANAGED.has(old.id)) return;
  for (const attr of Array.from(old.attributes)) {
    // Whether a <details> is open is the reader's choice, like a scroll position: a fresh build is always closed.
    if (!fresh.hasAttribute(attr.name) && !(attr.name === 'open' && old.nodeName === 'DETAILS')) old.removeAttribute(attr.name);
  }
  for (const attr of Array.from(fresh.attributes)) {
    // Through CSSOM: the CSP refuses style attributes.
    if (attr.name === 'style') old.style.cssText = fresh.style.cssText;
    else if (old.getAttribute(attr.name) !== attr.value) old.setAttribute(attr.name, attr.value);
  }
  patchChildren(old, Array.from(fresh.childNodes));
}

/** Makes `parent`'s children into `freshChildren`, patching those at the same place. */
export function patchChildren(parent: Node, freshChildren: readonly Node[]): void {
  const old = Array.from(parent.childNodes);
  freshChildren.forEach((child, i) => {
    const kept = old[i];
    if (kept) patch(kept, child);
    else parent.appendChild(child);
  });
  for (let i = freshChildren.length; i < old.length; i++) old[i]!.remove();
}
