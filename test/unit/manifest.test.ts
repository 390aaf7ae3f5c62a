/**
 * The extension manifest (package.json) against its sources: settings generated from the
 * zod schema, JSON Schemas generated from the claim and config schemas, commands, context
 * keys and settings named in src/client, the .vscodeignore allowlist, and every file the
 * manifest points to.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, payerTypes } from '../../src/core';
import { AUDIT_SUMMARY_VIEW_TYPE, Commands, ContextKeys, ServerCommands, STATUS_ITEM_ID } from '../../src/client/constants';
import { CLAIM_FILE_GLOB, CLAIM_FILE_GLOBS, isClaimFileName, SERVER_COMMANDS } from '../../src/protocol';
import { ROOT } from '../support/paths';

const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const pkgText = read('package.json');
const pkg = JSON.parse(pkgText);
const contributes = pkg.contributes ?? {};

const genContributes = require(join(ROOT, 'scripts', 'gen-contributes.js'));
const genSchemas = require(join(ROOT, 'scripts', 'gen-schemas.js'));
const { toJsonText } = require(join(ROOT, 'scripts', 'lib', 'load-ts.js'));

const FIX = 'run `npm run gen` and commit the result';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
}

function clientSources(): { file: string; text: string }[] {
  const dir = join(ROOT, 'src', 'client');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `src/client/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

describe('extension manifest: generated parts', () => {
  it('contributes.configuration matches the settings zod schema', () => {
    const expected = genContributes.configurationContribution(genContributes.settingsJsonSchema());
    assert.deepEqual(contributes.configuration, expected, `package.json contributes.configuration drifted: ${FIX}`);
  });

  it('regenerating package.json changes nothing (2-space JSON, final newline)', () => {
    const expected = genContributes.withConfiguration(pkg, contributes.configuration);
    assert.equal(pkgText, toJsonText(expected), `package.json is not formatted as scripts write it: ${FIX}`);
  });

  it('every setting has a type, a default, a description and a scope', () => {
    for (const [key, prop] of Object.entries<Record<string, unknown>>(contributes.configuration.properties)) {
      assert.match(key, /^claimlint\.([A-Za-z]+|rule\.[a-z0-9-]+)$/);
      for (const field of ['type', 'default', 'description', 'scope']) assert.ok(field in prop, `${key} has no ${field}`);
    }
  });

  it('claimlint.rules and the .claimlintrc schema have one property per rule id: severity enum, description, options when the rule has them', () => {
    const settingsRules = contributes.configuration.properties['claimlint.rules'];
    const rcRules = JSON.parse(read('schema/claimlintrc.schema.json')).properties.rules;
    for (const rules of [settingsRules, rcRules]) {
      assert.equal(rules.additionalProperties, false, 'an unknown rule id is flagged by the editor');
      assert.deepEqual(Object.keys(rules.properties), ALL_RULES.map((r) => r.id));
      for (const rule of ALL_RULES) {
        const prop = rules.properties[rule.id];
        assert.ok(prop.description.startsWith(rule.description.replace(/\.$/, '')), rule.id);
        const forms = prop.anyOf ?? [prop];
        assert.deepEqual(forms[0].enum, ['off', 'info', 'warning', 'error'], rule.id);
        if (rule.options) {
          const options = forms[1]?.properties?.options;
          assert.deepEqual(Object.keys(options?.properties ?? {}).sort(), Object.keys(rule.options.shape).sort(), rule.id);
          assert.equal(options.additionalProperties, false);
        } else assert.equal(forms.length, 1, `${rule.id} has no options: severity only`);
      }
    }
    const payer = settingsRules.properties['kx-modifier-missing'].anyOf[1].properties.options.properties.payerTypes;
    assert.ok(payer.anyOf.some((f: { type: string }) => f.type === 'array'));
  });

  it('one Settings-UI dropdown per rule: claimlint.rule.<id> with off/info/warning/error (and "default"), the rule\'s description (issue 25 item 3)', () => {
    const props = contributes.configuration.properties as Record<string, Record<string, unknown>>;
    const perRule = Object.keys(props).filter((k) => k.startsWith('claimlint.rule.'));
    assert.deepEqual(perRule, ALL_RULES.map((r) => `claimlint.rule.${r.id}`), 'one setting per rule id, in the registry\'s order');
    for (const rule of ALL_RULES) {
      const prop = props[`claimlint.rule.${rule.id}`];
      // A plain string enum is what the Settings UI shows as a dropdown (no anyOf, no object).
      assert.equal(prop.type, 'string', rule.id);
      assert.deepEqual(prop.enum, ['default', 'off', 'info', 'warning', 'error'], rule.id);
      assert.equal(prop.default, 'default', `${rule.id}: "default" leaves .claimlintrc.yaml in charge`);
      assert.equal((prop.enumDescriptions as string[]).length, 5);
      assert.match(String((prop.enumDescriptions as string[])[0]), new RegExp(`default \\(${rule.defaultSeverity}\\)`));
      assert.equal(prop.description, `${rule.description.replace(/\.$/, '')}. Default: ${rule.defaultSeverity}.`);
      assert.equal(prop.scope, 'resource');
    }
    // The object form stays for options.
    assert.equal(props['claimlint.rules'].type, 'object');
  });

  it('Unit Rule By Payer Type has one property per payer type with enum cms/per-code', () => {
    const prop = contributes.configuration.properties['claimlint.unitRuleByPayerType'];
    assert.deepEqual(Object.keys(prop.properties), [...payerTypes]);
    for (const t of payerTypes) assert.deepEqual(prop.properties[t].enum, ['cms', 'per-code']);
    assert.equal(prop.additionalProperties, false);
  });

  it('schema/*.json match the zod schemas', () => {
    const schemas: Record<string, object> = genSchemas.generateSchemas();
    assert.deepEqual(Object.keys(schemas).sort(), ['claim.schema.json', 'claimlintrc.schema.json']);
    for (const [name, schema] of Object.entries(schemas)) {
      const rel = `schema/${name}`;
      assert.ok(existsSync(join(ROOT, rel)), `${rel} is missing: ${FIX}`);
      assert.deepEqual(JSON.parse(read(rel)), schema, `${rel} drifted from its zod schema: ${FIX}`);
      assert.equal(read(rel), toJsonText(schema), `${rel} is not formatted as gen-schemas writes it: ${FIX}`);
    }
  });
});

describe('extension manifest: commands, settings and context keys', () => {
  const contributed: CommandContribution[] = contributes.commands ?? [];
  const commandIds = new Set(contributed.map((c) => c.command));
  const settingKeys = new Set(Object.keys(contributes.configuration?.properties ?? {}));

  it('contributes exactly the commands the client registers, each with a title and the claimlint category', () => {
    assert.deepEqual([...commandIds].sort(), Object.values(Commands).sort());
    assert.equal(commandIds.size, contributed.length, 'a command is contributed twice');
    for (const c of contributed) {
      assert.ok(c.title, `${c.command} has no title`);
      assert.equal(c.category, 'claimlint', `${c.command} has no "claimlint" category`);
    }
  });

  it('the README lists exactly the contributed commands, by their palette titles, in order', () => {
    const readme = read('README.md');
    const block = /<!-- commands:[^>]*-->\n([\s\S]*?)<!-- \/commands -->/.exec(readme);
    assert.ok(block, 'README.md has no <!-- commands --> list');
    const listed = [...block[1].matchAll(/^- \*\*claimlint: (.+?)\*\*/gm)].map((m) => m[1]);
    assert.equal(block[1].split('\n').filter((l) => l.startsWith('- ')).length, listed.length, 'every item names a command as **claimlint: Title**');
    assert.deepEqual(listed, contributed.map((c) => c.title));
  });

  it('registers every command of Commands through one exhaustive table', () => {
    const text = read('src/client/commands.ts');
    assert.match(text, /Record<CommandId,/);
    for (const key of Object.keys(Commands)) assert.match(text, new RegExp(`\\[Commands\\.${key}\\]`), `Commands.${key} is not registered`);
    for (const { file, text: src } of clientSources()) {
      assert.doesNotMatch(src, /registerCommand\(\s*['"`]/, `${file} registers a command by a literal id; use Commands`);
    }
  });

  it('every claimlint.* id in src/client is a contributed command, a server command, a setting or a declared key', () => {
    const known = new Set<string>([
      ...commandIds,
      ...settingKeys,
      ...Object.values(ServerCommands),
      ...Object.values(ContextKeys),
      STATUS_ITEM_ID,
      AUDIT_SUMMARY_VIEW_TYPE,
    ]);
    for (const { file, text } of clientSources()) {
      for (const m of text.matchAll(/['"`](claimlint\.[A-Za-z.]+)['"`]/g)) {
        assert.ok(known.has(m[1]), `${file} uses "${m[1]}", which package.json does not contribute`);
      }
    }
  });

  it('every setting the client reads is contributed', () => {
    for (const { file, text } of clientSources()) {
      const keys = [
        ...[...text.matchAll(/\$\{SECTION\}\.([A-Za-z]+)/g)].map((m) => m[1]),
        ...[...text.matchAll(/getConfiguration\(SECTION[^)]*\)\s*\.get(?:<[^>]+>)?\(\s*'([A-Za-z]+)'/g)].map((m) => m[1]),
      ];
      for (const key of keys) assert.ok(settingKeys.has(`claimlint.${key}`), `${file} reads claimlint.${key}, which is not contributed`);
    }
  });

  it('menus name contributed commands and only declared context keys', () => {
    const declared = new Set<string>(Object.values(ContextKeys));
    for (const [menu, items] of Object.entries<{ command: string; when?: string }[]>(contributes.menus ?? {})) {
      for (const item of items) {
        assert.ok(commandIds.has(item.command), `menu ${menu} names ${item.command}, which is not contributed`);
        for (const key of item.when?.match(/\bclaimlint\.[A-Za-z.]+/g) ?? []) {
          assert.ok(declared.has(key), `menu ${menu}: context key ${key} is not in ContextKeys`);
        }
      }
    }
  });

  it('restricted (untrusted-workspace) settings are contributed settings', () => {
    const caps = pkg.capabilities ?? {};
    assert.ok(['limited', true, false].includes(caps.untrustedWorkspaces?.supported));
    if (caps.untrustedWorkspaces.supported !== true) assert.ok(caps.untrustedWorkspaces.description);
    for (const key of caps.untrustedWorkspaces.restrictedConfigurations ?? []) {
      assert.ok(settingKeys.has(key), `restrictedConfigurations names ${key}, which is not contributed`);
    }
    assert.equal(caps.virtualWorkspaces?.supported, false);
    assert.ok(caps.virtualWorkspaces.description);
  });

  it('server commands have ids of their own: none is a command the extension contributes or registers', () => {
    const client = new Set<string>([...Object.values(Commands), ...(contributes.commands ?? []).map((c: CommandContribution) => c.command)]);
    for (const id of Object.values<string>(SERVER_COMMANDS)) {
      assert.match(id, /^claimlint\.server\./);
      assert.ok(!client.has(id), `${id} is both a server and a client command`);
    }
    // No patch of vscode-languageclient's command registration is needed (or left).
    assert.doesNotMatch(read('src/client/languageClient.ts'), /getFeature|\.register\s*=/);
  });

  it('the claim-file names are one definition: the two globs, the selector glob and the name test agree', () => {
    for (const name of ['a.claim.yaml', 'b.claim.yml', 'C.CLAIM.YAML', 'x/y.claim.yml']) assert.ok(isClaimFileName(name), name);
    for (const name of ['a.yaml', 'claim.yaml', 'a.claim.json', 'a.claim.yaml.bak']) assert.ok(!isClaimFileName(name), name);
    const exts = /\{(.*)\}/.exec(CLAIM_FILE_GLOB)![1].split(',');
    assert.deepEqual(CLAIM_FILE_GLOBS, exts.map((ext) => CLAIM_FILE_GLOB.replace(/\{.*\}/, ext)));
    // No other copy of the name pattern in the sources.
    const copies: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (rel.endsWith('.ts') && rel !== 'src/protocol/claimFiles.ts' && /claim\\?\.(\{yaml|ya\?ml|yml'|yaml')/.test(read(rel).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) copies.push(rel);
      }
    };
    walk('src');
    assert.deepEqual(copies, []);
  });

  it('activates on claim files without a "*" activation event', () => {
    const events: string[] = pkg.activationEvents ?? [];
    // Exactly the claim-file globs of src/protocol/claimFiles.ts, the one place they are written.
    assert.deepEqual(events.filter((e) => e.startsWith('workspaceContains:')), CLAIM_FILE_GLOBS.map((g) => `workspaceContains:${g}`));
    assert.ok(events.includes('onLanguage:yaml'), 'a claim file opened outside a claim workspace must activate the extension');
    assert.ok(!events.includes('*'));
  });
});

describe('extension manifest: packaged files', () => {
  const ignoreLines = read('.vscodeignore')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const includes = ignoreLines.slice(1).map((l) => l.slice(1));

  /** Minimal glob: `**` any path, `*` any name part. */
  const globToRegExp = (glob: string) =>
    new RegExp(
      `^${glob
        .split('**')
        .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
        .join('.*')}$`,
    );
  const packaged = (rel: string) => includes.some((g) => globToRegExp(g).test(rel.replace(/^\.\//, '')));

  it('.vscodeignore is an allowlist: "**" first, then only "!" includes', () => {
    assert.equal(ignoreLines[0], '**');
    for (const line of ignoreLines.slice(1)) assert.ok(line.startsWith('!'), `.vscodeignore line "${line}" is not an include`);
    for (const must of ['dist/client.js', 'dist/languageClient.js', 'dist/server.js', 'dist/serverMain.js', 'dist/importers.js', 'dist/auditWorker.js', 'dist/report.js', 'package.json', 'README.md', 'LICENSE', 'media/icon.png', 'syntaxes/x.json', 'schema/x.json', 'docs/rules/x.md']) {
      assert.ok(packaged(must), `.vscodeignore does not include ${must}`);
    }
    for (const never of ['node_modules/zod/index.js', 'src/client/extension.ts', 'dist/client.js.map', 'dist/cli.js', 'test/unit/x.js', 'examples/a.claim.yaml', 'out/x.js']) {
      assert.ok(!packaged(never), `.vscodeignore includes ${never}`);
    }
  });

  it('every file the manifest points to exists (or is built by esbuild.js) and is packaged', () => {
    const esbuildSrc = read('esbuild.js');
    const built = (rel: string) => {
      const out = rel.replace(/^\.\//, '');
      const m = new RegExp(`entryPoints:\\s*\\['([^']+)'\\],\\s*outfile:\\s*'${out.replace(/\./g, '\\.')}'`).exec(esbuildSrc);
      return !!m && existsSync(join(ROOT, m[1]));
    };
    const files: [string, string][] = [
      ['main', pkg.main],
      ['icon', pkg.icon],
      ['server module (languageClient.ts)', 'dist/server.js'],
      ['license', 'LICENSE'],
      ['readme', 'README.md'],
      ...(contributes.grammars ?? []).map((g: { path: string }) => ['grammar', g.path] as [string, string]),
      ...[...(contributes.yamlValidation ?? []), ...(contributes.jsonValidation ?? [])].map(
        (v: { url: string }) => ['schema', v.url] as [string, string],
      ),
    ];
    for (const [what, rel] of files) {
      assert.ok(typeof rel === 'string' && !/^[a-z]+:/.test(rel), `${what}: ${rel} is not a relative path (no network schemas)`);
      const isBuilt = rel.replace(/^\.\//, '').startsWith('dist/');
      assert.ok(isBuilt ? built(rel) : existsSync(join(ROOT, rel)), `${what}: ${rel} does not exist${isBuilt ? ' and esbuild.js does not build it' : ''}`);
      assert.ok(packaged(rel), `${what}: ${rel} is excluded by .vscodeignore`);
    }
    assert.match(read('src/client/languageClient.ts'), /'dist', 'server\.js'/, 'the client starts dist/server.js');
  });

  it('the icon is a 128x128 PNG', () => {
    const png = readFileSync(join(ROOT, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });

  it('validation contributions point claim files and .claimlintrc at the generated schemas', () => {
    const yamlMap = new Map<string, string>();
    for (const v of contributes.yamlValidation ?? []) for (const f of [v.fileMatch].flat()) yamlMap.set(f, v.url);
    const claimMatches = [...yamlMap].filter(([, url]) => url === './schema/claim.schema.json').map(([f]) => f);
    assert.deepEqual(claimMatches, CLAIM_FILE_GLOBS.map((g) => g.replace(/^\*\*\//, '')), 'the claim schema applies to the protocol\'s claim-file names');
    assert.equal(yamlMap.get('.claimlintrc.yaml'), './schema/claimlintrc.schema.json');
    assert.equal(yamlMap.get('.claimlintrc.yml'), './schema/claimlintrc.schema.json');
    const json = (contributes.jsonValidation ?? []).find((v: { fileMatch: string | string[] }) => [v.fileMatch].flat().includes('.claimlintrc.json'));
    assert.equal(json?.url, './schema/claimlintrc.schema.json');
  });

  it('vsce packages exactly the allowlisted files', async function () {
    this.timeout(60000);
    if (!existsSync(join(ROOT, 'dist', 'client.js')) || !existsSync(join(ROOT, 'dist', 'server.js'))) {
      this.skip(); // not built (scripts/test.js builds before running the suites)
    }
    const vsce = require('@vscode/vsce');
    const files: string[] = await vsce.listFiles({ cwd: ROOT, packageManager: vsce.PackageManager.None });
    for (const must of ['package.json', 'README.md', 'LICENSE', 'dist/client.js', 'dist/languageClient.js', 'dist/server.js', 'dist/serverMain.js', 'dist/importers.js', 'dist/report.js', 'media/icon.png', 'schema/claim.schema.json', 'schema/claimlintrc.schema.json', 'syntaxes/claimlint.injection.tmLanguage.json']) {
      assert.ok(files.includes(must), `the .vsix would not contain ${must}`);
    }
    for (const f of files) {
      assert.ok(!/^(src|test|out|node_modules|examples|scripts)\//.test(f) && !f.endsWith('.map'), `the .vsix would contain ${f}`);
    }
  });
});
