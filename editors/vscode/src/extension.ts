// The copydesk extension: runs `copydesk lsp` for Markdown and plain-text
// files and passes the copydesk.* settings to it. Everything else (the
// findings, quick fixes, "disable" actions, "Apply all safe fixes",
// hover) comes from the server.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function settings(): { lintDelayMs: number; diagnosticMode: string } {
  const config = vscode.workspace.getConfiguration("copydesk");
  return {
    lintDelayMs: config.get<number>("lintDelayMs", 150),
    diagnosticMode: config.get<string>("diagnosticMode", "auto"),
  };
}

function createClient(): LanguageClient {
  const command = vscode.workspace.getConfiguration("copydesk").get<string>("path", "copydesk");
  const serverOptions: ServerOptions = {
    command,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
    ],
    initializationOptions: settings(),
    // Sends workspace/didChangeConfiguration with { copydesk: {...} } when
    // a copydesk.* setting changes; the server reads it under `copydesk`.
    synchronize: { configurationSection: "copydesk" },
  };
  return new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient();
  context.subscriptions.push(
    vscode.commands.registerCommand("copydesk.restart", async () => {
      if (client) {
        await client.stop();
      }
      client = createClient();
      await client.start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // A new binary needs a new server; other settings go over the wire.
      if (event.affectsConfiguration("copydesk.path")) {
        await vscode.commands.executeCommand("copydesk.restart");
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
