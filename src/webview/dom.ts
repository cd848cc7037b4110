/*
 * Building the page's elements. Text goes in through textContent and text nodes only, never
 * as HTML: every string may be whatever the server sent.
 */

type ClickHandler = (event: MouseEvent) => void;

/** `text` → textContent, `className`, `onClick`; any other key is an attribute (true: present, false or undefined: left out). */
export interface Props {
  readonly text?: string | undefined;
  readonly className?: string | undefined;
  readonly onClick?: ClickHandler | undefined;
  readonly [attribute: string]: string | boolean | ClickHandler | undefined;
}

export type Child = Node | string | null | undefined | false;

/** Creates an element; strings among the children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, children?: readonly Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    for (const key of Object.keys(props)) {
      const value = props[key];
      if (value === undefined || value === false) continue;
      if (typeof value === 'function') {
        if (key === 'onClick') (node as HTMLElement).addEventListener('click', value);
      } else if (key === 'text') node.textContent = String(value);
      else if (key === 'className') node.className = String(value);
      else node.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children ?? []) {
    if (child === undefined || child === null || child === false) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A codicon; a name that is not a plain codicon name shows the question mark. */
export function icon(name: string, extraClass?: string): HTMLSpanElement {
  const safe = /^[a-z0-9-]+$/.test(name) ? name : 'question';
  return h('span', { className: `codicon codicon-${safe}${extraClass ? ` ${extraClass}` : ''}`, 'aria-hidden': 'true' });
}

export function section(title: string, id: string, children: readonly Child[]): HTMLElement {
  const headingId = `heading-${id}`;
  return h('section', { id, 'aria-labelledby': headingId }, [h('h2', { id: headingId, text: title }), ...children]);
}

export function definitionList(rows: readonly { readonly label: string; readonly value: string }[]): HTMLDListElement {
  return h('dl', { className: 'facts' }, rows.flatMap((row) => [h('dt', { text: row.label }), h('dd', { text: row.value })]));
}
