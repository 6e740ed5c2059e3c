import { describe, expect, it } from 'vitest';
import { pyRepr } from '../../src/py/repr';
import { PyBytes } from '../../src/py/values';
import {
  DuplicateKeyInObjectError, parseShorthand, ShorthandParseError, ShorthandParseSyntaxError,
} from '../../src/shorthand/parser';

function errorOf(value: string): ShorthandParseError {
  try {
    parseShorthand(value);
  } catch (e) {
    if (e instanceof ShorthandParseError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(value)}`);
}

describe('parseShorthand grammar', () => {
  // [input, Python repr of ShorthandParser().parse(input)]: the AWS CLI's own parser test cases
  // (tests/unit/test_shorthand.py) plus edge cases, with the results the Python parser gives.
  const cases: [string, string][] = [
  ["foo=bar", "{'foo': 'bar'}"],
  ["foo=bar,baz=qux", "{'foo': 'bar', 'baz': 'qux'}"],
  ["a=b,c=d,e=f", "{'a': 'b', 'c': 'd', 'e': 'f'}"],
  ["foo=", "{'foo': ''}"],
  ["foo=,bar=", "{'foo': '', 'bar': ''}"],
  ["foo=✓", "{'foo': '✓'}"],
  ["foo=✓,✓", "{'foo': ['✓', '✓']}"],
  ["foo=a,b", "{'foo': ['a', 'b']}"],
  ["foo=a,b,c", "{'foo': ['a', 'b', 'c']}"],
  ["foo=a,b,bar=c,d", "{'foo': ['a', 'b'], 'bar': ['c', 'd']}"],
  ["foo=a,b,c,bar=d,e,f", "{'foo': ['a', 'b', 'c'], 'bar': ['d', 'e', 'f']}"],
  ["foo=a,b=with space", "{'foo': 'a', 'b': 'with space'}"],
  ["foo=a,b=with trailing space  ", "{'foo': 'a', 'b': 'with trailing space'}"],
  ["foo=first space", "{'foo': 'first space'}"],
  ["foo=a space,bar=a space,baz=a space", "{'foo': 'a space', 'bar': 'a space', 'baz': 'a space'}"],
  ["with-dash=bar", "{'with-dash': 'bar'}"],
  ["with_underscore=bar", "{'with_underscore': 'bar'}"],
  ["with.dot=bar", "{'with.dot': 'bar'}"],
  ["#key=value", "{'#key': 'value'}"],
  ["some/thing=value", "{'some/thing': 'value'}"],
  ["aws:service:region:124:foo/bar=baz", "{'aws:service:region:124:foo/bar': 'baz'}"],
  ["foo=[]", "{'foo': []}"],
  ["foo=[a]", "{'foo': ['a']}"],
  ["foo=[a,b]", "{'foo': ['a', 'b']}"],
  ["foo=[a,b,c]", "{'foo': ['a', 'b', 'c']}"],
  ["foo=[a,b],bar=c,d", "{'foo': ['a', 'b'], 'bar': ['c', 'd']}"],
  ["foo=[a,b],bar=[c,d]", "{'foo': ['a', 'b'], 'bar': ['c', 'd']}"],
  ["foo=a,b,bar=[c,d]", "{'foo': ['a', 'b'], 'bar': ['c', 'd']}"],
  ["foo=[a=b,c=d]", "{'foo': ['a=b', 'c=d']}"],
  ["foo=[ a , b  , c  ]", "{'foo': ['a', 'b', 'c']}"],
  ["foo  =  [ a , b  , c  ]", "{'foo': ['a', 'b', 'c']}"],
  ["foo=[,,]", "{'foo': ['', '']}"],
  ["foo='bar'", "{'foo': 'bar'}"],
  ["foo='bar,baz'", "{'foo': 'bar,baz'}"],
  ["foo='bar','baz'", "{'foo': ['bar', 'baz']}"],
  ["foo=bar,'baz'", "{'foo': ['bar', 'baz']}"],
  ["foo=bar,'baz=qux'", "{'foo': ['bar', 'baz=qux']}"],
  ["foo=bar,'--option=bar space'", "{'foo': ['bar', '--option=bar space']}"],
  ["foo='bar\\'baz'", "{'foo': \"bar'baz\"}"],
  ["foo='bar\\\\baz'", "{'foo': 'bar\\\\baz'}"],
  ["foo=\"bar\"", "{'foo': 'bar'}"],
  ["foo=\"bar,baz\"", "{'foo': 'bar,baz'}"],
  ["foo=\"bar\",\"baz\"", "{'foo': ['bar', 'baz']}"],
  ["foo=bar,\"baz=qux\"", "{'foo': ['bar', 'baz=qux']}"],
  ["foo=bar,\"--option=bar space\"", "{'foo': ['bar', '--option=bar space']}"],
  ["foo=\"bar\\\"baz\"", "{'foo': 'bar\"baz'}"],
  ["foo=\"bar\\\\baz\"", "{'foo': 'bar\\\\baz'}"],
  ["foo=a\\,b", "{'foo': 'a,b'}"],
  ["foo=a\\,", "{'foo': 'a,'}"],
  ["foo=\\,", "{'foo': ','}"],
  ["foo=a,b\\,c", "{'foo': ['a', 'b,c']}"],
  ["foo=a,b\\,", "{'foo': ['a', 'b,']}"],
  ["foo=a,\\,bc", "{'foo': ['a', ',bc']}"],
  ["foo= bar", "{'foo': 'bar'}"],
  ["foo =bar", "{'foo': 'bar'}"],
  ["foo = bar", "{'foo': 'bar'}"],
  ["foo  =   bar", "{'foo': 'bar'}"],
  ["foo = bar,baz = qux", "{'foo': 'bar', 'baz': 'qux'}"],
  ["a = b,  c = d , e = f", "{'a': 'b', 'c': 'd', 'e': 'f'}"],
  ["foo = ", "{'foo': ''}"],
  ["a=b,c=  d,  e,  f", "{'a': 'b', 'c': ['d', 'e', 'f']}"],
  ["Name=foo,Values=  a  ,  b  ,  c  ", "{'Name': 'foo', 'Values': ['a', 'b', 'c']}"],
  ["Name=foo,Values= a,  b  ,  c", "{'Name': 'foo', 'Values': ['a', 'b', 'c']}"],
  ["Name=foo,\nValues=a,b,c", "{'Name': 'foo', 'Values': ['a', 'b', 'c']}"],
  ["A=b,\nC=d,\nE=f\n", "{'A': 'b', 'C': 'd', 'E': 'f'}"],
  ["Name={foo=bar,baz=qux}", "{'Name': {'foo': 'bar', 'baz': 'qux'}}"],
  ["Name={foo=[a,b,c],bar=baz}", "{'Name': {'foo': ['a', 'b', 'c'], 'bar': 'baz'}}"],
  ["Name={foo=bar},Bar=baz", "{'Name': {'foo': 'bar'}, 'Bar': 'baz'}"],
  ["Bar=baz,Name={foo=bar}", "{'Bar': 'baz', 'Name': {'foo': 'bar'}}"],
  ["a={b={c=d}}", "{'a': {'b': {'c': 'd'}}}"],
  ["a={b={c=d,e=f},g=h}", "{'a': {'b': {'c': 'd', 'e': 'f'}, 'g': 'h'}}"],
  ["Name=[{foo=bar}, {baz=qux}]", "{'Name': [{'foo': 'bar'}, {'baz': 'qux'}]}"],
  ["Name=[{foo=[a,b]}, {bar=[c,d]}]", "{'Name': [{'foo': ['a', 'b']}, {'bar': ['c', 'd']}]}"],
  ["foo@=bar", "{'foo': 'bar'}"],
  ["foo@=bar,baz@=qux", "{'foo': 'bar', 'baz': 'qux'}"],
  ["foo@=,bar@=", "{'foo': '', 'bar': ''}"],
  ["foo@=✓,✓", "{'foo': ['✓', '✓']}"],
  ["foo@=a,b,bar=c,d", "{'foo': ['a', 'b'], 'bar': ['c', 'd']}"],
  ["foo=a,b@=with space", "{'foo': 'a', 'b': 'with space'}"],
  ["foo=a,b@=with trailing space  ", "{'foo': 'a', 'b': 'with trailing space'}"],
  ["aws:service:region:124:foo/bar@=baz", "{'aws:service:region:124:foo/bar': 'baz'}"],
  ["foo=[a,b],bar@=[c,d]", "{'foo': ['a', 'b'], 'bar': ['c', 'd']}"],
  ["foo  @=  [ a , b  , c  ]", "{'foo': ['a', 'b', 'c']}"],
  ["A=b,\nC@=d,\nE@=f\n", "{'A': 'b', 'C': 'd', 'E': 'f'}"],
  ["Bar@=baz,Name={foo@=bar}", "{'Bar': 'baz', 'Name': {'foo': 'bar'}}"],
  ["Name=[{foo@=bar}, {baz=qux}]", "{'Name': [{'foo': 'bar'}, {'baz': 'qux'}]}"],
  ["Name=[{foo@=[a,b]}, {bar=[c,d]}]", "{'Name': [{'foo': ['a', 'b']}, {'bar': ['c', 'd']}]}"],
  ["q='x\\\\'y'", "{'q': \"x\\\\'y\"}"],
  ["a=]", "{'a': ']'}"],
  ["k= v ", "{'k': '\\xa0v'}"],
  ["k=v\u001c", "{'k': 'v'}"],
  ["a=b\tc\t", "{'a': 'b\\tc'}"],
  ["a={b=[c,{d=e}],f=[]}", "{'a': {'b': ['c', {'d': 'e'}], 'f': []}}"],
  ["a=[[b,c],[d]]", "{'a': [['b', 'c'], ['d']]}"],
  ["a={}", "{'a': {}}"],
  ["a=[{}]", "{'a': [{}]}"],
  ["a=1,b=2,a2=3", "{'a': '1', 'b': '2', 'a2': '3'}"],
  ["a=x,y,z=1", "{'a': ['x', 'y'], 'z': '1'}"],
  ["a=x,'y',\"z\"", "{'a': ['x', 'y', 'z']}"],
  ["a=é,ü", "{'a': ['é', 'ü']}"],
  ["foo=}", "{'foo': '}'}"],
  ["foo={a=b c}", "{'foo': {'a': 'b c'}}"],
  ["a=1\nb c=2", "{'a': '1\\nb c=2'}"],
  ["a=b,\n\nc", "{'a': ['b', 'c']}"],
  ["a@=", "{'a': ''}"],
  ["a=b, ,c=d", "{'a': 'b', 'c': 'd'}"],
  ];
  it.each(cases)('%j', (input, repr) => {
    expect(pyRepr(parseShorthand(input))).toBe(repr);
  });

  it('returns Maps, lists and strings', () => {
    expect(parseShorthand('a=b,c=[d,{e=f}]')).toEqual(new Map<string, unknown>([
      ['a', 'b'], ['c', ['d', new Map([['e', 'f']])]],
    ]));
  });

  it('keeps the first position when a key repeats inside {} (last value wins)', () => {
    expect([...(parseShorthand('a={x=1,y=2,x=3}').get('a') as Map<string, unknown>)]).toEqual([['x', '3'], ['y', '2']]);
  });
});

describe('parseShorthand errors (str() of the Python exception)', () => {
  // [input, exception class, message] as the AWS CLI v2 prints them (a space before the echoed input
  // of a syntax error, as in the conformance cases).
  const cases: [string, string, string][] = [
  ["foo", "ShorthandParseSyntaxError", "Expected: '=', received: 'EOF' for input:\n foo\n   ^"],
  ["foo=\"bar", "ShorthandParseSyntaxError", "Expected: '<double quoted>', received: '<none>' for input:\n foo=\"bar\n    ^"],
  ["\"foo=bar", "ShorthandParseSyntaxError", "Expected: '=', received: '\"' for input:\n \"foo=bar\n^"],
  ["foo='bar", "ShorthandParseSyntaxError", "Expected: '<singled quoted>', received: '<none>' for input:\n foo='bar\n    ^"],
  ["foo=[bar", "ShorthandParseSyntaxError", "Expected: ',', received: 'EOF' for input:\n foo=[bar\n        ^"],
  ["foo={bar", "ShorthandParseSyntaxError", "Expected: '=', received: 'EOF' for input:\n foo={bar\n        ^"],
  ["foo={bar}", "ShorthandParseSyntaxError", "Expected: '=', received: '}' for input:\n foo={bar}\n        ^"],
  ["foo={bar=bar", "ShorthandParseSyntaxError", "Expected: ',', received: 'EOF' for input:\n foo={bar=bar\n            ^"],
  ["foo=bar,", "ShorthandParseSyntaxError", "Expected: '<second>', received: '<none>' for input:\n foo=bar,\n        ^"],
  ["foo==bar,\nbar=baz", "ShorthandParseSyntaxError", "Expected: ',', received: '=' for input:\n foo==bar,\n    ^\nbar=baz"],
  ["foo=bar,foo=qux", "DuplicateKeyInObjectError", "Second instance of key \"foo\" encountered for input:\nfoo=bar,foo=qux\n        ^\nThis is often because there is a preceding \",\" instead of a space."],
  ["a=b,\nc=d,\na=e", "DuplicateKeyInObjectError", "Second instance of key \"a\" encountered for input:\na=b,\nc=d,\n    ^\na=e\nThis is often because there is a preceding \",\" instead of a space."],
  ["a=b,c=d,\n  a=e\n", "DuplicateKeyInObjectError", "Second instance of key \"a\" encountered for input:\na=b,c=d,\n        ^\n  a=e\n\nThis is often because there is a preceding \",\" instead of a space."],
  ["foo=[a b", "ShorthandParseSyntaxError", "Expected: ',', received: 'EOF' for input:\n foo=[a b\n        ^"],
  ["foo=[a,b", "ShorthandParseSyntaxError", "Expected: ',', received: 'EOF' for input:\n foo=[a,b\n        ^"],
  ["foo=[a,b]]", "ShorthandParseSyntaxError", "Expected: ',', received: ']' for input:\n foo=[a,b]]\n         ^"],
  ["foo={a=b}}", "ShorthandParseSyntaxError", "Expected: ',', received: '}' for input:\n foo={a=b}}\n         ^"],
  ["foo=a,\"b", "ShorthandParseSyntaxError", "Expected: '=', received: '\"' for input:\n foo=a,\"b\n      ^"],
  ["foo=a,'b", "ShorthandParseSyntaxError", "Expected: '=', received: ''' for input:\n foo=a,'b\n      ^"],
  ["foo='\\\\\\\\\\\\\\\\\\\\", "ShorthandParseSyntaxError", "Expected: '<singled quoted>', received: '<none>' for input:\n foo='\\\\\\\\\\\\\\\\\\\\\n    ^"],
  ["foo=\"\\\\\\\\\\\\\\\\\\\\", "ShorthandParseSyntaxError", "Expected: '<double quoted>', received: '<none>' for input:\n foo=\"\\\\\\\\\\\\\\\\\\\\\n    ^"],
  ["x", "ShorthandParseSyntaxError", "Expected: '=', received: 'EOF' for input:\n x\n ^"],
  ["", "ShorthandParseSyntaxError", "Expected: '=', received: 'EOF' for input:\n \n^"],
  ["k v=1", "ShorthandParseSyntaxError", "Expected: '=', received: 'v' for input:\n k v=1\n  ^"],
  ["a=😀b", "ShorthandParseSyntaxError", "Expected: ',', received: '😀' for input:\n a=😀b\n  ^"],
  ["😀=1", "ShorthandParseSyntaxError", "Expected: '=', received: '😀' for input:\n 😀=1\n^"],
  ["a=[😀]", "ShorthandParseSyntaxError", "Expected: ',', received: '😀' for input:\n a=[😀]\n   ^"],
  ["a=b,😀", "ShorthandParseSyntaxError", "Expected: '=', received: '😀' for input:\n a=b,😀\n    ^"],
  ["a={😀=1}", "ShorthandParseSyntaxError", "Expected: '=', received: '😀' for input:\n a={😀=1}\n   ^"],
  ["a@b=1", "ShorthandParseSyntaxError", "Expected: '=', received: 'b' for input:\n a@b=1\n  ^"],
  ["a@", "ShorthandParseSyntaxError", "Expected: '=', received: 'EOF' for input:\n a@\n  ^"],
  ["a=[{b@c}]", "ShorthandParseSyntaxError", "Expected: '=', received: 'c' for input:\n a=[{b@c}]\n      ^"],
  ["a={b=[}", "ShorthandParseSyntaxError", "Expected: ',', received: 'EOF' for input:\n a={b=[}\n       ^"],
  ["a=b,,", "ShorthandParseSyntaxError", "Expected: '=', received: 'EOF' for input:\n a=b,,\n     ^"],
  ["a=b,[c]", "ShorthandParseSyntaxError", "Expected: '=', received: '[' for input:\n a=b,[c]\n    ^"],
  ["a=b,{c=d}", "ShorthandParseSyntaxError", "Expected: '=', received: '{' for input:\n a=b,{c=d}\n    ^"],
  ];
  it.each(cases)('%j', (input, cls, message) => {
    const e = errorOf(input);
    expect(e.name).toBe(cls);
    expect(e.message).toBe(message);
  });

  // [input, error index in code points]
  const positions: [string, number][] = [
  ["q='a\\'b", 6],
  ["q=\"a\\\"b", 6],
  ["q='a\\'b\\'c", 9],
  ["a=b]", 3],
  ["a=[b}]", 4],
  ["a={b=c]}", 6],
  ];
  it.each(positions)('%j fails at %i', (input, index) => {
    expect(errorOf(input).index).toBe(index);
  });

  it('exposes expected/actual and the duplicate key', () => {
    const s = errorOf('a=b,c=d,a=x');
    expect(s).toBeInstanceOf(DuplicateKeyInObjectError);
    expect((s as DuplicateKeyInObjectError).key).toBe('a');
    const t = errorOf('foo=[bar') as ShorthandParseSyntaxError;
    expect(t).toBeInstanceOf(ShorthandParseSyntaxError);
    expect([t.expected, t.actual, t.index, t.value]).toEqual([',', 'EOF', 8, 'foo=[bar']);
  });

  it('does not hang on unclosed quotes followed by many backslashes', () => {
    expect(errorOf(`foo="${'\\'.repeat(5000)}`).message.startsWith("Expected: '<double quoted>'")).toBe(true);
    expect(errorOf(`foo='${"\\'".repeat(5000)}x`).name).toBe('ShorthandParseSyntaxError');
  });
});

