import type * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientProvider } from '../auth/clientProvider';
import type { TaskPanels } from '../panel/taskPanels';
import type { TaskTree } from '../tree/taskTree';
import type { ScheduledExports } from '../scheduleView/scheduledExports';
import type { CommandDefinitions } from './lazyCommands';
import type { BoundedIdList } from '../storage/boundedIdList';
import type { Logger } from '../log/logger';
import type { ConnectionIdentifier } from '../auth/connectionIdentifier';

/** What the commands in core are given: where to define themselves, and the parts they work on. */
export interface CoreCommandDeps {
  readonly commands: CommandDefinitions;
  readonly context: vscode.ExtensionContext;
  readonly keys: ApiKeyStore;
  readonly clients: ClientProvider;
  /** The sidebar: its poller, its view and the Watched group. */
  readonly tree: TaskTree;
  /** The Scheduled Exports view and the runs it follows. */
  readonly schedules: ScheduledExports;
  readonly panels: TaskPanels;
  /** Task IDs looked up recently with the active connection. */
  readonly recent: BoundedIdList;
  readonly log: Logger;
  /** Learns what the active connection is, after a switch. */
  readonly identifier: ConnectionIdentifier;
}
