/** Moved: the language server as a child process is test/support/lspServer.ts. */
export * from './lspServer';
