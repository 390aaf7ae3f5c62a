/**
 * The client's file watcher for unopened claim files (the workspace index follows them):
 * the claim-file names always, and the `files` globs of each workspace folder's config,
 * registered again whenever those change. A relative glob is watched relative to its folder
 * when the client can (RelativePattern), else anywhere below the workspace (`**` + glob).
 */
import { DidChangeWatchedFilesNotification, type ClientCapabilities, type Connection, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { CLAIM_FILE_GLOB } from '../protocol';


export class ClaimFileWatch {
  private registered?: Promise<Disposable>;
  private key = '';

  constructor(
    private readonly connection: Connection,
    private readonly capabilities: () => ClientCapabilities,
  ) {}

  /** Watch the claim-file names and these config globs ({folder, pattern}); nothing when the client cannot register watchers. */
  update(globs: readonly { folder: string; pattern: string }[]): void {
    const caps = this.capabilities().workspace?.didChangeWatchedFiles;
    if (!caps?.dynamicRegistration) return;
    const relative = caps.relativePatternSupport === true;
    const watchers: FileSystemWatcher[] = [{ globPattern: CLAIM_FILE_GLOB }];
    for (const g of globs) {
      if (isAbsolute(g.pattern) || /^\.\.(\/|$)/.test(g.pattern)) continue; // outside the folder: never indexed
      const pattern = g.pattern.replace(/^\.\//, '');
      watchers.push({ globPattern: relative ? { baseUri: pathToFileURL(g.folder).toString(), pattern } : `**/${pattern}` });
    }
    const key = JSON.stringify(watchers);
    if (key === this.key) return;
    this.key = key;
    const previous = this.registered;
    this.registered = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    void previous?.then((d) => d.dispose()).catch(() => undefined);
  }
}
