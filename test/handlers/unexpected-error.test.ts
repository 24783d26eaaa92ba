// A bug inside a function must still leave the caller a way to be heard: the safe path answers
// with the voicemail prompt, never Twilio's "application error", and the message left there
// opens the incident.
import * as menus from '../../functions/lib/core/menus';
import { invoke, logLines, parseLink, tokenOf, useSandbox } from './harness';

useSandbox();

afterEach(() => jest.restoreAllMocks());

describe('an unexpected error inside a function', () => {
  it('answers the caller with the voicemail prompt, and logs the error', async () => {
    jest.spyOn(menus, 'answerCall').mockImplementation(() => {
      throw new Error('a bug in the menu');
    });
    const answer = await invoke('voice', { env: { TEAM_1: 'Platform' } });
    expect(answer.has('Record')).toBe(true);
    expect(answer.dialled).toEqual([]);
    expect(answer.said).toContain('We could not alert');
    expect(JSON.stringify(logLines('error'))).toContain('a bug in the menu');
  });

  it('seals the recording link, so the message left opens the incident through /recorded', async () => {
    jest.spyOn(menus, 'answerCall').mockImplementation(() => {
      throw new Error('a bug in the menu');
    });
    const answer = await invoke('voice', { env: { TEAM_1: 'Platform' } });
    const action = answer.attr('Record', 'action');
    expect(parseLink(action).name).toBe('recorded');
    expect(tokenOf(action)).not.toBe('');
  });
});
