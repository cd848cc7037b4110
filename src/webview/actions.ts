import { h, icon } from './dom';
import type { TaskCommand } from './protocol/messages';

/** Asks the host to do something with the task on screen. */
export type SendCommand = (command: TaskCommand) => void;

interface ButtonOptions {
  readonly primary?: boolean;
  readonly disabled?: boolean;
  /** Why the button is disabled: its tooltip, and shown beside it. */
  readonly reason?: string | undefined;
}

/** A button that sends `command`; the command is its identity when the page is patched (patch.ts). */
export function button(label: string, iconName: string, command: TaskCommand, send: SendCommand, options: ButtonOptions = {}): HTMLElement {
  const reasonId = options.reason ? `reason-${command}` : undefined;
  const node = h(
    'button',
    {
      type: 'button',
      className: options.primary ? 'primary' : 'secondary',
      'data-command': command,
      disabled: options.disabled,
      title: options.reason || label,
      'aria-describedby': options.disabled ? reasonId : undefined,
      onClick: () => send(command),
    },
    [icon(iconName), h('span', { text: label })],
  );
  if (!options.disabled || !options.reason) return node;
  return h('span', { className: 'action-with-reason' }, [node, h('span', { id: reasonId, className: 'reason', text: options.reason })]);
}
