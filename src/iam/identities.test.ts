import { describe, expect, it } from 'vitest';
import { IDENTITY_OPERATIONS } from './identities.js';

describe('IDENTITY_OPERATIONS', () => {
  it('holds every identity and account operation, each a function', () => {
    const expected = [
      'CreateUser',
      'GetUser',
      'UpdateUser',
      'DeleteUser',
      'ListUsers',
      'TagUser',
      'UntagUser',
      'ListUserTags',
      'PutUserPermissionsBoundary',
      'DeleteUserPermissionsBoundary',
      'CreateGroup',
      'GetGroup',
      'UpdateGroup',
      'DeleteGroup',
      'ListGroups',
      'AddUserToGroup',
      'RemoveUserFromGroup',
      'ListGroupsForUser',
      'CreateAccessKey',
      'DeleteAccessKey',
      'UpdateAccessKey',
      'ListAccessKeys',
      'GetAccessKeyLastUsed',
      'CreateLoginProfile',
      'GetLoginProfile',
      'UpdateLoginProfile',
      'DeleteLoginProfile',
      'ChangePassword',
      'CreateAccountAlias',
      'DeleteAccountAlias',
      'ListAccountAliases',
      'GetAccountPasswordPolicy',
      'UpdateAccountPasswordPolicy',
      'DeleteAccountPasswordPolicy',
      'GetAccountSummary',
    ];
    expect(Object.keys(IDENTITY_OPERATIONS).sort()).toEqual([...expected].sort());
    for (const op of Object.values(IDENTITY_OPERATIONS)) expect(typeof op).toBe('function');
  });
});