describe('parseShorthand conformance examples', () => {
  it('sh-rc-space-in-key: caret under the T', () => {
    expect(errorOf('instance Type=ml.m5.xlarge').message).toBe(
      "Expected: '=', received: 'T' for input:\n instance Type=ml.m5.xlarge\n         ^");
  });

  it('file-rc-bom: a leading U+FEFF is not a key character', () => {
    const v = '\ufeff{"instanceType":"ml.m5.xlarge","instanceCount":3}';
    expect(errorOf(v).message).toBe(`Expected: '=', received: '\ufeff' for input:\n ${v}\n^`);
  });

  it('sh-env-*: csv lists, doubled commas, newlines, empty keys', () => {
    expect(pyRepr(parseShorthand('A=b,c,d'))).toBe("{'A': ['b', 'c', 'd']}");
    expect(pyRepr(parseShorthand('A = b ,, C = d'))).toBe("{'A': 'b', 'C': 'd'}");
    expect(parseShorthand('A=b\nC=d,\nE=f')).toEqual(new Map([['A', 'b\nC=d'], ['E', 'f']]));
    expect(parseShorthand('=b')).toEqual(new Map([['', 'b']]));
    expect(parseShorthand('LOG_LEVEL=debug,BATCH=128')).toEqual(new Map([['LOG_LEVEL', 'debug'], ['BATCH', '128']]));
  });

  it('sh-oc-*: lists of hashes, whitespace, trailing commas, quotes, empty keys', () => {
    expect(pyRepr(parseShorthand('members=[{=123456789012}]'))).toBe("{'members': [{'': '123456789012'}]}");
    expect(pyRepr(parseShorthand('members=[\n { accountId = 123456789012 , } ,\n]')))
      .toBe("{'members': [{'accountId': '123456789012'}]}");
    expect(pyRepr(parseShorthand(`members=[{accountId="123456789012"},{accountId='210987654321'}]`)))
      .toBe("{'members': [{'accountId': '123456789012'}, {'accountId': '210987654321'}]}");
    expect(pyRepr(parseShorthand('members=[{accountId=123456789012}],accept=text/csv')))
      .toBe("{'members': [{'accountId': '123456789012'}], 'accept': 'text/csv'}");
    expect(pyRepr(parseShorthand('instanceType={a=b}'))).toBe("{'instanceType': {'a': 'b'}}");
  });

  it('sh-ds-eq-file-literal: plain = never loads files', () => {
    const readFile = () => { throw new Error('must not be called'); };
    expect(parseShorthand('mlInputChannelArn=file://arn.txt', { readFile }))
      .toEqual(new Map([['mlInputChannelArn', 'file://arn.txt']]));
  });
});

