// Which AUTH_TOKEN the CLI signs with. `npm start` gives twilio-run .env's values with
// .env.local's over them, so the token there beats a different AUTH_TOKEN exported in the shell.

export const PLACEHOLDER_TOKEN = 'simulator-auth-token';

export interface TokenSources {
  /** --auth-token */
  option?: string;
  /** AUTH_TOKEN in ./.env.local, where `npm start` keeps its local-only token. */
  envLocal?: string;
  /** AUTH_TOKEN in ./.env. */
  dotenv?: string;
  /** AUTH_TOKEN in the shell environment. */
  shell?: string;
}

export interface ChosenToken {
  token: string;
  /** One line for stderr when the choice may surprise. */
  warning?: string;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

export function chooseAuthToken(sources: TokenSources): ChosenToken {
  const { option, envLocal, dotenv, shell } = sources;
  if (present(option)) return { token: option };
  const file = present(envLocal)
    ? { name: './.env.local', token: envLocal }
    : present(dotenv)
      ? { name: './.env', token: dotenv }
      : undefined;
  if (file) {
    if (present(shell) && shell !== file.token) {
      return {
        token: file.token,
        warning:
          `warning: AUTH_TOKEN in ${file.name} differs from AUTH_TOKEN in the shell environment; ` +
          `signing with ${file.name} (the one npm start gives twilio-run)`,
      };
    }
    return { token: file.token };
  }
  if (present(shell)) return { token: shell };
  return {
    token: PLACEHOLDER_TOKEN,
    warning: `warning: no --auth-token, and no AUTH_TOKEN in ./.env.local, ./.env or the shell; signing with "${PLACEHOLDER_TOKEN}"`,
  };
}
