// What every real-VS-Code runner shares: the extension-host suite, the workspace it opens and the
// user settings it starts with. code-server (runner.ts, CI) and @vscode/test-electron (electron.ts,
// `npm run test:vscode` on desktop VS Code) both read them from here; a test checks they do.

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HERE = __dirname;
export const ROOT = join(__dirname, '..', '..');
/** The extension-host suite (exports `run()`, as both runners expect). */
export const SUITE = join(HERE, 'suite', 'index.js');
export const WORKSPACE_TEMPLATE = join(HERE, 'workspace');
/** A quiet workbench: no start page, no trust prompt, no telemetry or updates. */
export const USER_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
});

/** A copy of the test workspace (the suite edits and undoes; each run starts clean). */
export function freshWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'un-ws-'));
  cpSync(WORKSPACE_TEMPLATE, dir, { recursive: true });
  return dir;
}

/** Writes the shared user settings into a user-data folder. */
export function writeUserSettings(userData: string): void {
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
}
