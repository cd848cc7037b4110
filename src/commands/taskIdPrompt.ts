import * as vscode from 'vscode';
import { normalizeTaskId } from '../api/taskId';
import type { BoundedIdList } from '../storage/boundedIdList';

const TITLE = 'Flexprice: Get Task';
const PROMPT = 'The ID of an import or export task, for example task_01JDX…';

interface IdItem extends vscode.QuickPickItem {
  readonly action: 'use' | 'type' | 'clear' | 'invalid';
  readonly id?: string;
}

/**
 * Asks for a task ID. With no history this is a plain input box that validates as you type.
 * With history, a quick pick lists recent IDs (most recent first) and takes a typed or pasted
 * ID too, plus "Clear recent IDs".
 */
export async function askForTaskId(recent: BoundedIdList): Promise<string | undefined> {
  const ids = recent.list();
  if (ids.length === 0) return askInInputBox();
  const choice = await pickFromRecent(ids);
  if (!choice) return undefined;
  if (choice.action === 'use') return choice.id;
  if (choice.action === 'clear') {
    await recent.clear();
    void vscode.window.showInformationMessage('Flexprice: recent task IDs cleared.');
  }
  return askInInputBox();
}

function askInInputBox(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: TITLE,
    prompt: PROMPT,
    placeHolder: 'task_…',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const result = normalizeTaskId(value);
      return result.ok ? undefined : result.reason;
    },
  });
}

function pickFromRecent(ids: readonly string[]): Promise<IdItem | undefined> {
  const recentItems: IdItem[] = ids.map((id) => ({ label: id, description: 'recent', action: 'use', id, alwaysShow: false }));
  const tail: IdItem[] = [
    { label: '', kind: vscode.QuickPickItemKind.Separator, action: 'type' },
    { label: '$(edit) Enter another task ID…', action: 'type', alwaysShow: true },
    { label: '$(clear-all) Clear recent IDs', action: 'clear', alwaysShow: true },
  ];
  const pick = vscode.window.createQuickPick<IdItem>();
  pick.title = TITLE;
  pick.placeholder = 'Paste a task ID, or pick a recent one';
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = false;
  pick.items = [...recentItems, ...tail];
  return new Promise<IdItem | undefined>((resolve) => {
    let settled = false;
    const finish = (item: IdItem | undefined) => {
      if (settled) return;
      settled = true;
      resolve(item);
      pick.dispose();
    };
    const typedItem = (value: string): IdItem[] => {
      if (!value.trim()) return [];
      const result = normalizeTaskId(value);
      if (!result.ok) return [{ label: `$(warning) ${result.reason}`, action: 'invalid', alwaysShow: true }];
      if (ids.includes(result.id)) return [];
      return [{ label: result.id, description: 'look up this ID', action: 'use', id: result.id, alwaysShow: true }];
    };
    pick.onDidChangeValue((value) => {
      pick.items = [...typedItem(value), ...recentItems, ...tail];
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      // The items follow the typed text a moment later (they are rebuilt in the extension
      // host), so a fast Enter may land on another item: a typed ID wins unless the chosen
      // recent ID is what the typing was narrowing down to.
      const typed = normalizeTaskId(pick.value);
      if (pick.value.trim() && !(chosen?.action === 'use' && typed.ok && chosen.id?.includes(typed.id))) {
        if (typed.ok) finish({ label: typed.id, action: 'use', id: typed.id });
        return;
      }
      if (chosen && chosen.action !== 'invalid') finish(chosen);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
