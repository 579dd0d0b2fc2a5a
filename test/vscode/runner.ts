// Runs the extension in real VS Code: code-server (VS Code 1.100.3 from npm) on loopback, its
// workbench opened in Debian's Chromium by playwright-core, which asks the workbench to load the
// extension under development and call a tests module's run() in the extension host (the same
// contract as @vscode/test-electron, which cannot download VS Code on this machine).

import { HERE, writeUserSettings } from './suiteConfig';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { HERE };
const CODE_SERVER = join(HERE, 'node_modules', '.bin', 'code-server');

/** Installs code-server and playwright-core (pinned by this folder's package-lock.json) once. */
export function ensureInstalled(): void {
  execFileSync('bash', [join(HERE, 'setup.sh')], { stdio: 'inherit', timeout: 600_000 });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface CodeServer {
  port: number;
  url: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

export async function startCodeServer(workspace: string, options: { extensionsDir?: string } = {}): Promise<CodeServer> {
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'un-code-server-'));
  const userData = join(root, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(root, 'extensions');
  writeUserSettings(userData);
  mkdirSync(extensionsDir, { recursive: true });
  const config = join(root, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  // Its own process group: extension hosts and watchers outlive the wrapper otherwise.
  const child = spawn(CODE_SERVER, ['--config', config, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensionsDir, workspace], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: root },
  });
  const log: string[] = [];
  child.stdout?.on('data', (b) => log.push(String(b)));
  child.stderr?.on('data', (b) => log.push(String(b)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, log);
  return { port, url, extensionsDir, stop: () => stopGroup(child) };
}

async function waitForHealth(url: string, child: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}:\n${log.join('')}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not become healthy:\n${log.join('')}`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || !child.pid) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
      resolve();
    }, 5000).unref();
  });
}

export function installVsix(vsix: string, extensionsDir: string): string {
  return execFileSync(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--force'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'un-home-')) } });
}

async function browser() {
  // playwright-core lives in this folder's own node_modules.
  const { chromium } = require(join(HERE, 'node_modules', 'playwright-core')) as { chromium: Chromium };
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// The few playwright-core shapes used here (its types live in this folder's own node_modules,
// which the type check of the main project does not install).
interface Locator {
  click(): Promise<void>;
  filter(o: { hasText: RegExp }): Locator;
  first(): Locator;
  waitFor(o: { timeout: number }): Promise<void>;
  getAttribute(name: string): Promise<string | null>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
}
interface Page {
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
  goto(url: string): Promise<unknown>;
  waitForSelector(selector: string, o: { timeout: number }): Promise<unknown>;
  keyboard: { press(key: string): Promise<void>; type(text: string, o?: { delay: number }): Promise<void> };
  waitForTimeout(ms: number): Promise<void>;
  locator(selector: string): Locator;
  screenshot(o: { path: string }): Promise<unknown>;
}
interface Browser {
  newPage(o?: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}
interface Chromium {
  launch(o: { executablePath: string; args: string[] }): Promise<Browser>;
}

export interface SuiteResult {
  exitCode: number;
  log: string[];
}

/** Opens the workbench with a test payload and returns the suite's exit code and console output. */
export async function runSuite(server: CodeServer, folder: string, extensionDevelopmentPath: string, extensionTestsPath: string, timeoutMs = 180_000): Promise<SuiteResult> {
  const b = await browser();
  const log: string[] = [];
  try {
    const page = await b.newPage();
    let finish: (code: number) => void = () => undefined;
    const done = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => log.push(`[${type}] ${(args ?? []).map(String).join(' ')}`));
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)], ['extensionTestsPath', remote(extensionTestsPath)]];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timer = new Promise<number>((resolve) => setTimeout(() => resolve(-1), timeoutMs).unref());
    const exitCode = await Promise.race([done, timer]);
    if (exitCode === -1) log.push('timed out waiting for the test suite to finish');
    return { exitCode, log };
  } finally {
    await b.close();
  }
}

/** The workbench on `folder`, with `file` opened from the Explorer as a person would (a screenshot if it fails). */
async function openDraft(b: Browser, server: CodeServer, folder: string, file: string, screenshot: string): Promise<Page> {
  const page = await b.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const entry = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${file}"]`).first();
  await entry.waitFor({ timeout: 60_000 });
  await entry.click();
  try {
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  } catch (e) {
    await page.screenshot({ path: screenshot });
    throw e;
  }
  return page;
}

/**
 * Opens the workbench as a user would, with the draft in an editor, and returns what the status
 * bar's Problems item says and the text of the hover shown at the cursor; saves a screenshot.
 */
export async function lookAtWorkbench(server: CodeServer, folder: string, file: string, cursorText: string, hoverPattern: RegExp, screenshot: string): Promise<{ problems: string; hover: string }> {
  const b = await browser();
  try {
    const page = await openDraft(b, server, folder, file, screenshot);
    // Wait until the server's diagnostics are counted in the status bar.
    const problemsItem = page.locator('#status\\.problems');
    await problemsItem.filter({ hasText: /[1-9]/ }).waitFor({ timeout: 60_000 });
    const problems = (await problemsItem.getAttribute('aria-label')) ?? (await problemsItem.innerText());
    // Put the cursor on the citation with Find, then show the hover from the keyboard.
    await page.keyboard.press('Control+F');
    await page.keyboard.type(cursorText);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // The hover widget can first show the link's tooltip; wait for the part the server sends.
    const hover = page.locator('.monaco-hover-content').filter({ hasText: hoverPattern }).first();
    await hover.waitFor({ timeout: 30_000 });
    const text = await hover.innerText();
    await page.screenshot({ path: screenshot });
    return { problems, hover: text };
  } finally {
    await b.close();
  }
}

/**
 * Opens the draft in the workbench, types the start of an instrument word and asks for suggestions,
 * then asks for the quick fixes of the broken citation, as a person would from the keyboard; returns
 * the rows of the suggest widget and of the quick-fix menu, and saves a screenshot of each.
 */
export async function lookAtCompletionAndQuickFix(server: CodeServer, folder: string, file: string, typed: string, brokenText: string, screenshots: { completion: string; quickFix: string }): Promise<{ suggestions: string[]; quickFixes: string[] }> {
  const b = await browser();
  try {
    const page = await openDraft(b, server, folder, file, screenshots.completion);
    await page.locator('#status\\.problems').filter({ hasText: /[1-9]/ }).waitFor({ timeout: 60_000 });
    // Completion: a new paragraph at the end, the first letters of an instrument, Ctrl+Space.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type(typed, { delay: 30 });
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    const suggestions = await rows.allInnerTexts();
    await page.screenshot({ path: screenshots.completion });
    await page.keyboard.press('Escape');
    // Quick fix: the cursor on the broken citation, Ctrl+. opens the fixes.
    await page.keyboard.press('Control+F');
    await page.keyboard.type(brokenText);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+.');
    const fixes = page.locator('.action-widget .monaco-list-row, .context-view .monaco-list-row');
    await fixes.first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    const quickFixes = await fixes.allInnerTexts();
    await page.screenshot({ path: screenshots.quickFix });
    return { suggestions, quickFixes };
  } finally {
    await b.close();
  }
}
