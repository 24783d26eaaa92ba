import { chooseAuthToken, PLACEHOLDER_TOKEN } from '../../simulator/auth-token';

describe('chooseAuthToken', () => {
  it('signs with ./.env.local over ./.env and the shell, as npm start merges them', () => {
    expect(chooseAuthToken({ envLocal: 'from-local', dotenv: 'from-dotenv' })).toEqual({ token: 'from-local' });
    const chosen = chooseAuthToken({ envLocal: 'from-local', dotenv: 'from-dotenv', shell: 'from-shell' });
    expect(chosen.token).toBe('from-local');
    expect(chosen.warning).toMatch(/\.\/\.env\.local differs from AUTH_TOKEN in the shell environment/);
  });

  it('signs with ./.env when .env.local has no token, and says so when the shell differs, naming both', () => {
    const chosen = chooseAuthToken({ envLocal: '', shell: 'from-shell', dotenv: 'from-dotenv' });
    expect(chosen.token).toBe('from-dotenv');
    expect(chosen.warning).toMatch(/in \.\/\.env differs/);
    expect(chosen.warning).toMatch(/shell environment/);
    expect(chosen.warning?.split('\n')).toHaveLength(1);
  });

  it('stays quiet when the file and the shell agree', () => {
    expect(chooseAuthToken({ shell: 'same', dotenv: 'same' })).toEqual({ token: 'same' });
    expect(chooseAuthToken({ shell: 'same', envLocal: 'same', dotenv: 'other' })).toEqual({ token: 'same' });
  });

  it('uses whichever source exists', () => {
    expect(chooseAuthToken({ shell: 'from-shell' })).toEqual({ token: 'from-shell' });
    expect(chooseAuthToken({ dotenv: 'from-dotenv', shell: '' })).toEqual({ token: 'from-dotenv' });
    expect(chooseAuthToken({ envLocal: 'from-local' })).toEqual({ token: 'from-local' });
  });

  it('lets --auth-token beat every other source', () => {
    expect(chooseAuthToken({ option: 'explicit', shell: 'a', dotenv: 'b', envLocal: 'c' })).toEqual({
      token: 'explicit',
    });
  });

  it('falls back to a placeholder with a warning', () => {
    const chosen = chooseAuthToken({ dotenv: '', envLocal: '' });
    expect(chosen.token).toBe(PLACEHOLDER_TOKEN);
    expect(chosen.warning).toMatch(/no --auth-token/);
  });
});
