import { AwsError } from '../../errors/aws-error.js';

/** AWS's NoSuchEntity for an access key that the owner does not have (recorded: UpdateAccessKey). */
export function noSuchAccessKey(id: string): AwsError {
  return new AwsError('NoSuchEntity', `The Access Key with id ${id} cannot be found.`);
}
