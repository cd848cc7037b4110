import type * as vscode from 'vscode';
import { Position, Range, Uri } from '../vscodeStandIn';

/**
 * A TextDocument as the extension host keeps one: the text with its line starts computed once
 * (VS Code's prefix sums), `offsetAt`/`positionAt` by binary search, `getText(range)` a slice.
 * For the link provider in plain Node: unit tests and the links benchmark.
 */
export function textDocument(text: string, uri = 'untitled:Untitled-1'): vscode.TextDocument {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const lineEnd = (line: number) => (line + 1 < starts.length ? starts[line + 1]! - 1 : text.length);
  const offsetAt = (position: vscode.Position) => {
    const line = Math.min(Math.max(0, position.line), starts.length - 1);
    return Math.min(starts[line]! + Math.max(0, position.character), lineEnd(line));
  };
  const positionAt = (offset: number) => {
    const at = Math.min(Math.max(0, offset), text.length);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return new Position(low, at - starts[low]!);
  };
  const document = {
    uri: Uri.parse(uri),
    lineCount: starts.length,
    offsetAt,
    positionAt,
    lineAt: (line: number) => ({ text: text.slice(starts[line]!, lineEnd(line)), range: new Range(line, 0, line, lineEnd(line) - starts[line]!) }),
    getText: (range?: vscode.Range) => (range ? text.slice(offsetAt(range.start), offsetAt(range.end)) : text),
  };
  return document as unknown as vscode.TextDocument;
}