describe('parseShorthand @= file values', () => {
  const files: Record<string, string> = { 'file://foo': 'file-contents123', 'file://foo1': 'c1', 'file://foo2': 'c2' };
  const calls: string[] = [];
  const readFile = (uri: string) => {
    calls.push(uri);
    if (uri.startsWith('fileb://')) return new PyBytes(new TextEncoder().encode(files[`file://${uri.slice(8)}`]));
    if (!(uri in files)) throw new Error(`Unable to load paramfile ${uri}`);
    return files[uri];
  };

  it('loads file:// as text and fileb:// as bytes, also inside {}', () => {
    expect(pyRepr(parseShorthand('Foo@=file://foo,Bar={Baz@=file://foo}', { readFile })))
      .toBe("{'Foo': 'file-contents123', 'Bar': {'Baz': 'file-contents123'}}");
    expect(pyRepr(parseShorthand('Foo@=fileb://foo,Bar={Baz@=fileb://foo}', { readFile })))
      .toBe("{'Foo': b'file-contents123', 'Bar': {'Baz': b'file-contents123'}}");
  });

  it('passes the whole value, prefix included, to readFile', () => {
    calls.length = 0;
    parseShorthand('a@=file://foo1,b@="file://foo2"', { readFile });
    expect(calls).toEqual(['file://foo1', 'file://foo2']);
  });

  it('leaves values without a file prefix alone, and = inside @= values', () => {
    expect(pyRepr(parseShorthand('Bar@={Baz=file://foo}', { readFile }))).toBe("{'Bar': {'Baz': 'file://foo'}}");
    expect(pyRepr(parseShorthand('Foo@=foo,Bar={Baz@=foo}', { readFile }))).toBe("{'Foo': 'foo', 'Bar': {'Baz': 'foo'}}");
  });

  it('loads every item of an @= list (explicit or comma-separated)', () => {
    expect(pyRepr(parseShorthand('Foo@=[a, file://foo1, file://foo2]', { readFile }))).toBe("{'Foo': ['a', 'c1', 'c2']}");
    expect(pyRepr(parseShorthand('Foo@=file://foo1,file://foo2,B=x', { readFile }))).toBe("{'Foo': ['c1', 'c2'], 'B': 'x'}");
  });

  it('reproduces the parser flag leaking past a nested key (as Python does)', () => {
    // The flag is per parser, not per value: after {accountId@=x} it stays on for the rest of the list.
    expect(pyRepr(parseShorthand('members=[{accountId@=x}, file://foo1]', { readFile })))
      .toBe("{'members': [{'accountId': 'x'}, 'c1']}");
    // ...and a nested plain key turns it off for the rest of the @= list.
    expect(pyRepr(parseShorthand('members@=[{accountId=file://foo1}, file://foo2]', { readFile })))
      .toBe("{'members': [{'accountId': 'file://foo1'}, 'file://foo2']}");
  });

  it('accepts whitespace around @ and =', () => {
    expect(pyRepr(parseShorthand('a @ = file://foo1', { readFile }))).toBe("{'a': 'c1'}");
  });

  it('lets a readFile error escape unchanged', () => {
    expect(() => parseShorthand('Foo@=file://missing', { readFile })).toThrow('Unable to load paramfile file://missing');
    expect(() => parseShorthand('Foo@=file://missing', { readFile })).not.toThrow(ShorthandParseError);
  });
});

