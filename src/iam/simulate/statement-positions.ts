/**
 * Where each statement of a policy document lies in its JSON text, for SimulatePrincipalPolicy's and
 * SimulateCustomPolicy's `MatchedStatements` (`StartPosition`, `EndPosition`).
 *
 * Lines count from 1. AWS's columns point one past each brace: a statement whose `{` is the 40th character of
 * its line starts at column 41, and one whose `}` is the 112th ends at column 113 (recorded in
 * shared/aws-reference, test_iam `test_simulate_principle_policy`, on a one-line document).
 */

/** A position in a document. */
export interface Position {
  readonly Line: number;
  readonly Column: number;
}

/** A statement's span. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/**
 * The spans of the statements of a document, in statement order: the elements of a top-level `Statement`
 * array, or the single `Statement` object. Returns `[]` for text that is not such a document.
 */
export function statementSpans(text: string): Span[] {
  const scanner = new Scanner(text);
  try {
    return scanner.document();
  } catch {
    return [];
  }
}

class Scanner {
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  document(): Span[] {
    this.space();
    this.expect('{');
    let spans: Span[] = [];
    this.space();
    if (this.peek() === '}') return spans;
    for (;;) {
      this.space();
      const key = this.string();
      this.space();
      this.expect(':');
      this.space();
      if (key === 'Statement') spans = this.statements();
      else this.value();
      this.space();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      this.expect('}');
      return spans;
    }
  }

  private statements(): Span[] {
    if (this.peek() === '{') return [this.objectSpan()];
    if (this.peek() !== '[') {
      this.value();
      return [];
    }
    this.i++;
    const spans: Span[] = [];
    this.space();
    if (this.peek() === ']') {
      this.i++;
      return spans;
    }
    for (;;) {
      this.space();
      if (this.peek() === '{') spans.push(this.objectSpan());
      else this.value();
      this.space();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      this.expect(']');
      return spans;
    }
  }

  private objectSpan(): Span {
    const start = this.position();
    this.value();
    // `value` has consumed the closing brace; the position before it is the brace's own.
    this.i--;
    const end = this.position();
    this.i++;
    return { start, end };
  }

  /** The position of the character at `i`, in AWS's columns (one past it, counting from 1). */
  private position(): Position {
    return { Line: this.line, Column: this.i - this.lineStart + 2 };
  }

  private value(): void {
    const c = this.peek();
    if (c === '"') {
      this.string();
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.i++;
      for (;;) {
        this.space();
        if (this.peek() === close) {
          this.i++;
          return;
        }
        if (c === '{') {
          this.string();
          this.space();
          this.expect(':');
          this.space();
        }
        this.value();
        this.space();
        if (this.peek() === ',') this.i++;
      }
    } else {
      const match = /^[^\s,}\]]+/.exec(this.text.slice(this.i, this.i + 64));
      if (match === null) throw new Error('bad value');
      this.i += match[0].length;
    }
  }

  private string(): string {
    this.expect('"');
    const begin = this.i;
    while (this.i < this.text.length && this.text[this.i] !== '"')
      this.i += this.text[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.text.length) throw new Error('unterminated string');
    const raw = this.text.slice(begin, this.i);
    this.i++;
    return raw;
  }

  private space(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) {
      if (this.text[this.i] === '\n') {
        this.line++;
        this.lineStart = this.i + 1;
      }
      this.i++;
    }
  }

  private peek(): string | undefined {
    return this.text[this.i];
  }

  private expect(c: string): void {
    if (this.text[this.i] !== c) throw new Error(`expected ${c}`);
    this.i++;
  }
}
