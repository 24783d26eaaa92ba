// <Redirect>: fetch another document and carry on with it.
import { textContent } from '../twiml-parser';
import { targetFrom } from '../twiml-urls';
import { afterFetch, endWith, type VerbContext, type VerbOutcome } from './verb-context';

export async function runRedirect(ctx: VerbContext): Promise<VerbOutcome> {
  const { element, leg, session, doc } = ctx;
  const url = textContent(element);
  if (url === '') {
    session.recorder.applicationError({
      code: 12100,
      message: '<Redirect> without a URL',
      leg: leg.kind,
      url: doc.url,
    });
    return endWith('application-error');
  }
  return afterFetch(await session.fetchTwiml(leg, targetFrom(url, element.attributes.method, doc.url), {}, 'redirect'));
}
