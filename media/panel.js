// The task panel's page. It receives plain data from the extension (see
// src/panel/panelMessages.ts) and builds every element with textContent, never innerHTML, so
// whatever the server sent (error_summary, file name, metadata) is shown as text and cannot run.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const app = document.getElementById('app');
  const saved = vscode.getState() || {};
  /** The task this panel belongs to; every message to the host names it. */
  let taskId = typeof saved.taskId === 'string' ? saved.taskId : undefined;
  let filterText = typeof saved.filter === 'string' ? saved.filter : '';
  let view;
  let problem;
  let noticeTimer;
  /** Error rows with the lower-cased text the filter searches; built once per render. */
  let errorRows = [];
  const FIRST_CHUNK = 60;
  const LATER_CHUNK = 250;

  function saveState() {
    vscode.setState({ taskId: taskId, filter: filterText });
  }

  function send(type, extra) {
    if (!taskId) return;
    vscode.postMessage(Object.assign({ type: type, taskId: taskId }, extra || {}));
  }

  /** Creates an element; strings among the children become text nodes. */
  function h(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const key of Object.keys(props)) {
        const value = props[key];
        if (value === undefined || value === null || value === false) continue;
        if (key === 'text') node.textContent = String(value);
        else if (key === 'className') node.className = value;
        else if (key === 'onClick') node.addEventListener('click', value);
        else node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children || []) {
      if (child === undefined || child === null || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function icon(name, extraClass) {
    const safe = /^[a-z0-9-]+$/.test(name) ? name : 'question';
    return h('span', { className: 'codicon codicon-' + safe + (extraClass ? ' ' + extraClass : ''), 'aria-hidden': 'true' });
  }

  function button(label, iconName, command, options) {
    const opts = options || {};
    const reasonId = opts.reason ? 'reason-' + command : undefined;
    const node = h(
      'button',
      {
        type: 'button',
        className: opts.primary ? 'primary' : 'secondary',
        'data-command': command,
        disabled: opts.disabled,
        title: opts.reason || label,
        'aria-describedby': opts.disabled ? reasonId : undefined,
        onClick: function () {
          send(command, opts.extra ? opts.extra() : undefined);
        },
      },
      [icon(iconName), h('span', { text: label })],
    );
    if (!opts.disabled || !opts.reason) return node;
    return h('span', { className: 'action-with-reason' }, [node, h('span', { id: reasonId, className: 'reason', text: opts.reason })]);
  }

  function section(title, id, children) {
    const headingId = 'heading-' + id;
    return h('section', { id: id, 'aria-labelledby': headingId }, [h('h2', { id: headingId, text: title })].concat(children));
  }

  function definitionList(rows) {
    return h(
      'dl',
      { className: 'facts' },
      rows.flatMap(function (row) {
        return [h('dt', { text: row.label }), h('dd', { text: row.value })];
      }),
    );
  }

  /** The error entries the table was built from: an update that keeps them keeps the table as it is. */
  let shownEntries;

  function render() {
    app.setAttribute('aria-busy', 'false');
    if (!view) {
      const subject = taskId ? 'task ' + taskId : 'task';
      app.replaceChildren(h('p', { className: 'placeholder', text: problem ? 'Could not load ' + subject + '.' : 'Loading ' + subject + '…' }));
      app.removeAttribute('data-task');
      if (problem) app.appendChild(problemBanner());
      return;
    }
    const started = performance.now();
    const fresh = [header(), h('div', { id: 'banners' }, [stalledBanner(), problem ? problemBanner() : null, h('div', { id: 'notice', role: 'status', className: 'notice' })])];
    // What a person asks first ("did it work, which rows failed?") comes first.
    fresh.push(overview(), records(), errors(), times(), metadata());
    const entries = JSON.stringify(view.errors.entries);
    // A newer copy of the task on screen is patched in, so the reader keeps their place.
    const update = app.getAttribute('data-task') === view.id;
    // Read before the patch, which may put a new table in place of the one the reader scrolled.
    const table = document.getElementById('errors-table');
    const tableScroll = update && table ? table.scrollTop : 0;
    if (update) patchChildren(app, fresh);
    else app.replaceChildren.apply(app, fresh);
    app.setAttribute('data-task', view.id);
    if (!update || entries !== shownEntries) {
      shownEntries = entries;
      const body = document.getElementById('errors-body');
      if (!update) errorRows = [];
      if (body) buildErrorRows(view.errors.entries, body, document.getElementById('errors-shown'), tableScroll);
      else errorRows = [];
    }
    app.dataset.renderMs = String(Math.round((performance.now() - started) * 100) / 100);
  }

  /** Elements other code keeps up to date (error rows, their count, notices): a patch leaves them be. */
  const SELF_MANAGED = new Set(['errors-body', 'errors-shown', 'notice']);

  function sameKind(a, b) {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
    // A button's click handler is its command: another command is another button.
    return a.nodeType !== Node.ELEMENT_NODE || (a.id === b.id && a.getAttribute('data-command') === b.getAttribute('data-command'));
  }

  /**
   * Turns `old` into `fresh` in place, changing only what differs: unchanged text keeps a
   * selection, and kept elements their scroll position, focus and typed value.
   */
  function patch(old, fresh) {
    if (!sameKind(old, fresh)) return old.replaceWith(fresh);
    if (old.nodeType !== Node.ELEMENT_NODE) {
      if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
      return;
    }
    if (SELF_MANAGED.has(old.id)) return;
    for (const attr of Array.from(old.attributes)) if (!fresh.hasAttribute(attr.name)) old.removeAttribute(attr.name);
    for (const attr of Array.from(fresh.attributes)) {
      // Through CSSOM: the CSP refuses style attributes.
      if (attr.name === 'style') old.style.cssText = fresh.style.cssText;
      else if (old.getAttribute(attr.name) !== attr.value) old.setAttribute(attr.name, attr.value);
    }
    patchChildren(old, Array.from(fresh.childNodes));
  }

  function patchChildren(parent, freshChildren) {
    const old = Array.from(parent.childNodes);
    freshChildren.forEach(function (child, i) {
      if (i < old.length) patch(old[i], child);
      else parent.appendChild(child);
    });
    for (let i = freshChildren.length; i < old.length; i++) old[i].remove();
  }

  function header() {
    const actions = view.actions;
    return h('header', { className: 'task-header' }, [
      h('div', { className: 'title-row' }, [
        h('h1', { id: 'task-title', text: view.title }),
        h('span', { id: 'status', className: 'badge tone-' + view.status.tone, role: 'status', 'aria-label': 'Status: ' + view.status.label }, [
          icon(view.status.icon, view.status.tone === 'processing' ? 'codicon-modifier-spin' : ''),
          h('span', { text: view.status.label }),
        ]),
        view.live
          ? h('span', { className: 'live' + (view.stalled ? ' rarely' : ''), title: view.liveNote.title }, [icon(view.stalled ? 'watch' : 'broadcast'), h('span', { text: view.liveNote.label })])
          : null,
      ]),
      h('p', { className: 'subtle', id: 'fetched', text: view.updatedLabel }),
      h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Task actions' }, [
        button('Refresh', 'refresh', 'refresh', { primary: true }),
        button('Copy ID', 'copy', 'copyId'),
        button('Copy as JSON', 'json', 'copyJson'),
        button('Open as JSON', 'go-to-file', 'openJson'),
        button('Open File', 'link-external', 'openFile', { disabled: !actions.openFile.enabled, reason: actions.openFile.reason }),
        actions.openInEditor.offered
          ? button('Open export in editor', 'file-text', 'openInEditor', { disabled: !actions.openInEditor.enabled, reason: actions.openInEditor.reason })
          : null,
      ]),
    ]);
  }

  /** Always there, hidden when the task is not stalled: a banner coming or going moves nothing else. */
  function stalledBanner() {
    return h('div', { id: 'stalled', className: 'banner stalled', role: 'status', hidden: !view.stalled }, view.stalled ? [icon('watch'), h('span', { text: view.stalled })] : []);
  }

  function problemBanner() {
    return h('div', { className: 'banner problem', role: 'alert' }, [
      icon('warning'),
      h('span', { id: 'problem-text', text: problem.message }),
      problem.retryable ? button('Retry', 'refresh', 'refresh') : null,
    ]);
  }

  function overview() {
    const idRow = h('div', { className: 'id-row' }, [
      h('code', { id: 'task-id', text: view.id }),
      h(
        'button',
        { type: 'button', className: 'icon-button', title: 'Copy ID', 'aria-label': 'Copy task ID', onClick: function () { send('copyId'); } },
        [icon('copy')],
      ),
    ]);
    return section('Task', 'overview', [
      h('div', { className: 'id-line' }, [h('span', { className: 'label', text: 'ID' }), idRow]),
      h('div', { className: 'columns' }, [definitionList(view.facts), definitionList(view.details)]),
    ]);
  }

  function records() {
    const r = view.records;
    const tiles = h('div', { className: 'tiles' }, [
      tile('Total', r.total, 'total'),
      tile('Processed', r.processed, 'processed'),
      tile('Successful', r.successful, 'successful'),
      tile('Failed', r.failed, 'failed', r.hasFailures ? 'has-failures' : ''),
    ]);
    const p = r.progress;
    let bar = null;
    if (p.mode === 'determinate') {
      bar = h('div', { className: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(p.percent), 'aria-label': p.label }, [
        h('div', { className: 'progress-fill', style: undefined }),
      ]);
      // Width through CSSOM: the CSP forbids inline style attributes.
      bar.firstChild.style.width = Math.max(0, Math.min(100, p.percent)) + '%';
    } else if (p.mode === 'indeterminate') {
      bar = h('div', { className: 'progress indeterminate', role: 'progressbar', 'aria-label': p.label }, [h('div', { className: 'progress-fill' })]);
    }
    return section('Records', 'records', [tiles, bar, p.label ? h('p', { className: 'subtle', id: 'progress-label', text: p.label }) : null]);
  }

  function tile(label, value, id, extraClass) {
    return h('div', { className: 'tile ' + (extraClass || ''), id: 'count-' + id }, [h('span', { className: 'tile-value', text: value }), h('span', { className: 'tile-label', text: label })]);
  }

  function times() {
    const rows = view.times.map(function (t) {
      return h('tr', null, [h('th', { scope: 'row', text: t.label }), h('td', { text: t.local, title: t.iso }), h('td', { className: 'subtle', text: t.relative })]);
    });
    return section('Times', 'times', [
      rows.length ? h('table', { className: 'kv' }, [h('tbody', null, rows)]) : h('p', { className: 'subtle', text: 'No times recorded.' }),
      view.duration ? h('p', { id: 'duration', text: view.duration }) : null,
    ]);
  }

  function metadata() {
    if (!view.metadata.length) return section('Metadata', 'metadata', [h('p', { className: 'subtle', text: 'No metadata.' })]);
    const rows = view.metadata.map(function (m) {
      return h('tr', null, [h('th', { scope: 'row', text: m.key }), h('td', null, [m.json ? h('pre', { text: m.value }) : m.value])]);
    });
    return section('Metadata', 'metadata', [h('table', { className: 'kv' }, [h('tbody', null, rows)])]);
  }

  function errors() {
    const entries = view.errors.entries;
    const children = [];
    if (view.errors.note) children.push(h('p', { id: 'errors-note', className: entries.length ? 'subtle' : 'note', text: view.errors.note }));
    if (!entries.length) return section('Errors', 'errors', children);

    if (entries.some(function (e) { return e.kind === 'Record'; })) {
      children.push(
        h('p', {
          className: 'subtle',
          text: 'Record numbers count from 0 within each 1,000-row chunk of the file, so "Record 3" is the fourth row of its chunk, not of the file.',
        }),
      );
    }
    const shown = h('span', { id: 'errors-shown', className: 'subtle', 'aria-live': 'polite' });
    const filter = h('input', {
      id: 'errors-filter',
      type: 'search',
      placeholder: 'Filter errors',
      'aria-label': 'Filter errors',
      spellcheck: 'false',
      autocomplete: 'off',
    });
    filter.value = filterText;
    filter.addEventListener('input', function () {
      filterText = filter.value;
      applyFilter();
      saveState();
    });
    filter.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && filter.value) {
        filter.value = '';
        filterText = '';
        applyFilter();
        saveState();
      }
    });
    children.push(
      h('div', { className: 'errors-tools' }, [
        filter,
        button('Copy errors', 'copy', 'copyErrors', { extra: function () { return { filter: filterText }; } }),
        shown,
      ]),
    );
    // A grid of divs with ARIA table roles rather than a <table>: each row lays out on its
    // own and rows out of view skip layout (content-visibility), so filtering 1,000 stays fast.
    const body = h('div', { id: 'errors-body', role: 'rowgroup' });
    children.push(
      h('div', { id: 'errors-table', className: 'errors errors-scroll', role: 'table', 'aria-label': 'Error entries', tabindex: '0' }, [
        h('div', { className: 'errors-head', role: 'rowgroup' }, [
          h('div', { className: 'error-row', role: 'row' }, [
            h('span', { role: 'columnheader', text: 'Kind' }),
            h('span', { role: 'columnheader', className: 'num', text: 'No.' }),
            h('span', { role: 'columnheader', text: 'Message' }),
          ]),
        ]),
        body,
      ]),
    );
    const heading = section('Errors (' + entries.length.toLocaleString('en-US') + ')', 'errors', children);
    heading.querySelector('h2').setAttribute('data-count', String(entries.length));
    return heading;
  }

  /**
   * Shows the rows matching the filter: the first chunk at once, the rest in later frames, so
   * neither a long summary nor a keystroke ever blocks the page. Row elements are built once
   * and reused; a newer render, or a filter that changes the matches, cancels the chunks still
   * pending. An entry an update leaves as it was keeps its row, and the table its `scrollTop`.
   */
  function buildErrorRows(entries, body, shown, scrollTop) {
    const previous = errorRows;
    errorRows = entries.map(function (entry, i) {
      const old = previous[i];
      return old && old.entry.text === entry.text ? old : { entry: entry, row: undefined, haystack: String(entry.text).toLowerCase() };
    });
    showMatchingRows(body, shown, scrollTop);
  }

  /** The Kind column of each entry kind the host tells apart; any other entry shows "—". */
  const KIND_LABELS = { Record: 'Record', Chunk: 'Chunk', finalChunk: 'Final chunk' };

  function rowFor(item) {
    if (!item.row) {
      const entry = item.entry;
      const label = Object.prototype.hasOwnProperty.call(KIND_LABELS, entry.kind) ? KIND_LABELS[entry.kind] : undefined;
      item.row = h('div', { role: 'row', className: 'error-row kind-' + (label ? entry.kind.toLowerCase() : 'other') }, [
        h('span', { role: 'cell', className: 'kind', text: label || '—' }),
        h('span', { role: 'cell', className: 'num', text: entry.number === undefined || entry.number === null ? '' : String(entry.number) }),
        h('span', { role: 'cell', className: 'message', text: entry.message }),
      ]);
    }
    return item.row;
  }

  let filterGeneration = 0;
  /** The rows the table holds or is still adding, in order, and the element that holds them. */
  let listedRows;
  let listedIn;
  function showMatchingRows(body, shown, scrollTop) {
    if (body !== listedIn) {
      listedRows = undefined;
      listedIn = body;
    }
    const needle = filterText.trim().toLowerCase();
    const matches = needle
      ? errorRows.filter(function (item) {
          return item.haystack.indexOf(needle) !== -1;
        })
      : errorRows;
    const count = function (n) {
      return n.toLocaleString('en-US');
    };
    shown.textContent = needle ? 'Showing ' + count(matches.length) + ' of ' + count(errorRows.length) : count(errorRows.length) + ' entries';
    // Most keystrokes leave the matches as they were ("cust" → "custo", "" → "c"): then the
    // table, and any chunks still to come, stay as they are.
    if (sameRows(matches, listedRows)) return;
    // A longer query only takes rows away: those go, the rest keep their layout.
    if (body.getAttribute('data-complete') === 'true' && isSubset(matches, listedRows)) {
      const kept = new Set(matches);
      for (const item of listedRows) if (!kept.has(item)) item.row.remove();
      listedRows = matches;
      return;
    }
    // Rows that stay first (entries appended by an update, say) stay in place; the rest go.
    let next = body.getAttribute('data-complete') === 'true' ? sharedStart(matches, listedRows) : 0;
    if (next === 0) body.replaceChildren();
    else for (const item of listedRows.slice(next)) item.row.remove();
    listedRows = matches;
    const generation = ++filterGeneration;
    body.setAttribute('data-complete', 'false');
    const table = body.closest('.errors-scroll');
    function appendRows(size) {
      const fragment = document.createDocumentFragment();
      const end = Math.min(matches.length, next + size);
      for (; next < end; next++) fragment.appendChild(rowFor(matches[next]));
      body.appendChild(fragment);
    }
    function addChunk(size) {
      if (generation !== filterGeneration) return;
      appendRows(size);
      // Enough rows to scroll back to where the reader was, before the next paint, so no frame
      // shows the table elsewhere.
      if (scrollTop > 0 && table) {
        while (next < matches.length && table.scrollHeight - table.clientHeight < scrollTop) appendRows(LATER_CHUNK);
        table.scrollTop = scrollTop;
        scrollTop = 0;
      }
      if (next < matches.length) {
        afterNextPaint(function () {
          addChunk(LATER_CHUNK);
        });
      } else {
        body.setAttribute('data-complete', 'true');
      }
    }
    addChunk(FIRST_CHUNK);
  }

  /** How many rows `a` and `b` have in common from the start. */
  function sharedStart(a, b) {
    let i = 0;
    if (b) while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  }

  function sameRows(a, b) {
    if (!b || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function isSubset(items, of) {
    if (!of) return false;
    const all = new Set(of);
    return items.every(function (item) {
      return all.has(item);
    });
  }

  /**
   * Runs `callback` in a task once the next frame has been painted. A requestAnimationFrame
   * callback alone would run before that paint, so the next chunk would delay the first rows.
   */
  function afterNextPaint(callback) {
    requestAnimationFrame(function () {
      setTimeout(callback, 0);
    });
  }

  function applyFilter() {
    const body = document.getElementById('errors-body');
    if (body) showMatchingRows(body, document.getElementById('errors-shown'));
  }

  function showNotice(message) {
    const notice = document.getElementById('notice');
    if (!notice) return;
    notice.textContent = message;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(function () {
      notice.textContent = '';
    }, 4000);
  }

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'task':
        if (!message.view || typeof message.view.id !== 'string') return;
        view = message.view;
        if (taskId !== view.id) filterText = '';
        taskId = view.id;
        problem = undefined;
        saveState();
        keepScroll(render);
        break;
      case 'times':
        // The same task as of now: its times (and whether it stalled) patched in, all else kept.
        if (!view || message.taskId !== view.id || !message.view || typeof message.view !== 'object') return;
        view = Object.assign({}, view, pick(message.view, TIME_FIELDS));
        keepScroll(render);
        break;
      case 'loading':
        if (typeof message.taskId === 'string') taskId = message.taskId;
        saveState();
        if (!view) {
          problem = undefined;
          render();
        }
        break;
      case 'problem':
        problem = { message: String(message.message), retryable: Boolean(message.retryable) };
        keepScroll(render);
        break;
      case 'notice':
        showNotice(String(message.message));
        break;
    }
  });

  /** What a 'times' message may change: the fields of TaskTimeView (src/panel/taskTimeView.ts). */
  const TIME_FIELDS = ['times', 'duration', 'live', 'liveNote', 'stalled', 'updatedLabel'];

  function pick(source, keys) {
    const picked = {};
    for (const key of keys) if (Object.prototype.hasOwnProperty.call(source, key)) picked[key] = source[key];
    return picked;
  }

  /** Re-renders without losing the reader's place or the filter box focus. */
  function keepScroll(action) {
    const x = window.scrollX;
    const y = window.scrollY;
    const filterFocused = document.activeElement && document.activeElement.id === 'errors-filter';
    action();
    window.scrollTo(x, y);
    if (filterFocused) {
      const filter = document.getElementById('errors-filter');
      if (filter) filter.focus();
    }
  }

  render();
  // The host posts nothing until it knows the page is listening.
  if (taskId) send('ready');
  else vscode.postMessage({ type: 'ready', taskId: null });
})();
