import { button, type SendCommand } from './actions';
import { h, section, type Child } from './dom';
import type { ErrorCause, ErrorsView } from './protocol/taskView';

/** The filter box's text, kept by the error table (errorTable.ts). */
export interface ErrorFilter {
  readonly text: string;
  set(text: string): void;
}

/**
 * The Errors section as built on each render: note, filter box and an empty table. The rows
 * and their count are the error table's to fill (errorTable.ts), so a patch leaves them be.
 */
export function errorsSection(errors: ErrorsView, filter: ErrorFilter, send: SendCommand): HTMLElement {
  if (errors.cause) return causeSection(errors.cause);
  const { entries } = errors;
  const children: Child[] = [];
  if (errors.note) children.push(h('p', { id: 'errors-note', className: entries.length ? 'subtle' : 'note', text: errors.note }));
  if (!entries.length) return section('Errors', 'errors', children);

  if (entries.some((e) => e.kind === 'Record')) {
    children.push(
      h('p', {
        className: 'subtle',
        text: 'Record numbers count from 0 within each 1,000-row chunk of the file, so "Record 3" is the fourth row of its chunk, not of the file.',
      }),
    );
  }
  children.push(
    h('div', { className: 'errors-tools' }, [
      filterBox(filter),
      button('Copy errors', 'copy', 'copyErrors', send),
      // The shown entries (filtered or all) as CSV or JSON, in a file the user picks.
      button('Save Errors…', 'save', 'saveErrors', send),
      h('span', { id: 'errors-shown', className: 'subtle', 'aria-live': 'polite' }),
    ]),
  );
  // A grid of divs with ARIA table roles rather than a <table>: each row lays out on its
  // own and rows out of view skip layout (content-visibility), so filtering 1,000 stays fast.
  children.push(
    h('div', { id: 'errors-table', className: 'errors errors-scroll', role: 'table', 'aria-label': 'Error entries', tabindex: '0' }, [
      h('div', { className: 'errors-head', role: 'rowgroup' }, [
        h('div', { className: 'error-row', role: 'row' }, [
          h('span', { role: 'columnheader', text: 'Kind' }),
          h('span', { role: 'columnheader', className: 'num', text: 'No.' }),
          h('span', { role: 'columnheader', text: 'Message' }),
        ]),
      ]),
      h('div', { id: 'errors-body', role: 'rowgroup' }),
    ]),
  );
  const built = section(`Errors (${entries.length.toLocaleString('en-US')})`, 'errors', children);
  built.querySelector('h2')!.setAttribute('data-count', String(entries.length));
  return built;
}

/**
 * A failed export's one error: its cause first, the server's full text (the workflow engine's
 * wrapping around it) one click away, collapsed.
 */
function causeSection(cause: ErrorCause): HTMLElement {
  return section('Error', 'errors', [
    h('p', { id: 'errors-cause', className: 'note' }, [h('strong', { text: 'Cause: ' }), h('span', { text: cause.text })]),
    cause.full
      ? h('details', { id: 'errors-full' }, [h('summary', { text: 'Full error from the server' }), h('pre', { className: 'errors-scroll', text: cause.full })])
      : null,
  ]);
}

function filterBox(filter: ErrorFilter): HTMLInputElement {
  const box = h('input', { id: 'errors-filter', type: 'search', placeholder: 'Filter errors', 'aria-label': 'Filter errors', spellcheck: 'false', autocomplete: 'off' });
  box.value = filter.text;
  box.addEventListener('input', () => filter.set(box.value));
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && box.value) {
      box.value = '';
      filter.set('');
    }
  });
  return box;
}
