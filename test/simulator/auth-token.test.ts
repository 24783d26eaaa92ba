import { chooseAuthToken, PLACEHOLDER_TOKEN } from '../../simulator/auth-token';

describe('chooseAuthToken', () => {
  it('signs with ./.env when the shell exports a different AUTH_TOKEN, and says so naming both', () => {
    const chosen = chooseAuthToken({ shell: 'from-shell', dotenv: 'from-dotenv' });
    expect(chosen.token).toBe('from-dotenv');
    expect(chosen.warning).toMatch(/\.\/\.env/);
    expect(chosen.warning).toMatch(/shell environment/);
    expect(chosen.warning?.split('\n')).toHaveLength(1);
  });

  it('stays quiet when both sources agree', () => {
    expect(chooseAuthToken({ shell: 'same', dotenv: 'same' })).toEqual({ token: 'same' });
  });

  it('uses whichever source exists', () => {
    expect(chooseAuthToken({ shell: 'from-shell' })).toEqual({ token: 'from-shell' });
    expect(chooseAuthToken({ dotenv: 'from-dotenv', shell: '' })).toEqual({ token: 'from-dotenv' });
  });

  it('lets --auth-token beat both', () => {
    expect(chooseAuthToken({ option: 'explicit', shell: 'a', dotenv: 'b' })).toEqual({ token: 'explicit' });
  });

  it('falls back to a placeholder with a warning', () => {
    const chosen = chooseAuthToken({ dotenv: '' });
    expect(chosen.token).toBe(PLACEHOLDER_TOKEN);
    expect(chosen.warning).toMatch(/no --auth-token/);
  });
});
