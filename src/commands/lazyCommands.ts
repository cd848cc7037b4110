import * as vscode from 'vscode';
import type { CoreCommandId } from './commandIds';

export type CommandHandler = (...args: unknown[]) => unknown;

/** Where a command file defines what its command does. */
export interface CommandDefinitions {
  define(id: CoreCommandId, handler: CommandHandler): void;
}

/**
 * Registers commands with VS Code at activation while their code stays unloaded: the first run
 * of any of them calls `load`, which has each command file define its handler here.
 */
export class LazyCommands implements CommandDefinitions, vscode.Disposable {
  private readonly handlers = new Map<CoreCommandId, CommandHandler>();
  private readonly registrations: vscode.Disposable[];

  constructor(ids: readonly CoreCommandId[], private readonly load: () => void) {
    this.registrations = ids.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, args)));
  }

  define(id: CoreCommandId, handler: CommandHandler): void {
    if (this.handlers.has(id)) throw new Error(`${id} is defined twice`);
    this.handlers.set(id, handler);
  }

  private run(id: CoreCommandId, args: unknown[]): unknown {
    if (!this.handlers.has(id)) this.load();
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`${id} has no definition`);
    return handler(...args);
  }

  dispose(): void {
    this.registrations.forEach((registration) => registration.dispose());
  }
}
