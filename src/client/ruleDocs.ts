/**
 * claimlint.showRuleDocs [ruleId, href]: opens docs/rules/<ruleId>.md bundled in the
 * extension in the Markdown preview. Offline by design: the href (the same page online)
 * is never opened; when the page is not bundled the user gets an error and may copy the
 * link. Without arguments (Command Palette) it offers the bundled pages to pick from.
 */
import * as vscode from 'vscode';
import { BuiltinCommands } from './constants';
import { rulePickItems } from './ruleDocsPick';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function docsFolder(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
}

/** Resolves to true when a page was opened. */
export async function showRuleDocs(
  extensionUri: vscode.Uri,
  log: vscode.LogOutputChannel,
  ruleId?: unknown,
  href?: unknown,
): Promise<boolean> {
  const id = ruleId === undefined ? await pickRule(extensionUri) : ruleId;
  if (id === undefined) return false;
  if (typeof id !== 'string' || !RULE_ID.test(id)) {
    void vscode.window.showErrorMessage('claimlint: that is not a rule id.');
    return false;
  }
  const page = vscode.Uri.joinPath(docsFolder(extensionUri), `${id}.md`);
  if (!(await exists(page))) {
    log.warn(`no bundled documentation page for rule ${id}`);
    const link = typeof href === 'string' && /^https:\/\//.test(href) ? href : undefined;
    void vscode.window
      .showErrorMessage(`claimlint: no documentation for rule "${id}" is bundled with this extension.`, ...(link ? ['Copy Link'] : []))
      .then((choice) => {
        if (choice && link) void vscode.env.clipboard.writeText(link);
      });
    return false;
  }
  try {
    await vscode.commands.executeCommand(BuiltinCommands.markdownPreview, page);
  } catch {
    // The built-in Markdown extension is disabled: show the source instead.
    await vscode.window.showTextDocument(page, { preview: true });
  }
  return true;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function pickRule(extensionUri: vscode.Uri): Promise<string | undefined> {
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(docsFolder(extensionUri));
  } catch {
    // no docs folder: fall through to the message below
  }
  const pages = await Promise.all(
    entries
      .filter(([name, type]) => type === vscode.FileType.File && /\.md$/.test(name))
      .map(async ([file]) => ({ file, markdown: await readText(vscode.Uri.joinPath(docsFolder(extensionUri), file)) })),
  );
  const items = rulePickItems(pages);
  if (!items.length) {
    void vscode.window.showErrorMessage('claimlint: no rule documentation is bundled with this extension.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'claimlint: rule documentation',
    placeHolder: 'Rule id or words of its description',
    matchOnDescription: true,
  });
  return picked?.label;
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}
