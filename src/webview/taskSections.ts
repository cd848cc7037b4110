import type { SendCommand } from './actions';
import { definitionList, h, icon, section } from './dom';
import { exportFacts } from './exportFacts';
import type { TaskView } from './protocol/taskView';

/** The sections below the header, but for the errors (errorsSection.ts). */

export function overview(view: TaskView, send: SendCommand): HTMLElement {
  const idRow = h('div', { className: 'id-row' }, [
    h('code', { id: 'task-id', text: view.id }),
    h('button', { type: 'button', className: 'icon-button', title: 'Copy ID', 'aria-label': 'Copy task ID', onClick: () => send('copyId') }, [icon('copy')]),
  ]);
  return section('Task', 'overview', [
    h('div', { className: 'id-line' }, [h('span', { className: 'label', text: 'ID' }), idRow]),
    h('div', { className: 'columns' }, [definitionList(view.facts), definitionList(view.details)]),
    exportFacts(view.exportInfo, send),
  ]);
}

export function records(view: TaskView): HTMLElement {
  const r = view.records;
  const tiles = h('div', { className: 'tiles' }, [
    tile('Total', r.total, 'total'),
    tile('Processed', r.processed, 'processed'),
    tile('Successful', r.successful, 'successful'),
    tile('Failed', r.failed, 'failed', r.hasFailures ? 'has-failures' : ''),
  ]);
  const p = r.progress;
  let bar: HTMLElement | null = null;
  if (p.mode === 'determinate') {
    const fill = h('div', { className: 'progress-fill' });
    // Width through CSSOM: the CSP forbids inline style attributes.
    fill.style.width = `${Math.max(0, Math.min(100, p.percent))}%`;
    bar = h('div', { className: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(p.percent), 'aria-label': p.label }, [fill]);
  } else if (p.mode === 'indeterminate') {
    bar = h('div', { className: 'progress indeterminate', role: 'progressbar', 'aria-label': p.label }, [h('div', { className: 'progress-fill' })]);
  }
  return section('Records', 'records', [tiles, bar, p.label ? h('p', { className: 'subtle', id: 'progress-label', text: p.label }) : null]);
}

function tile(label: string, value: string, id: string, extraClass?: string): HTMLElement {
  return h('div', { className: `tile ${extraClass || ''}`, id: `count-${id}` }, [h('span', { className: 'tile-value', text: value }), h('span', { className: 'tile-label', text: label })]);
}

export function times(view: TaskView): HTMLElement {
  const rows = view.times.map((t) => h('tr', null, [h('th', { scope: 'row', text: t.label }), h('td', { text: t.local, title: t.iso }), h('td', { className: 'subtle', text: t.relative })]));
  return section('Times', 'times', [
    rows.length ? h('table', { className: 'kv' }, [h('tbody', null, rows)]) : h('p', { className: 'subtle', text: 'No times recorded.' }),
    view.duration ? h('p', { id: 'duration', text: view.duration }) : null,
  ]);
}

export function metadata(view: TaskView): HTMLElement {
  if (!view.metadata.length) return section('Metadata', 'metadata', [h('p', { className: 'subtle', text: 'No metadata.' })]);
  const rows = view.metadata.map((m) => h('tr', null, [h('th', { scope: 'row', text: m.key }), h('td', null, [m.json ? h('pre', { text: m.value }) : m.value])]));
  return section('Metadata', 'metadata', [h('table', { className: 'kv' }, [h('tbody', null, rows)])]);
}
