import { button, type SendCommand } from './actions';
import { h } from './dom';
import type { ExportView } from './protocol/taskView';

/**
 * An export's facts under the task's: the data it copied (in words; the exact RFC 3339 bounds
 * in the tooltip), its file's size, and the schedule it ran from, which the host reveals.
 */
export function exportFacts(info: ExportView | undefined, send: SendCommand): HTMLElement | null {
  if (!info) return null;
  const { interval, fileSize, scheduleId } = info;
  return h('dl', { id: 'export-facts', className: 'facts' }, [
    ...(interval ? [h('dt', { text: 'Data' }), h('dd', { id: 'export-interval', text: interval.words, title: interval.utc })] : []),
    ...(fileSize ? [h('dt', { text: 'File size' }), h('dd', { id: 'export-size', text: fileSize })] : []),
    ...(scheduleId
      ? [
          h('dt', { text: 'From schedule' }),
          h('dd', { id: 'export-schedule' }, [h('code', { text: scheduleId }), ' ', button('Show schedule', 'calendar', 'revealSchedule', send)]),
        ]
      : []),
  ]);
}
