// A minimal Language Server Protocol client for the editor test: JSON-RPC 2.0 with Content-Length framing over a
// child process's stdio. No dependency: the protocol is a few dozen lines, and a hand-written client keeps every
// message the server sends visible for the failure report (`transcript()`).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  code?: string | number;
  source?: string;
  codeDescription?: { href: string };
}
export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: WorkspaceEdit;
  command?: Command;
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type RequestHandler = (params: unknown) => unknown;

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly listeners = new Set<(message: Message) => void>();
  private readonly log: string[] = [];
  private readonly exited: Promise<number | null>;

  constructor(command: string, args: string[], cwd: string) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.note(`stderr: ${chunk.toString('utf8').trimEnd()}`));
    this.child.on('error', (error) => this.note(`spawn error: ${error.message}`));
    this.child.stdin.on('error', (error) => this.note(`stdin error: ${error.message}`));
    this.child.once('exit', (code, signal) => {
      this.note(`server exited: code ${code} signal ${signal}`);
      for (const [, { method, reject }] of this.pending) reject(new Error(`server exited before answering ${method}`));
      this.pending.clear();
    });
  }

  /** Everything the server said outside of responses, plus stderr: printed when a test fails. */
  transcript(): string {
    return this.log.join('\n');
  }

  /** Answer a server-to-client request. Unhandled requests are answered with `null` and logged. */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  /** Observe every server notification `method` (in addition to any `waitForNotification`). */
  onNotification(method: string, handler: (params: unknown) => void): void {
    this.listeners.add((message) => {
      if (message.method === method && message.id === undefined) handler(message.params);
    });
  }

  request<T>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms\n${this.transcript()}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the params of the first notification `method` that satisfies `accept`. */
  waitForNotification<T>(method: string, accept: (params: T) => boolean = () => true, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const listener = (message: Message) => {
        if (message.method !== method || message.id !== undefined) return;
        if (!accept(message.params as T)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message.params as T);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${method} within ${timeoutMs} ms\n${this.transcript()}`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /**
   * `shutdown` then `exit`, as an editor closes a server; a server that does not answer or exit in time is killed
   * (SIGKILL) so no process outlives the test. Resolves with the exit code (null when it had to be killed).
   */
  async stop(timeoutMs = 10_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const killTimer = setTimeout(() => {
      this.note(`server did not stop within ${timeoutMs} ms: killing it`);
      this.child.kill('SIGKILL');
    }, timeoutMs);
    try {
      await this.request('shutdown', null, timeoutMs).catch((error: unknown) => this.note(`shutdown failed: ${String(error)}`));
      if (this.child.exitCode === null) this.notify('exit', null);
      return await this.exited;
    } finally {
      clearTimeout(killTimer);
    }
  }

  /** Kill without ceremony (after a failure). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private note(line: string): void {
    this.log.push(line);
  }

  private send(message: Message): void {
    if (!this.child.stdin.writable) throw new Error(`server stdin closed; cannot send ${message.method ?? 'response'}`);
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /Content-Length: *(\d+)/iu.exec(header)?.[1];
      if (length === undefined) {
        this.note(`bad LSP header from the server: ${JSON.stringify(header)}; killing it`);
        this.kill();
        return;
      }
      const start = headerEnd + 4;
      const end = start + Number(length);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined) {
      // A response to one of our requests.
      const waiting = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
      if (waiting === undefined) return;
      this.pending.delete(message.id as number);
      if (message.error) waiting.reject(new Error(`${waiting.method} failed: ${message.error.message}\n${this.transcript()}`));
      else waiting.resolve(message.result);
      return;
    }
    if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
      this.note(`${message.method}: ${(message.params as { message: string }).message}`);
    } else {
      this.note(`${message.id === undefined ? 'notification' : 'request'} ${message.method} ${JSON.stringify(message.params)}`);
    }
    for (const listener of [...this.listeners]) listener(message);
    if (message.id === undefined || message.id === null) return;
    const handler = this.handlers.get(message.method);
    try {
      const result = handler ? handler(message.params) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
    } catch (error) {
      this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
    }
  }
}

/** Offset of an LSP position (UTF-16 code units, like JavaScript strings) in `text`. */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Applies LSP text edits (non-overlapping, all relative to the original text) the way an editor does. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const resolved = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of resolved) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The text edits a WorkspaceEdit makes to one document, whichever of its two shapes the server used. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits),
  ];
}
