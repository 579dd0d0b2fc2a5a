// The server's documents report each edit as the span of the text it replaced, with the versions it
// went between: the rescan takes the changed part from the editor only when both are right.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocuments } from 'vscode-languageserver';
import { trackedDocuments } from '../server/src/editTracking';
import type { EditHint } from '../server/src/citations/incremental';

test('an edit is reported in the old text, from the old version to the new', () => {
  const seen: { from: number; to: number; hint: EditHint | undefined }[] = [];
  const config = trackedDocuments((_uri, from, to, hint) => seen.push({ from, to, hint }));
  let d = config.create('file:///a.md', 'markdown', 1, 'line one\nline two\nline three\n');
  // Delete "two\nline " (a span that exists only in the old text), then type at the start.
  d = config.update(d, [
    { range: { start: { line: 1, character: 5 }, end: { line: 2, character: 5 } }, text: '' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '> ' },
  ], 2);
  assert.equal(d.getText(), '> line one\nline three\n');
  assert.deepEqual(seen, [
    { from: 1, to: 2, hint: { start: 14, oldEnd: 23, newEnd: 14 } },
    { from: 2, to: 2, hint: { start: 0, oldEnd: 0, newEnd: 2 } },
  ]);
  // A whole-text replacement has no span.
  config.update(d, [{ text: 'new' }], 3);
  assert.deepEqual(seen[2], { from: 2, to: 3, hint: undefined });
  assert.ok(new TextDocuments(config)); // the configuration TextDocuments takes
});
