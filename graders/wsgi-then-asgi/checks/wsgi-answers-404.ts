import { defineCheck } from '../../kit/check.ts';
import { expectJsonError } from '../greetings.ts';

export const wsgiAnswers404 = defineCheck({
  slug: 'wsgi-answers-404',
  title: 'Answers 404 Not Found, with a JSON error, for paths it does not serve',
  hint: 'When PATH_INFO matches no route, call start_response("404 Not Found", headers) with the status as a string: the code, one space and the reason phrase. An int such as 404 breaks the contract, and the server answers 500 Internal Server Error instead. See PEP 3333, The start_response() Callable: https://peps.python.org/pep-3333/#the-start-response-callable',
  timeoutMs: 5000,
  async run(ctx) {
    const paths = [`/${ctx.random.token(8)}`, `/hello/${ctx.random.token(4)}`];
    for (const path of paths) expectJsonError(await ctx.http.get(path), 404, 'Not Found', `GET ${path}`, 'the service has no such path');
    return `GET ${paths.join(' and GET ')} answered 404 Not Found with a JSON error.`;
  },
});
