// dotenv 6.2 (the version twilio-run parses .env with) ships no type declarations.
declare module 'dotenv' {
  /** KEY=VALUE lines to an object; lines that are not assignments are skipped. */
  export function parse(source: string | Buffer): Record<string, string>;
}
