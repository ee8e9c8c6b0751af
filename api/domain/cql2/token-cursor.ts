import { Cql2SyntaxError } from './errors';
import type { Token } from './lexer';

/** How deep parentheses, NOTs and geometry collections may nest before the parser gives up. */
export const MAX_NESTING = 100;

/** Shows a token in an error message: `'AND'`, `the string 'abc'` or `end of input`. */
export function describeToken(token: Token): string {
  if (token.kind === 'end') return 'end of input';
  const text = token.text.length > 40 ? `${token.text.slice(0, 37)}…` : token.text;
  return token.kind === 'string' ? `the string ${text}` : `'${text}'`;
}

/** A read position over the tokens of one filter, shared by the expression and WKT parsers. */
export class TokenCursor {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** The token `offset` places ahead (the `end` token past the last one). */
  peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1] as Token;
    return this.tokens[this.index + offset] ?? last;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  /** Whether the token ahead is the (case-insensitive, unquoted) keyword. */
  isKeyword(keyword: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'identifier' && token.value.toUpperCase() === keyword;
  }

  isSymbol(symbol: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'symbol' && token.value === symbol;
  }

  /** Consumes the keyword if it is next. */
  acceptKeyword(keyword: string): boolean {
    if (!this.isKeyword(keyword)) return false;
    this.index += 1;
    return true;
  }

  acceptSymbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.index += 1;
    return true;
  }

  /** Consumes `symbol` or fails with "expected <what> … but found …". */
  expectSymbol(symbol: string, what = `'${symbol}'`): Token {
    if (!this.isSymbol(symbol)) this.fail(what);
    return this.next();
  }

  expectKeyword(keyword: string, what = keyword): Token {
    if (!this.isKeyword(keyword)) this.fail(what);
    return this.next();
  }

  /** Throws "expected <what> but found <next token>" at the next token. */
  fail(what: string, token = this.peek()): never {
    throw new Cql2SyntaxError(token.position, `expected ${what} but found ${describeToken(token)}`);
  }

  /** Like `fail`, naming the token just consumed: "expected a value after '=' but found …". */
  failAfter(what: string): never {
    const previous = this.index > 0 ? this.tokens[this.index - 1] : undefined;
    this.fail(previous ? `${what} after ${describeToken(previous)}` : what);
  }

  /** Runs `parse` one nesting level deeper, refusing input nested deeper than MAX_NESTING. */
  nested<T>(parse: () => T): T {
    if (this.depth >= MAX_NESTING) {
      throw new Cql2SyntaxError(
        this.peek().position,
        `the filter nests deeper than ${MAX_NESTING} levels`,
      );
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }
}
