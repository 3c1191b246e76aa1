import type { Operation, OperationContext } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ContextInput } from '../../policy/index.js';
import type { TaggedType } from '../../store/schema.js';
import { pageFields } from '../common/list-page.js';
import { checkTagKeys, checkTags, requestTagContext } from '../common/tag-input.js';
import { listTags, putTags, removeTags, type Tag } from '../common/tags.js';

/**
 * A kind of IAM resource tagged through its own Tag…, Untag… and List…Tags operations (OIDC and SAML providers,
 * server certificates). `I` is the input member that names the resource, e.g. `{ SAMLProviderArn: string }`.
 */
export interface TaggableResource<I> {
  readonly type: TaggedType;
  /** The resource's name in IAM's action names: `OpenIDConnectProvider` for `iam:TagOpenIDConnectProvider`. */
  readonly noun: string;
  /** Checks the member that names the resource (ValidationError). */
  check(input: I): void;
  /**
   * Finds the resource, authorizes `action` on it (its own tags as `aws:ResourceTag/…`, plus `extra`), and only
   * then reports it missing. Returns the id its tags are stored under.
   */
  authorized(
    ctx: OperationContext,
    action: string,
    input: I,
    extra: Readonly<Record<string, ContextInput>>,
  ): Promise<string>;
}

/** The three tag operations of a resource, as AWS specifies them for every taggable IAM resource. */
export interface TaggingOperations<I> {
  readonly tag: Operation<I & { Tags: Tag[] }, Record<string, never>>;
  readonly untag: Operation<I & { TagKeys: string[] }, Record<string, never>>;
  readonly list: Operation<
    I & { Marker?: string; MaxItems?: number },
    { Tags: Tag[]; IsTruncated?: boolean; Marker?: string }
  >;
}

/**
 * Tag… adds or overwrites tags (keys match without regard to case, 50 at most); Untag… removes keys, ignoring
 * those the resource does not have; List…Tags pages through them in key order.
 */
export function taggingOperations<I>(resource: TaggableResource<I>): TaggingOperations<I> {
  return {
    tag: async (ctx, input) => {
      resource.check(input);
      checkTags(input.Tags);
      const id = await resource.authorized(
        ctx,
        `iam:Tag${resource.noun}`,
        input,
        requestTagContext(input.Tags),
      );
      await ctx.store.transaction((tx) => putTags(tx, ctx, resource.type, id, input.Tags));
      return {};
    },
    untag: async (ctx, input) => {
      resource.check(input);
      checkTagKeys(input.TagKeys);
      const context: Record<string, ContextInput> =
        input.TagKeys.length === 0 ? {} : { 'aws:TagKeys': [...input.TagKeys] };
      const id = await resource.authorized(ctx, `iam:Untag${resource.noun}`, input, context);
      await ctx.store.transaction((tx) => removeTags(tx, resource.type, id, input.TagKeys));
      return {};
    },
    list: async (ctx, input) => {
      resource.check(input);
      const id = await resource.authorized(ctx, `iam:List${resource.noun}Tags`, input, {});
      const page = paginate(await listTags(ctx.store.db, resource.type, id), input);
      return { Tags: page.items, ...pageFields(page) };
    },
  };
}
