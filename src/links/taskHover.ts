import * as vscode from 'vscode';
import { markdownText } from '../format/markdown';
import { GET_TASK_COMMAND, type TaskPeek } from './taskPeek';

/** `command:flexprice.getTask?["<id>"]`: what a link or the hover's Open runs. */
export function openTaskUri(id: string): vscode.Uri {
  return vscode.Uri.parse(`command:${GET_TASK_COMMAND}?${encodeURIComponent(JSON.stringify([id]))}`);
}

/**
 * The hover over a task ID: its status, type and entity, counts and age from `peek` (undefined
 * when core could not answer), then Open. Server text is escaped; the only command the Markdown
 * may run is Get Task.
 */
export function taskHoverMarkdown(id: string, peek: TaskPeek | undefined): vscode.MarkdownString {
  const lines: string[] = [];
  if (peek?.status !== undefined) {
    lines.push(`**${markdownText(peek.status)}**${peek.what ? ` · ${markdownText(peek.what)}` : ''}`);
    if (peek.counts) lines.push(markdownText(peek.counts));
  } else {
    lines.push(`Flexprice task${peek?.problem ? `: ${markdownText(peek.problem)}` : ''}`);
  }
  const where = [peek?.age, peek?.connection].filter((part): part is string => Boolean(part)).map(markdownText);
  if (where.length > 0) lines.push(where.join(' · '));
  const markdown = new vscode.MarkdownString(`${lines.join('  \n')}\n\n[Open](${openTaskUri(id).toString()} "Open Flexprice task")`);
  markdown.isTrusted = { enabledCommands: [GET_TASK_COMMAND] };
  return markdown;
}
