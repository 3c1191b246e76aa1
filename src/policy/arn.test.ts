// ARN format: arn:partition:service:region:account-id:resource, where the resource part may itself hold colons
// and slashes, and region and account may be empty:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
import { describe, expect, it } from 'vitest';
import { arnParts, parseArn } from './arn.js';

describe('parseArn', () => {
  it('splits an ARN into its five parts', () => {
    expect(parseArn('arn:aws:iam::111122223333:user/division/alice')).toEqual({
      partition: 'aws',
      service: 'iam',
      region: '',
      account: '111122223333',
      resource: 'user/division/alice',
    });
  });

  it('keeps colons inside the resource part', () => {
    expect(parseArn('arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:web')?.resource).toBe(
      'log-group:app:log-stream:web',
    );
  });

  it('allows empty region and account (S3)', () => {
    expect(parseArn('arn:aws:s3:::bucket/key')).toEqual({
      partition: 'aws',
      service: 's3',
      region: '',
      account: '',
      resource: 'bucket/key',
    });
  });

  it('reads other partitions', () => {
    expect(parseArn('arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1')?.partition).toBe('aws-cn');
    expect(parseArn('arn:aws-us-gov:sns:us-gov-west-1:111122223333:t')?.region).toBe('us-gov-west-1');
  });

  it('accepts an empty resource after the fifth colon', () => {
    expect(parseArn('arn:aws:s3:::')?.resource).toBe('');
  });

  it('rejects text with fewer than five colons', () => {
    expect(parseArn('arn:aws:s3::bucket')).toBeUndefined();
    expect(parseArn('arn:aws')).toBeUndefined();
  });

  it('rejects text that does not start with arn:', () => {
    expect(parseArn('111122223333')).toBeUndefined();
    expect(parseArn('s3.amazonaws.com')).toBeUndefined();
    expect(parseArn('xarn:aws:s3:::bucket')).toBeUndefined();
  });
});

describe('arnParts', () => {
  it('lists partition, service, region, account and resource in order', () => {
    const arn = parseArn('arn:aws:sns:us-east-1:111122223333:topic:sub');
    expect(arn && arnParts(arn)).toEqual(['aws', 'sns', 'us-east-1', '111122223333', 'topic:sub']);
  });
});
