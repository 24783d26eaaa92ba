import { childElements, parseTwiml, parseXml, textContent, TwimlParseError } from '../../simulator';

describe('parseTwiml', () => {
  it('reads nested verbs, attributes and text', () => {
    const root = parseTwiml(`<?xml version="1.0" encoding="UTF-8"?>
      <Response>
        <Gather input="dtmf speech" numDigits='1' action="/menu?s=abc">
          <Say voice="alice">Press 1 for Platform.</Say>
          <Pause length="2"/>
        </Gather>
        <Redirect method="POST">/voice</Redirect>
      </Response>`);
    const verbs = childElements(root);
    expect(verbs.map((verb) => verb.name)).toEqual(['Gather', 'Redirect']);
    const gather = verbs[0];
    expect(gather?.attributes).toEqual({ input: 'dtmf speech', numDigits: '1', action: '/menu?s=abc' });
    const nested = gather ? childElements(gather) : [];
    expect(nested.map((verb) => verb.name)).toEqual(['Say', 'Pause']);
    expect(nested[0] && textContent(nested[0])).toBe('Press 1 for Platform.');
    expect(nested[1]?.attributes.length).toBe('2');
    expect(nested[1]?.children).toEqual([]);
  });

  it('decodes entities in text and attributes', () => {
    const root = parseTwiml(
      '<Response><Say>Tom &amp; Jerry &lt;3 &quot;ops&quot; &apos;n&apos; &#65;&#x42;</Say><Redirect>/a?x=1&amp;y=2</Redirect></Response>',
    );
    const [say, redirect] = childElements(root);
    expect(say && textContent(say)).toBe(`Tom & Jerry <3 "ops" 'n' AB`);
    expect(redirect && textContent(redirect)).toBe('/a?x=1&y=2');
    const withAttribute = parseTwiml('<Response><Gather action="/g?a=1&amp;b=&quot;2&quot;"/></Response>');
    expect(childElements(withAttribute)[0]?.attributes.action).toBe('/g?a=1&b="2"');
  });

  it('accepts self-closing tags with and without spaces, comments and CDATA', () => {
    const root = parseTwiml(
      '<Response><!-- hi --><Hangup/><Reject reason="busy" /><Say><![CDATA[a < b]]></Say></Response>',
    );
    const verbs = childElements(root);
    expect(verbs.map((verb) => verb.name)).toEqual(['Hangup', 'Reject', 'Say']);
    expect(verbs[1]?.attributes.reason).toBe('busy');
    expect(verbs[2] && textContent(verbs[2])).toBe('a < b');
  });

  it('keeps words apart around SSML breaks', () => {
    const say = childElements(
      parseTwiml('<Response><Say>one<break time="1s"/>two <emphasis>three</emphasis>.</Say></Response>'),
    )[0];
    expect(say && textContent(say)).toBe('one two three.');
  });

  it.each([
    ['a bare ampersand', '<Response><Redirect>/a?x=1&y=2</Redirect></Response>'],
    ['an unknown entity', '<Response><Say>&nbsp;</Say></Response>'],
    ['mismatched tags', '<Response><Say>hi</Play></Response>'],
    ['an unclosed element', '<Response><Say>hi</Say>'],
    ['an unquoted attribute', '<Response><Pause length=2/></Response>'],
    ['a duplicate attribute', '<Response><Pause length="1" length="2"/></Response>'],
    ['content after the root', '<Response/><Response/>'],
    ['plain text', 'Hello, this is not XML'],
    ['an empty body', ''],
  ])('rejects %s', (_name, source) => {
    expect(() => parseTwiml(source)).toThrow(TwimlParseError);
  });

  it('requires a <Response> root', () => {
    expect(() => parseTwiml('<Twiml><Say>hi</Say></Twiml>')).toThrow(/not <Response>/);
    expect(parseXml('<Twiml/>').name).toBe('Twiml');
  });
});
