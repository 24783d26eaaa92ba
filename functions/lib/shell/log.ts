/**
 * Structured log lines, one JSON object each, always naming the step and the CallSid so an
 * operator can follow one call through Twilio's function logs. Responder phone numbers and
 * API keys are never passed in here.
 */
export interface LogFields {
  step: string;
  callSid?: string;
  [field: string]: unknown;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(base: LogFields): Logger {
  const write = (level: LogLevel, message: string, fields: Record<string, unknown> = {}): void => {
    const line = JSON.stringify({ level, message, ...base, ...fields });
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
