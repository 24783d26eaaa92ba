import { parseRuntimeHttpLog } from '../../bench/runtime-http-log';

const line = (value: object): string => JSON.stringify(value);

describe('parseRuntimeHttpLog', () => {
  it('pairs each request with its answer or failure, in the order they were sent', () => {
    const text = [
      line({ id: 1, event: 'sent', at: 10.5, method: 'GET', host: '127.0.0.1', path: '/api-public/v1/team' }),
      line({ id: 2, event: 'sent', at: 11, method: 'GET', host: '127.0.0.1', path: '/a?step=0' }),
      line({ id: 3, event: 'sent', at: 11.2, method: 'POST', host: '127.0.0.1', path: '/b' }),
      line({ id: 2, event: 'answered', at: 14 }),
      line({ id: 1, event: 'failed', at: 2010 }),
      line({ id: 1, event: 'answered', at: 2011 }),
      '',
    ].join('\n');
    expect(parseRuntimeHttpLog(text)).toEqual([
      { method: 'GET', host: '127.0.0.1', path: '/api-public/v1/team', startMs: 10.5, endMs: 2010 },
      { method: 'GET', host: '127.0.0.1', path: '/a?step=0', startMs: 11, endMs: 14 },
      { method: 'POST', host: '127.0.0.1', path: '/b', startMs: 11.2, endMs: null },
    ]);
  });

  it('ignores the end of a request it never saw sent', () => {
    expect(parseRuntimeHttpLog(line({ id: 9, event: 'answered', at: 1 }))).toEqual([]);
  });

  it('names the file and line of a line it cannot read', () => {
    const text = `${line({ id: 1, event: 'sent', at: 1, method: 'GET', host: 'h', path: '/' })}\n{"oops": 1}`;
    expect(() => parseRuntimeHttpLog(text, '/tmp/x.jsonl')).toThrow(
      '/tmp/x.jsonl line 2: not a runtime HTTP event: {"oops": 1}',
    );
    expect(() => parseRuntimeHttpLog('not json')).toThrow('runtime HTTP log line 1');
  });
});
