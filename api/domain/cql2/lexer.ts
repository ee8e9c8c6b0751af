import { Cql2SyntaxError } from './errors';

/**
 * `identifier`: a bare name or keyword; `quoted`: a double-quoted property name; `string`: a
 * single-quoted character literal; `number`: a numeric literal; `symbol`: punctuation or a
 * comparison operator; `end`: the end of the input.
 */
export type TokenKind = 'identifier' | 'quoted' | 'string' | 'number' | 'symbol' | 'end';

/** One token; `text` is the source text, `value` the decoded content (string body, name …). */
export interface Token {
  kind: TokenKind;
  text: string;
  value: string;
  position: number;
}

const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[\p{L}_:][\p{L}\p{M}\p{N}_:.\u203F\u2040]*/uy;
const NUMBER_START = /[+-]?\.?\d/y;
const SYMBOLS = ['<>', '<=', '>=', '(', ')', ',', '=', '<', '>'];

/** CQL2 text escapes after a backslash; any other escaped character keeps its backslash. */
const ESCAPES: Record<string, string> = {
  "'": "'",
  '\\': '\\',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
};

/** Splits CQL2 text into tokens, ending with an `end` token at `text.length`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    if (/\s/.test(text[index] ?? '')) {
      index += 1;
      continue;
    }
    const token = readToken(text, index);
    tokens.push(token);
    index += token.text.length;
  }
  tokens.push({ kind: 'end', text: '', value: '', position: text.length });
  return tokens;
}

function readToken(text: string, start: number): Token {
  const char = text[start] ?? '';
  if (char === "'") return readString(text, start);
  if (char === '"') return readQuotedName(text, start);
  const number = matchAt(NUMBER_START, text, start) && matchAt(NUMBER, text, start);
  if (number) return { kind: 'number', text: number, value: number, position: start };
  const name = matchAt(IDENTIFIER, text, start);
  if (name) return { kind: 'identifier', text: name, value: name, position: start };
  const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, start));
  if (symbol) return { kind: 'symbol', text: symbol, value: symbol, position: start };
  const shown = String.fromCodePoint(text.codePointAt(start) ?? 0);
  const hint = char === '!' ? " (use '<>' for not equal)" : '';
  throw new Cql2SyntaxError(start, `unexpected character '${shown}'${hint}`);
}

function matchAt(pattern: RegExp, text: string, start: number): string | undefined {
  pattern.lastIndex = start;
  return pattern.exec(text)?.[0];
}

/** `'…'` with `''` or `\'` for a quote and backslash escapes for control characters. */
function readString(text: string, start: number): Token {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === "'" && text[index + 1] === "'") {
      value += "'";
      index += 2;
    } else if (char === "'") {
      const source = text.slice(start, index + 1);
      return { kind: 'string', text: source, value, position: start };
    } else if (char === '\\' && index + 1 < text.length) {
      const escaped = text[index + 1] ?? '';
      value += ESCAPES[escaped] ?? `\\${escaped}`;
      index += 2;
    } else {
      value += char;
      index += 1;
    }
  }
  throw new Cql2SyntaxError(
    start,
    "expected a closing ' for the string that starts here but found end of input",
  );
}

/** `"name"`: a property name that may clash with a keyword. */
function readQuotedName(text: string, start: number): Token {
  const end = text.indexOf('"', start + 1);
  if (end < 0) {
    throw new Cql2SyntaxError(
      start,
      'expected a closing " for the property name that starts here but found end of input',
    );
  }
  if (end === start + 1) throw new Cql2SyntaxError(start, 'expected a property name between ""');
  const source = text.slice(start, end + 1);
  return { kind: 'quoted', text: source, value: text.slice(start + 1, end), position: start };
}
