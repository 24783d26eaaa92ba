// Records every answer the project's HTTP clients read, as they read it: the Sync and SendGrid
// clients use axios's default instance, so an interceptor on it sees each response they act on.
import axios from 'axios';

export interface ClientAnswer {
  method: string;
  url: string;
  status: number;
  body: unknown;
}

/** Filled anew for each test of the calling suite. */
export function recordClientAnswers(): ClientAnswer[] {
  const answers: ClientAnswer[] = [];
  let interceptor: number | undefined;
  beforeEach(() => {
    answers.length = 0;
    interceptor = axios.interceptors.response.use((response) => {
      answers.push({
        method: (response.config.method ?? 'get').toUpperCase(),
        url: response.config.url ?? '',
        status: response.status,
        body: response.data,
      });
      return response;
    });
  });
  afterEach(() => {
    if (interceptor !== undefined) axios.interceptors.response.eject(interceptor);
  });
  return answers;
}
