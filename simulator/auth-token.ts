// Which AUTH_TOKEN the CLI signs with. The local runtime (twilio-run) checks signatures
// with the token in ./.env, so .env beats a different AUTH_TOKEN exported in the shell.

export const PLACEHOLDER_TOKEN = 'simulator-auth-token';

export interface TokenSources {
  /** --auth-token */
  option?: string;
  /** AUTH_TOKEN in the shell environment. */
  shell?: string;
  /** AUTH_TOKEN in ./.env. */
  dotenv?: string;
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
  const { option, shell, dotenv } = sources;
  if (present(option)) return { token: option };
  if (present(dotenv)) {
    if (present(shell) && shell !== dotenv) {
      return {
        token: dotenv,
        warning:
          'warning: AUTH_TOKEN in ./.env differs from AUTH_TOKEN in the shell environment; ' +
          'signing with ./.env (the one twilio-run checks)',
      };
    }
    return { token: dotenv };
  }
  if (present(shell)) return { token: shell };
  return {
    token: PLACEHOLDER_TOKEN,
    warning: `warning: no --auth-token, AUTH_TOKEN or .env AUTH_TOKEN; signing with "${PLACEHOLDER_TOKEN}"`,
  };
}