describe('parseShorthand work and depth', () => {
  const stepsOf = (value: string) => {
    const stats = { steps: 0 };
    try {
      parseShorthand(value, { stats });
    } catch (e) {
      if (!(e instanceof ShorthandParseError)) throw e;
    }
    return stats.steps;
  };

  it.each([
    ['keys', (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v${i}`).join(',')],
    ['list members', (n: number) => `members=[${Array.from({ length: n }, () => '{accountId=123456789012}').join(',')}]`],
    ['csv values', (n: number) => `a=${Array.from({ length: n }, (_, i) => `v${i}`).join(',')},b=1`],
    ['quoted values', (n: number) => Array.from({ length: n }, (_, i) => `k${i}='v\\'${i}',"w"`).join(',')],
    ['nested hashes', (n: number) => `a=${'{b='.repeat(Math.min(n, 900))}1${'}'.repeat(Math.min(n, 900))}`],
    ['a syntax error at the end', (n: number) => `${Array.from({ length: n }, (_, i) => `k${i}=v${i}`).join(',')},x`],
  ])('examines each character a bounded number of times (%s)', (_name, make) => {
    for (const n of [100, 1000, 3000]) {
      const value = make(n);
      expect(stepsOf(value)).toBeLessThanOrEqual(4 * [...value].length);
    }
  });

  it('parses 1000 levels and refuses deeper nesting with an error of its own', () => {
    const list = (n: number) => `a=${'['.repeat(n)}${']'.repeat(n)}`;
    expect(pyRepr(parseShorthand(list(1000))).length).toBe(2000 + 7);
    const e = errorOf(list(8000));
    expect(e.name).toBe('ShorthandNestingError');
    expect(e.message).toBe('Shorthand values nested more than 1000 levels deep are not supported (char 1002).');
    expect(errorOf(`a=${'{b='.repeat(8000)}1${'}'.repeat(8000)}`).message).toContain('more than 1000 levels deep');
  });
});
