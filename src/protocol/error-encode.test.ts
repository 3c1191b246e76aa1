import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import { encodeError } from './index.js';

describe('encodeError', () => {
  it("writes AWS's ErrorResponse envelope in the service's namespace", () => {
    const err = new AwsError('NoSuchEntity', 'The user with name bob cannot be found.');
    expect(encodeError('iam', err, 'req-1')).toBe(
      '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>' +
        '<Code>NoSuchEntity</Code><Message>The user with name bob cannot be found.</Message></Error>' +
        '<RequestId>req-1</RequestId></ErrorResponse>',
    );
    expect(encodeError('sts', err, 'r')).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/,
    );
  });

  it('marks service faults as Receiver', () => {
    expect(encodeError('iam', new AwsError('ServiceFailure', 'x'), 'r')).toContain('<Type>Receiver</Type>');
  });

  it('escapes the message', () => {
    expect(encodeError('iam', new AwsError('ValidationError', "Value '<a&b>' at 'x'"), 'r')).toContain(
      '<Message>Value &apos;&lt;a&amp;b&gt;&apos; at &apos;x&apos;</Message>',
    );
  });

  it('leaves out the Message element of an error AWS sends without one (recorded: ReportNotPresent)', () => {
    expect(encodeError('iam', new AwsError('ReportNotPresent', ''), 'r')).toBe(
      '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>' +
        '<Code>ReportNotPresent</Code></Error><RequestId>r</RequestId></ErrorResponse>',
    );
  });
});
