// A strict little XML reader for TwiML. Strict on purpose: Twilio rejects malformed
// documents (a bare "&" in a URL is error 12100), so the simulator must too.

export interface TwimlElement {
  kind: 'element';
  name: string;
  attributes: Record<string, string>;
  children: TwimlNode[];
}

export interface TwimlText {
  kind: 'text';
  text: string;
}

export type TwimlNode = TwimlElement | TwimlText;

export class TwimlParseError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at character ${position})`);
    this.name = 'TwimlParseError';
  }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[A-Za-z0-9_:.-]/;

class Cursor {
  position = 0;

  constructor(readonly source: string) {}

  get done(): boolean {
    return this.position >= this.source.length;
  }

  startsWith(text: string): boolean {
    return this.source.startsWith(text, this.position);
  }

  peek(): string {
    return this.source.charAt(this.position);
  }

  expect(text: string): void {
    if (!this.startsWith(text)) {
      throw new TwimlParseError(`expected "${text}"`, this.position);
    }
    this.position += text.length;
  }

  skipWhitespace(): void {
    while (!this.done && /\s/.test(this.peek())) this.position += 1;
  }

  /** Moves past `terminator` and returns what came before it. */
  readUntil(terminator: string, what: string): string {
    const end = this.source.indexOf(terminator, this.position);
    if (end === -1) throw new TwimlParseError(`unterminated ${what}`, this.position);
    const text = this.source.slice(this.position, end);
    this.position = end + terminator.length;
    return text;
  }

  readName(): string {
    const start = this.position;
    if (!NAME_START.test(this.peek())) throw new TwimlParseError('expected a name', start);
    while (!this.done && NAME_CHAR.test(this.peek())) this.position += 1;
    return this.source.slice(start, this.position);
  }
}

/** Replaces XML entity and character references; throws on anything XML would reject. */
export function decodeEntities(raw: string, offset = 0): string {
  let out = '';
  let index = 0;
  while (index < raw.length) {
    const amp = raw.indexOf('&', index);
    if (amp === -1) {
      out += raw.slice(index);
      break;
    }
    out += raw.slice(index, amp);
    const semicolon = raw.indexOf(';', amp);
    if (semicolon === -1 || semicolon - amp > 10) {
      throw new TwimlParseError('bare "&" (write &amp;)', offset + amp);
    }
    const name = raw.slice(amp + 1, semicolon);
    out += decodeReference(name, offset + amp);
    index = semicolon + 1;
  }
  return out;
}

function decodeReference(name: string, position: number): string {
  const named = NAMED_ENTITIES[name];
  if (named !== undefined) return named;
  const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(name);
  if (numeric) {
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] ?? '', 10);
    if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
  }
  throw new TwimlParseError(`unknown entity "&${name};"`, position);
}

/** Skips the declaration, comments, processing instructions and DOCTYPE around the root. */
function skipProlog(cursor: Cursor): void {
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.startsWith('<?')) cursor.readUntil('?>', 'processing instruction');
    else if (cursor.startsWith('<!--')) cursor.readUntil('-->', 'comment');
    else if (cursor.startsWith('<!DOCTYPE')) cursor.readUntil('>', 'DOCTYPE');
    else return;
  }
}

function parseAttributes(cursor: Cursor): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (;;) {
    cursor.skipWhitespace();
    const next = cursor.peek();
    if (next === '>' || next === '/' || cursor.done) return attributes;
    const at = cursor.position;
    const name = cursor.readName();
    cursor.skipWhitespace();
    cursor.expect('=');
    cursor.skipWhitespace();
    const quote = cursor.peek();
    if (quote !== '"' && quote !== "'") throw new TwimlParseError('attribute value must be quoted', cursor.position);
    cursor.position += 1;
    const valueStart = cursor.position;
    const raw = cursor.readUntil(quote, 'attribute value');
    if (raw.includes('<')) throw new TwimlParseError('"<" inside an attribute value', valueStart);
    if (Object.prototype.hasOwnProperty.call(attributes, name)) {
      throw new TwimlParseError(`duplicate attribute "${name}"`, at);
    }
    attributes[name] = decodeEntities(raw, valueStart);
  }
}

function parseElement(cursor: Cursor): TwimlElement {
  cursor.expect('<');
  const name = cursor.readName();
  const attributes = parseAttributes(cursor);
  const element: TwimlElement = { kind: 'element', name, attributes, children: [] };
  if (cursor.startsWith('/>')) {
    cursor.position += 2;
    return element;
  }
  cursor.expect('>');
  parseContent(cursor, element);
  const closeAt = cursor.position;
  cursor.expect('</');
  const closing = cursor.readName();
  if (closing !== name) throw new TwimlParseError(`</${closing}> closes <${name}>`, closeAt);
  cursor.skipWhitespace();
  cursor.expect('>');
  return element;
}

function parseContent(cursor: Cursor, parent: TwimlElement): void {
  for (;;) {
    if (cursor.done) throw new TwimlParseError(`<${parent.name}> is never closed`, cursor.position);
    if (cursor.startsWith('</')) return;
    if (cursor.startsWith('<!--')) {
      cursor.readUntil('-->', 'comment');
    } else if (cursor.startsWith('<![CDATA[')) {
      cursor.position += '<![CDATA['.length;
      appendText(parent, cursor.readUntil(']]>', 'CDATA section'));
    } else if (cursor.startsWith('<?')) {
      cursor.readUntil('?>', 'processing instruction');
    } else if (cursor.peek() === '<') {
      parent.children.push(parseElement(cursor));
    } else {
      const start = cursor.position;
      const end = cursor.source.indexOf('<', start);
      const raw = cursor.source.slice(start, end === -1 ? cursor.source.length : end);
      cursor.position = start + raw.length;
      appendText(parent, decodeEntities(raw, start));
    }
  }
}

function appendText(parent: TwimlElement, text: string): void {
  const last = parent.children[parent.children.length - 1];
  if (last && last.kind === 'text') last.text += text;
  else parent.children.push({ kind: 'text', text });
}

/** Parses any XML document into its root element. */
export function parseXml(source: string): TwimlElement {
  const cursor = new Cursor(source.replace(/^\uFEFF/, ''));
  skipProlog(cursor);
  if (cursor.done) throw new TwimlParseError('empty document', cursor.position);
  const root = parseElement(cursor);
  skipProlog(cursor);
  if (!cursor.done) throw new TwimlParseError('content after the root element', cursor.position);
  return root;
}

/** Parses a TwiML document; the root must be <Response>, as Twilio requires. */
export function parseTwiml(source: string): TwimlElement {
  const root = parseXml(source);
  if (root.name !== 'Response') throw new TwimlParseError(`root element is <${root.name}>, not <Response>`, 0);
  return root;
}

export function childElements(element: TwimlElement): TwimlElement[] {
  return element.children.filter((child): child is TwimlElement => child.kind === 'element');
}

/** All text inside an element (SSML tags in <Say> included), whitespace collapsed. */
export function textContent(element: TwimlElement): string {
  const parts: string[] = [];
  const walk = (node: TwimlNode): void => {
    if (node.kind === 'text') parts.push(node.text);
    // An empty SSML element such as <break/> separates words when spoken.
    else if (node.children.length === 0) parts.push(' ');
    else node.children.forEach(walk);
  };
  element.children.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
