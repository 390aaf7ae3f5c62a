/**
 * YAML errors in our own words. The parser's own messages can quote the source line, and
 * claim files hold patient data, so only the error code picks the message.
 */
import type { YAMLError } from 'yaml';

const MESSAGES: Record<string, string> = {
  ALIAS_PROPS: 'an alias cannot have a tag or anchor',
  BAD_ALIAS: 'an alias is not valid here',
  BAD_DIRECTIVE: 'unknown or malformed directive',
  BAD_DQ_ESCAPE: 'invalid escape in a double-quoted string',
  BAD_INDENT: 'indentation does not line up with the surrounding block',
  BAD_PROP_ORDER: 'anchor and tag are in the wrong order',
  BAD_SCALAR_START: 'a plain value cannot start with this character; quote it',
  BLOCK_AS_IMPLICIT_KEY: 'a block value cannot be used as a key',
  BLOCK_IN_FLOW: 'block syntax is not allowed inside [ ] or { }',
  DUPLICATE_KEY: 'the same key appears twice in one mapping',
  IMPOSSIBLE: 'the parser reached an impossible state',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  MISSING_CHAR: 'a closing character is missing (quote, bracket or brace)',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span several lines',
  MULTIPLE_ANCHORS: 'a node has more than one anchor',
  MULTIPLE_DOCS: 'several documents where one was expected',
  MULTIPLE_TAGS: 'a node has more than one tag',
  NON_STRING_KEY: 'keys must be plain strings',
  TAB_AS_INDENT: 'tabs cannot be used for indentation; use spaces',
  TAG_RESOLVE_FAILED: 'unknown tag',
  UNEXPECTED_TOKEN: 'unexpected character or token',
  BAD_COLLECTION_TYPE: 'this collection type is not allowed here',
};

export function yamlErrorMessage(error: YAMLError): string {
  const closer = unclosedFlow(error);
  if (closer) return unclosedMessage([closer], error.code);
  const text = MESSAGES[error.code] ?? 'the YAML cannot be read here';
  return `YAML syntax error: ${text} (${error.code}).`;
}

/**
 * The bracket an unclosed `[ … ]` or `{ … }` is missing (`]` or `}`), else undefined. The
 * parser reports it as BAD_INDENT; its own message (classified here, never shown: it
 * quotes the source) says which bracket.
 */
export function unclosedFlow(error: YAMLError): ']' | '}' | undefined {
  if (error.code !== 'BAD_INDENT' && error.code !== 'MISSING_CHAR') return undefined;
  const m = /^Flow (sequence|map) in block collection must .*end with a [\]}]/.exec(error.message);
  return m ? (m[1] === 'sequence' ? ']' : '}') : undefined;
}

/** One message for the unclosed brackets the parser reports at one place (nested ones). */
export function unclosedMessage(closers: (']' | '}')[], code: string): string {
  const opener = (c: string) => (c === ']' ? '`[`' : '`{`');
  const list = (xs: string[]) => (xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const one = closers.length === 1;
  return (
    `YAML syntax error: ${one ? 'a ' : ''}${list(closers.map(opener))} ${one ? 'is' : 'are'} not closed: ` +
    `${list(closers.map((c) => `\`${c}\``))} ${one ? 'is' : 'are'} missing before this point (${code}).`
  );
}
