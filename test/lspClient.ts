// A real JSON-RPC client for end-to-end tests: spawns `node dist/server.js --stdio` and speaks
// LSP to it. Waits for events (diagnostics, notifications); never sleeps.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { type ClientCapabilities, type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams, createProtocolConnection } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', 'dist', 'server.js');

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  args?: string[];
  /** Options for node itself, e.g. ["--require", "guard.js"]. */
  nodeArgs?: string[];
  workspaceFolder?: string;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly stderr: string[] = [];
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly process: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.wake();
    });
    for (const method of ['unCitations/status', 'window/showMessage', 'window/logMessage']) {
      this.connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
        this.wake();
      });
    }
    this.connection.onRequest('workspace/configuration', () => [this.settings]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    process.stderr.on('data', (b) => this.stderr.push(String(b)));
    this.connection.listen();
  }

  settings: unknown = {};

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio', ...(options.args ?? [])], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    const client = new LspClient(child);
    const folder = options.workspaceFolder ? pathToFileURL(options.workspaceFolder).href : null;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: folder ? [{ uri: folder, name: 'ws' }] : null,
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  private wake() {
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves once `check` holds, re-checked on every message from the server. */
  until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({ check, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, changes: unknown[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics published for `uri` at `version` (or any version when not given). */
  async diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    await this.until(() => {
      const p = this.diagnostics.get(uri);
      return !!p && (version === undefined || p.version === version);
    }, `diagnostics for ${uri}${version ? ` v${version}` : ''}`);
    return this.diagnostics.get(uri)!.diagnostics;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => (this.process.kill('SIGKILL'), resolve()), 3000);
      this.process.once('exit', () => (clearTimeout(timer), resolve()));
    });
    this.connection.dispose();
  }
}
