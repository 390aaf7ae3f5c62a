/** The subcommand dispatch of the command line (src/cli/commands). */
import assert from 'node:assert/strict';
import { commandsHelp, findCommand, type Command } from '../../src/cli/commands';

const calls: string[][] = [];
const fake: Record<string, Command> = {
  import: { summary: 'convert claims', run: (argv) => (calls.push(argv), 0) },
  data: { summary: 'reference data packs', run: async () => 0 },
};

describe('CLI subcommand dispatch', () => {
  it('routes `<command> …` to the command with the arguments after its name', () => {
    const sub = findCommand(['import', 'a.837', '-o', 'out.claim.yaml'], fake);
    assert.ok(sub);
    assert.equal(sub.command, fake.import);
    assert.deepEqual(sub.args, ['a.837', '-o', 'out.claim.yaml']);
  });

  it('leaves the plain audit alone: options, files and unknown words are not commands', () => {
    assert.equal(findCommand([], fake), undefined);
    assert.equal(findCommand(['--fix', 'import'], fake), undefined);
    assert.equal(findCommand(['claims/a.claim.yaml'], fake), undefined);
    assert.equal(findCommand(['./import'], fake), undefined);
    // Inherited object keys are not commands.
    assert.equal(findCommand(['constructor'], fake), undefined);
    assert.equal(findCommand(['toString'], fake), undefined);
  });

  it('lists the registered commands in the help, sorted, and nothing when there are none', () => {
    assert.equal(commandsHelp({}), '');
    const help = commandsHelp(fake);
    assert.match(help, /Commands/);
    assert.ok(help.indexOf('  data    reference data packs') < help.indexOf('  import  convert claims'), help);
  });
});
