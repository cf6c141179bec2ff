// Expands a VS Code snippet body the way the editor does when the user accepts every default:
// placeholders become their default text, choices their first option, bare tab stops become
// the default given to the same number elsewhere (VS Code mirrors them) or nothing, and the
// escapes `\$`, `\}` and `\\` become the character they protect.
// Tests use this to check that what a snippet inserts is a valid configuration file.

export type SnippetBody = string | readonly string[];

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: Node[] | undefined };

class SnippetSyntaxError extends Error {}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  /** Parses until the end of input, or until an unescaped `}` when `nested` is set. */
  parse(nested: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos] ?? '';
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
        continue;
      }
      if (ch === '}' && nested) {
        flush();
        return nodes;
      }
      if (ch === '$') {
        const node = this.parseDollar();
        if (node !== undefined) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += ch;
      this.pos += 1;
    }
    if (nested) throw new SnippetSyntaxError(`unterminated \${...} in snippet: ${this.src}`);
    flush();
    return nodes;
  }

  /** At a `$`: returns the construct it starts, or undefined (and does not move) for a literal `$`. */
  private parseDollar(): Node | undefined {
    const rest = this.src.slice(this.pos);
    const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (simple) {
      this.pos += simple[0].length;
      const id = simple[1] ?? '';
      return /^\d/.test(id) ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id, children: undefined };
    }
    const braced = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([}:|/])/.exec(rest);
    if (!braced) return undefined;
    const id = braced[1] ?? '';
    const sep = braced[2];
    const numeric = /^\d/.test(id);
    this.pos += braced[0].length;
    if (sep === '}') {
      return numeric ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id, children: undefined };
    }
    if (sep === ':') {
      const children = this.parse(true);
      this.pos += 1; // the closing brace
      return numeric ? { kind: 'placeholder', index: Number(id), children } : { kind: 'variable', name: id, children };
    }
    if (sep === '|' && numeric) {
      const options = this.parseChoiceOptions();
      return { kind: 'choice', index: Number(id), options };
    }
    throw new SnippetSyntaxError(`unsupported snippet construct (transform or bad choice) in: ${this.src}`);
  }

  /** After `${N|`: reads options up to `|}`; inside them `\,`, `\|` and `\\` are escapes. */
  private parseChoiceOptions(): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos] ?? '';
      if (ch === '\\' && [',', '|', '\\'].includes(this.src[this.pos + 1] ?? '')) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos += 1;
      } else if (ch === '|' && this.src[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += ch;
        this.pos += 1;
      }
    }
    throw new SnippetSyntaxError(`unterminated choice in snippet: ${this.src}`);
  }
}

/** Parses snippet text into nodes; throws on malformed or unsupported syntax. */
export function parseSnippet(text: string): Node[] {
  return new Parser(text).parse(false);
}

export interface ExpandOptions {
  /** Values for snippet variables such as TM_FILENAME; unknown variables expand to their default or name. */
  variables?: Readonly<Record<string, string>>;
}

/** Expands a snippet body (a string or the lines of the `body` array) with all defaults accepted. */
export function expandSnippetBody(body: SnippetBody, options: ExpandOptions = {}): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  const nodes = parseSnippet(text);

  // First occurrence (in document order) of a default for each tab stop number.
  const defaults = new Map<number, Node[] | string>();
  const collect = (list: Node[]): void => {
    for (const n of list) {
      if (n.kind === 'placeholder') {
        if (!defaults.has(n.index)) defaults.set(n.index, n.children);
        collect(n.children);
      } else if (n.kind === 'choice') {
        if (!defaults.has(n.index)) defaults.set(n.index, n.options[0] ?? '');
      } else if (n.kind === 'variable' && n.children) {
        collect(n.children);
      }
    }
  };
  collect(nodes);

  const render = (list: Node[], active: ReadonlySet<number>): string =>
    list
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'choice':
            return n.options[0] ?? '';
          case 'variable': {
            const known = options.variables?.[n.name];
            if (known !== undefined) return known;
            return n.children ? render(n.children, active) : n.name;
          }
          case 'tabstop':
          case 'placeholder': {
            if (active.has(n.index)) return '';
            const value = defaults.get(n.index);
            if (value === undefined) return '';
            if (typeof value === 'string') return value;
            return render(value, new Set([...active, n.index]));
          }
        }
      })
      .join('');

  return render(nodes, new Set());
}
