// Tags on every taggable resource, by ARN (all versions of a trained model share its tags). Tag keys are
// held in Maps: `__proto__`, `constructor` or `toString` are keys like any other.
import type { JsonObject } from '../input';
import { addTags, checkTagKeys, isLive, notFound } from './engine';
import { kindOfArn, type Ctx, type Handler } from './kind';

/** The taggable resource an ARN names, as its owner sees it; ResourceNotFoundException otherwise. */
function taggable(ctx: Ctx, arn: string): string {
  const kind = kindOfArn(arn);
  const found = kind?.taggable && ctx.store.byArn(arn).some((r) => r.kind === kind.type && r.region === ctx.region
    && r.accountId === ctx.account && isLive(r, ctx.now));
  if (!found) notFound(kind?.label ?? 'Resource', arn);
  return arn;
}

export const tagResource: Handler = async (input, ctx) => {
  const arn = taggable(ctx, input.resourceArn as string);
  addTags(ctx, arn, new Map(Object.entries(input.tags as Record<string, string>)));
  await ctx.store.commit();
  return {};
};

export const untagResource: Handler = async (input, ctx) => {
  const arn = taggable(ctx, input.resourceArn as string);
  const keys = input.tagKeys as string[];
  checkTagKeys(keys);
  const tags = ctx.store.tags.get(arn);
  if (tags) for (const k of keys) tags.delete(k);
  await ctx.store.commit();
  return {};
};

export const listTagsForResource: Handler = async (input, ctx) => {
  const arn = taggable(ctx, input.resourceArn as string);
  return { tags: Object.fromEntries(ctx.store.tags.get(arn) ?? []) as JsonObject };
};
