// Shared helpers for the handler tests: a runtime context, events signed exactly as Twilio
// signs them, a strict little TwiML reader, and a call that can be walked across handlers by
// following the relative links each answer hands back to Twilio.
import { randomBytes } from 'node:crypto';
import nock from 'nock';
import twilio from 'twilio';
import type { Context, ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';
import type { Env } from '../../functions/lib/config/env';
import { resetWarmState } from '../../functions/lib/warm/state';
import type { TwilioEvent } from '../../functions/lib/shell/twilio-event';
import { handler as callbackRequest } from '../../functions/callback-request.protected';
import { handler as callStatus } from '../../functions/call-status.protected';
import { handler as dialResult } from '../../functions/dial-result.protected';
import { handler as menu } from '../../functions/menu.protected';
import { handler as recorded } from '../../functions/recorded.protected';
import { handler as screen } from '../../functions/screen.protected';
import { handler as transcribed } from '../../functions/transcribed.protected';
import { handler as voice } from '../../functions/voice.protected';
import { handler as whisper } from '../../functions/whisper.protected';

export const AUTH_TOKEN = 'handler-test-auth-token-0123456789abcdef';
export const HOST = 'localhost:3000';
export const ACCOUNT_SID = `AC${'0'.repeat(32)}`;
export const CALLER = '+15555550150';
export const SUPPORT_NUMBER = '+15555550100';

/** The responders of the example roster (assets/roster.example.json), in roster order. */
export const ROSTER = {
  Platform: [
    { name: 'Alice', phone: '+15555550101' },
    { name: 'Bob', phone: '+15555550102' },
  ],
  Database: [
    { name: 'Carol', phone: '+15555550103' },
    { name: 'Dave', phone: '+15555550104' },
  ],
} as const;
export const ROSTER_PHONES: string[] = [...ROSTER.Platform, ...ROSTER.Database].map((r) => r.phone);

type Handler = (context: Context<Env>, event: TwilioEvent, callback: ServerlessCallback) => Promise<void>;

export const HANDLERS = {
  voice,
  menu,
  whisper,
  screen,
  'dial-result': dialResult,
  recorded,
  transcribed,
  'callback-request': callbackRequest,
  'call-status': callStatus,
} satisfies Record<string, Handler>;

export type FunctionName = keyof typeof HANDLERS;
export const FUNCTION_NAMES = Object.keys(HANDLERS) as FunctionName[];

/** Webhooks Twilio requests on a responder's leg (the <Number url> and its Gather). */
const RESPONDER_FUNCTIONS: ReadonlySet<FunctionName> = new Set<FunctionName>(['whisper', 'screen']);

function isFunctionName(value: string): value is FunctionName {
  return Object.prototype.hasOwnProperty.call(HANDLERS, value);
}

export function newSid(prefix: 'CA' | 'RE' | 'TR' = 'CA'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

// ---------------------------------------------------------------------------------------
// Context and signing

/** What the runtime hands a Function: the env plus DOMAIN_NAME, PATH and a client we never allow. */
export function makeContext(name: FunctionName, env: Env = {}): Context<Env> {
  const runtime = {
    getTwilioClient(): never {
      throw new Error('the handlers must not need the Twilio REST client');
    },
    DOMAIN_NAME: HOST,
    PATH: `/${name}`,
    SERVICE_SID: undefined,
    ENVIRONMENT_SID: undefined,
  };
  const variables: Env = { AUTH_TOKEN, ...env };
  return Object.assign(runtime, variables);
}

/** The URL Twilio requested, and therefore signed: our links carry only the state token. */
export function requestUrl(name: FunctionName, token: string | undefined, scheme: 'http' | 'https' = 'http'): string {
  return `${scheme}://${HOST}/${name}${token !== undefined ? `?s=${token}` : ''}`;
}

export type Signing =
  | 'twilio'
  | 'none'
  /** Signed with another account's auth token. */
  | { authToken: string }
  /** Signed correctly, then a form parameter is changed in transit. */
  | { alter: string; to: string }
  /** Signed correctly, then the query token is swapped. */
  | { tokenInTransit: string };

/**
 * The event a Function receives for a POST Twilio signed: the form parameters and the query
 * parameter `s` merged, plus the request headers.
 */
export function signedEvent(
  name: FunctionName,
  params: Record<string, string>,
  token: string | undefined,
  signing: Signing = 'twilio',
): TwilioEvent {
  const authToken = typeof signing === 'object' && 'authToken' in signing ? signing.authToken : AUTH_TOKEN;
  const signature = twilio.getExpectedTwilioSignature(authToken, requestUrl(name, token), params);
  const headers: Record<string, string> = { host: HOST };
  if (signing !== 'none') headers['x-twilio-signature'] = signature;
  let sent: Record<string, string> = { ...params };
  if (typeof signing === 'object' && 'alter' in signing) sent = { ...sent, [signing.alter]: signing.to };
  const sentToken = typeof signing === 'object' && 'tokenInTransit' in signing ? signing.tokenInTransit : token;
  return { ...sent, ...(sentToken !== undefined ? { s: sentToken } : {}), request: { headers } };
}

// ---------------------------------------------------------------------------------------
// Invoking a handler

export interface InvokeOptions {
  params?: Record<string, string>;
  token?: string;
  env?: Env;
  signing?: Signing;
}

export async function invoke(name: FunctionName, options: InvokeOptions = {}): Promise<Answer> {
  const event = signedEvent(name, options.params ?? {}, options.token, options.signing);
  return invokeRaw(name, event, options.env);
}

/** Runs a handler on any event at all (for garbage and unsigned requests). */
export async function invokeRaw(name: FunctionName, event: TwilioEvent, env: Env = {}): Promise<Answer> {
  const handler: Handler = HANDLERS[name];
  const payload = await new Promise<unknown>((resolve, reject) => {
    handler(makeContext(name, env), event, (error, result) => {
      if (error !== null && error !== undefined) reject(new Error(`the handler failed: ${String(error)}`));
      else resolve(result);
    }).catch(reject);
  });
  return Answer.from(name, payload);
}

// ---------------------------------------------------------------------------------------
// TwiML

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string, where: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare "&" in XML near character ${where}`);
    if (ENTITIES[entity] !== undefined) return ENTITIES[entity];
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(entity);
    if (numeric) {
      const code = numeric[1].startsWith('x') ? parseInt(numeric[1].slice(1), 16) : Number(numeric[1]);
      return String.fromCodePoint(code);
    }
    throw new Error(`unknown entity &${entity}; near character ${where}`);
  });
}

/** A strict reader: Twilio rejects malformed TwiML, so these tests must as well. */
export function parseXml(xml: string): XmlElement {
  let pos = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at character ${pos} of: ${xml.slice(0, 300)}`);
  };
  const skipSpace = (): void => {
    while (pos < xml.length && /\s/.test(xml[pos])) pos++;
  };
  const readName = (): string => {
    const match = /^[A-Za-z_][A-Za-z0-9_.:-]*/.exec(xml.slice(pos));
    if (!match) return fail('expected a name');
    pos += match[0].length;
    return match[0];
  };

  const parseElement = (): XmlElement => {
    if (xml[pos] !== '<') fail('expected "<"');
    pos++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipSpace();
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (xml[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected whitespace before an attribute');
      const attribute = readName();
      if (attributes[attribute] !== undefined) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      if (xml[pos] !== '=') fail('expected "="');
      pos++;
      skipSpace();
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = xml.indexOf(quote, pos + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = xml.slice(pos + 1, end);
      if (raw.includes('<')) fail('"<" inside an attribute value');
      attributes[attribute] = decodeEntities(raw, pos);
      pos = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= xml.length) fail(`unclosed <${name}>`);
      if (xml.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (xml[pos] !== '>') fail('expected ">"');
        pos++;
        return { name, attributes, children, text };
      }
      if (xml[pos] === '<') {
        children.push(parseElement());
        continue;
      }
      const next = xml.indexOf('<', pos);
      const end = next < 0 ? xml.length : next;
      text += decodeEntities(xml.slice(pos, end), pos);
      pos = end;
    }
  };

  const declaration = /^<\?xml[^?]*\?>/.exec(xml);
  if (declaration) pos = declaration[0].length;
  skipSpace();
  const root = parseElement();
  skipSpace();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

/** One handler's answer: the TwiML string, its headers, and ways to look into it. */
export class Answer {
  readonly root: XmlElement;

  private constructor(
    readonly endpoint: FunctionName,
    readonly xml: string,
    readonly contentType: string | undefined,
    readonly statusCode: number,
  ) {
    this.root = parseXml(xml);
    if (this.root.name !== 'Response') throw new Error(`TwiML root is <${this.root.name}>, not <Response>`);
  }

  static from(endpoint: FunctionName, payload: unknown): Answer {
    if (typeof payload !== 'object' || payload === null) throw new Error('the handler answered with no response');
    const body: unknown = Reflect.get(payload, 'body');
    const headers: unknown = Reflect.get(payload, 'headers');
    const statusCode: unknown = Reflect.get(payload, 'statusCode');
    if (typeof body !== 'string') throw new Error('the response body is not a string');
    const contentType =
      typeof headers === 'object' && headers !== null ? Reflect.get(headers, 'Content-Type') : undefined;
    return new Answer(
      endpoint,
      body,
      typeof contentType === 'string' ? contentType : undefined,
      typeof statusCode === 'number' ? statusCode : 0,
    );
  }

  /** Names of the top-level verbs, in order. */
  get verbs(): string[] {
    return this.root.children.map((child) => child.name);
  }

  all(name: string): XmlElement[] {
    return descendants(this.root).filter((element) => element.name === name);
  }

  has(name: string): boolean {
    return this.all(name).length > 0;
  }

  one(name: string): XmlElement {
    const found = this.all(name);
    if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length} in ${this.xml}`);
    return found[0];
  }

  attr(name: string, attribute: string): string {
    const value = this.one(name).attributes[attribute];
    if (value === undefined) throw new Error(`<${name}> has no ${attribute} in ${this.xml}`);
    return value;
  }

  /** Everything spoken, <Say> inside <Gather> included. */
  get said(): string {
    return this.all('Say')
      .map((say) => say.text)
      .join(' ');
  }

  /** The numbers a <Dial> rings. */
  get dialled(): string[] {
    return this.all('Number').map((number) => number.text.trim());
  }

  /** The TwiML with the text of every <Number> cut out (its attributes, such as the whisper URL, stay). */
  get xmlOutsideNumbers(): string {
    return this.xml.replace(/(<Number\b[^>]*>)[^<]*(<\/Number>)/g, '$1$2');
  }
}

/** Splits one of our relative links into its function and state token. */
export function parseLink(url: string): { name: FunctionName; token: string } {
  const parsed = new URL(url, `https://${HOST}`);
  const name = parsed.pathname.replace(/^\//, '');
  const token = parsed.searchParams.get('s');
  if (!url.startsWith('/')) throw new Error(`link ${url} is not relative`);
  if (!isFunctionName(name)) throw new Error(`link ${url} names no function`);
  if (token === null || [...parsed.searchParams.keys()].length !== 1) throw new Error(`link ${url} must carry only s`);
  return { name, token };
}

/** The state token of a link, as it appears in the TwiML. */
export function tokenOf(url: string): string {
  return parseLink(url).token;
}

/** Changes one character of a token to another character of the base64url alphabet. */
export function flipCharacter(token: string, index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const at = alphabet.indexOf(token[index]);
  const replacement = alphabet[(at + 1) % alphabet.length];
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

// ---------------------------------------------------------------------------------------
// Walking a call across handlers

export interface FollowOptions {
  params?: Record<string, string>;
  signing?: Signing;
  /** Replace the default call parameters (CallSid, ParentCallSid, …) outright. */
  replace?: Record<string, string | undefined>;
}

/**
 * One phone call: the caller's leg and (for whisper/screen) a responder's leg. Every answer
 * is kept so a test can check what the whole call rendered.
 */
export class PhoneCall {
  readonly callSid = newSid();
  /** The responder leg Twilio opens for the current <Dial>. */
  responderSid = newSid();
  readonly answers: Answer[] = [];

  constructor(
    readonly env: Env = {},
    readonly from = CALLER,
    readonly to = SUPPORT_NUMBER,
  ) {}

  callerParams(): Record<string, string> {
    return {
      AccountSid: ACCOUNT_SID,
      ApiVersion: '2010-04-01',
      CallSid: this.callSid,
      CallStatus: 'in-progress',
      Direction: 'inbound',
      From: this.from,
      Caller: this.from,
      To: this.to,
      Called: this.to,
    };
  }

  responderParams(): Record<string, string> {
    return {
      AccountSid: ACCOUNT_SID,
      ApiVersion: '2010-04-01',
      CallSid: this.responderSid,
      ParentCallSid: this.callSid,
      CallStatus: 'in-progress',
      Direction: 'outbound-dial',
      From: this.to,
      To: '+15555550199',
    };
  }

  /** The call comes in: Twilio requests /voice. */
  async start(options: FollowOptions = {}): Promise<Answer> {
    return this.send('voice', undefined, { ...options, params: { CallStatus: 'ringing', ...options.params } });
  }

  /** Twilio requests a link from the last answer (an action, a redirect, a whisper URL…). */
  async follow(url: string, options: FollowOptions = {}): Promise<Answer> {
    const { name, token } = parseLink(url);
    return this.send(name, token, options);
  }

  async send(name: FunctionName, token: string | undefined, options: FollowOptions = {}): Promise<Answer> {
    const base = RESPONDER_FUNCTIONS.has(name) ? this.responderParams() : this.callerParams();
    const merged: Record<string, string | undefined> = { ...base, ...options.params, ...options.replace };
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(merged)) if (value !== undefined) params[key] = value;
    const answer = await invoke(name, { params, token, env: this.env, signing: options.signing });
    this.answers.push(answer);
    return answer;
  }
}

// ---------------------------------------------------------------------------------------
// Test-suite plumbing

export interface Sandbox {
  /** Requests nock saw but no interceptor matched (each would have gone to the network). */
  unmatched: string[];
}

function describeRequest(request: unknown): string {
  if (typeof request !== 'object' || request === null) return String(request);
  const read = (key: string): string => {
    const value: unknown = Reflect.get(request, key);
    return typeof value === 'string' ? value : '';
  };
  return `${read('method')} ${read('hostname') || read('host')}${read('path')}`;
}

/**
 * No real network: nock answers for the providers, only 127.0.0.1 may be reached, every
 * unmatched request is recorded, the team cache starts cold, and the handlers' log lines
 * are kept off the test output.
 */
export function useSandbox(): Sandbox {
  const sandbox: Sandbox = { unmatched: [] };
  const onNoMatch = (request: unknown): void => {
    sandbox.unmatched.push(describeRequest(request));
  };
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock.emitter.on('no match', onNoMatch);
    sandbox.unmatched.length = 0;
    // Every test is a cold start: no configuration, cache or logged problem carried over.
    resetWarmState();
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.cleanAll();
    jest.restoreAllMocks();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
  return sandbox;
}

/** Log lines the handlers wrote at one level, parsed. */
export function logLines(level: 'log' | 'warn' | 'error'): Array<Record<string, unknown>> {
  const spy = console[level] as jest.MockedFunction<typeof console.log>;
  return spy.mock.calls.flatMap((args) => {
    try {
      const parsed: unknown = JSON.parse(String(args[0]));
      return typeof parsed === 'object' && parsed !== null ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/** Parameters no Twilio request carries: markup, control characters, huge values, non-strings. */
export function garbageCases(
  name: FunctionName,
  /** A genuine state token for this function, and the caller's CallSid it is bound to. */
  valid?: { token: string; callSid: string },
): Array<{ label: string; event: TwilioEvent }> {
  const huge = 'x'.repeat(5000);
  const markup: Record<string, string> = {
    CallSid: '<Dial>+15555550101</Dial>&amp;"\'',
    ParentCallSid: ']]><Hangup/>',
    From: '<Say>hi</Say>',
    To: '&&&',
    Digits: '1<2>&',
    SpeechResult: '\u0000\u0007\u001b[31m',
    DialCallStatus: '"><Redirect>/voice</Redirect>',
    DialBridged: 'maybe',
    DialCallDuration: '-Infinity',
    CallStatus: '../../etc/passwd',
    RecordingUrl: 'javascript:alert(1)<>',
    RecordingDuration: 'NaN',
    TranscriptionText: '</Response><Response>',
    TranscriptionStatus: 'completed',
  };
  const oversized: Record<string, string> = {
    CallSid: huge,
    From: huge,
    To: huge,
    Digits: '9'.repeat(5000),
    RecordingUrl: huge,
    RecordingDuration: '1e308',
    TranscriptionText: huge,
    DialCallDuration: '1e400',
  };
  const unicode: Record<string, string> = { CallSid: '📞', From: '☎️', Digits: '１', SpeechResult: '二' };
  const notAToken = 'A'.repeat(64);
  const cases: Array<{ label: string; event: TwilioEvent }> = [
    { label: 'signed, markup and entities', event: signedEvent(name, markup, notAToken) },
    { label: 'signed, oversized values', event: signedEvent(name, oversized, 'B'.repeat(3999)) },
    { label: 'signed, no parameters at all', event: signedEvent(name, {}, undefined) },
    { label: 'signed, unicode', event: signedEvent(name, unicode, notAToken) },
    { label: 'unsigned, markup', event: signedEvent(name, markup, '<s>', 'none') },
    {
      label: 'non-string values',
      event: {
        CallSid: 42,
        From: ['+15555550150', '+15555550151'],
        Digits: { 1: true },
        s: ['x', 'y'],
        DialBridged: true,
        request: { headers: { host: HOST, 'x-twilio-signature': ['a', 'b'] } },
      },
    },
    { label: 'no request headers at all', event: { CallSid: newSid(), s: notAToken } },
  ];
  if (!valid) return cases;
  // The same garbage on a genuine call, so it reaches the call flow itself.
  const bind: Record<string, string> = RESPONDER_FUNCTIONS.has(name)
    ? { CallSid: newSid(), ParentCallSid: valid.callSid }
    : { CallSid: valid.callSid };
  return [
    ...cases,
    { label: 'valid state, markup inputs', event: signedEvent(name, { ...markup, ...bind }, valid.token) },
    { label: 'valid state, oversized inputs', event: signedEvent(name, { ...oversized, ...bind }, valid.token) },
    { label: 'valid state, unicode inputs', event: signedEvent(name, { ...unicode, ...bind }, valid.token) },
    { label: 'valid state, nothing else', event: signedEvent(name, bind, valid.token) },
  ];
}

/** Asserts an answer is TwiML Twilio would accept: text/xml, status 200, a <Response> root. */
export function expectWellFormed(answer: Answer): void {
  expect(answer.contentType).toBe('text/xml');
  expect(answer.statusCode).toBe(200);
  expect(answer.root.name).toBe('Response');
  expect(answer.xml.startsWith('<?xml')).toBe(true);
}
