// Generated from openapi/openapi.yaml by scripts/generate.mjs: do not edit.
// Change the spec, then run `npm run generate`.

import type { components } from './schema.js';
import type { BodyOf, CreateOptions, ListAllOptions, QueryOf, RequestOptions, ResultOf, WriteOptions } from '../operation-types.js';
import type { Paginator } from '../pagination.js';

/** `client.partnerLinks`. */
export interface PartnerLinks {
  /**
   * List a partner's referral links.
   *
   * Lists the referral links of one partner, one page at a time, with `limit` links a page.
   * The client's `listAll` walks every page.
   *
   * `GET /v1/partners/{id}/referral_links` (listPartnerReferralLinks)
   */
  list(id: string, query?: QueryOf<'listPartnerReferralLinks'>, options?: RequestOptions): Promise<ResultOf<'listPartnerReferralLinks'>>;
  /**
   * Every item of `list`, page after page: `for await (const item of ...)`, or `.pages()`.
   * `GET /v1/partners/{id}/referral_links` (listPartnerReferralLinks)
   */
  listAll(id: string, query?: Omit<QueryOf<'listPartnerReferralLinks'>, 'page'>, options?: ListAllOptions): Paginator<ResultOf<'listPartnerReferralLinks'>["data"][number], ResultOf<'listPartnerReferralLinks'>>;
  /**
   * Create a partner referral link.
   *
   * Creates a referral link with the given key for a partner, identified by its `id`, `key`
   * or `email` [doc D-create, V-partner]. Keys are unique across the program and not case
   * sensitive (see `key`).
   *
   * Partnero documents the answer as `200 OK` in its API reference's example [doc V-partner]
   * and as `201 Created` on another page [doc D-create]: both are success here. The examples
   * and the sandbox use 200, the first listed (`x-partnero-example-status`). An unknown partner
   * makes the call fail [sdk S-n8n], with a status no source gives: 404 or 422, both described below. There is no idempotency key: the client
   * never sends a create twice blindly (see `x-partnero-create`).
   *
   * `POST /v1/partner_referral_links` (createPartnerReferralLink)
   */
  create(body: BodyOf<'createPartnerReferralLink'>, options?: CreateOptions): Promise<ResultOf<'createPartnerReferralLink'>>;
  /**
   * Get a partner referral link.
   *
   * Gets one partner referral link by its ID. Documented only by Partnero's SDK [sdk S-php];
   * the answer is the same as for a customer link [doc V-customer] **[inferred]**.
   *
   * `GET /v1/partner_referral_links/{id}` (getPartnerReferralLink)
   */
  get(id: string, options?: RequestOptions): Promise<ResultOf<'getPartnerReferralLink'>>;
  /**
   * Rename a partner referral link.
   *
   * Gives a partner referral link a new key [doc D-update]. The link's ID follows its key: the
   * answer carries the new ID [doc D-update], and the old one no longer finds the link
   * **[inferred]**. The new key follows the key rules and is compared with the program's other
   * keys without regard to case (see `key`).
   *
   * `PUT /v1/partner_referral_links/{id}` (updatePartnerReferralLink)
   */
  update(id: string, body: BodyOf<'updatePartnerReferralLink'>, options?: WriteOptions): Promise<ResultOf<'updatePartnerReferralLink'>>;
  /**
   * Delete a partner referral link.
   *
   * Deletes a partner referral link. Documented by Partnero's SDK [sdk S-php] and listed
   * ("Delete a Link") in its referral-links guide [doc D-guide-links], whose section was not
   * captured: the answer is not documented, so both a `200` with the usual envelope and a `204`
   * without a body (a status Partnero lists [doc V-general]) are success here **[inferred]**;
   * comparable calls of the API answer 200 `{"status": 1}`, which the examples and the sandbox
   * use (`x-partnero-example-status`).
   * What happens to a partner's default link is not documented.
   *
   * `DELETE /v1/partner_referral_links/{id}` (deletePartnerReferralLink)
   */
  delete(id: string, options?: WriteOptions): Promise<ResultOf<'deletePartnerReferralLink'>>;
  /**
   * Search partner referral links.
   *
   * Finds a partner referral link by its `id` or its `key`: give exactly one of the two
   * (`x-partnero-exactly-one`); a search with neither or both is refused with 422 naming both
   * **[inferred]**. Documented only by Partnero's SDK ("use id or key" [sdk S-php]); the answer
   * is **[inferred]**: a list in `data`, empty when nothing matches. How a search matches is not
   * documented either: exactly, at most one link, and for a key without regard to case (keys are
   * not case sensitive [doc H-custom]) is **[inferred]** (see the `id` and `key` parameters).
   *
   * `GET /v1/partner_referral_links:search` (searchPartnerReferralLinks)
   */
  search(query?: QueryOf<'searchPartnerReferralLinks'>, options?: RequestOptions): Promise<ResultOf<'searchPartnerReferralLinks'>>;
  /**
   * List the domains a link can use.
   *
   * Lists the program's domains that a partner referral link can use, one page at a time: the
   * default domain (`id` null) and any additional ones. Pass a domain's `id` and
   * `is_additional` when creating a link. There is no such list for customer links.
   *
   * `GET /v1/partner_referral_links:domains` (listPartnerReferralLinkDomains)
   */
  listDomains(query?: QueryOf<'listPartnerReferralLinkDomains'>, options?: RequestOptions): Promise<ResultOf<'listPartnerReferralLinkDomains'>>;
  /**
   * Every item of `listDomains`, page after page: `for await (const item of ...)`, or `.pages()`.
   * `GET /v1/partner_referral_links:domains` (listPartnerReferralLinkDomains)
   */
  listAllDomains(query?: Omit<QueryOf<'listPartnerReferralLinkDomains'>, 'page'>, options?: ListAllOptions): Paginator<ResultOf<'listPartnerReferralLinkDomains'>["data"][number], ResultOf<'listPartnerReferralLinkDomains'>>;
}

/** `client.customerLinks`. */
export interface CustomerLinks {
  /**
   * List a customer's referral links.
   *
   * Lists the referral links of one customer (refer-a-friend programs), one page at a time, with `limit` links a page.
   * The client's `listAll` walks every page.
   *
   * `GET /v1/customers/{id}/referral_links` (listCustomerReferralLinks)
   */
  list(id: string, query?: QueryOf<'listCustomerReferralLinks'>, options?: RequestOptions): Promise<ResultOf<'listCustomerReferralLinks'>>;
  /**
   * Every item of `list`, page after page: `for await (const item of ...)`, or `.pages()`.
   * `GET /v1/customers/{id}/referral_links` (listCustomerReferralLinks)
   */
  listAll(id: string, query?: Omit<QueryOf<'listCustomerReferralLinks'>, 'page'>, options?: ListAllOptions): Paginator<ResultOf<'listCustomerReferralLinks'>["data"][number], ResultOf<'listCustomerReferralLinks'>>;
  /**
   * Create a customer referral link.
   *
   * Creates a referral link with the given key for a customer, identified by its `id`, `key`
   * or `email` [doc V-customer]. Keys are unique across the program and not case sensitive
   * (see `key`).
   *
   * Partnero documents the answer as `200 OK` [doc V-customer]; one of its partner-link pages
   * answers the same call with `201 Created` [doc D-create], so both are success here
   * **[inferred]**. The examples and the sandbox use 200, the first listed
   * (`x-partnero-example-status`).
   * An unknown customer makes the call fail, with a status no source gives: 404 or 422, both
   * described below. There is no idempotency key: the client never sends a create twice
   * blindly (see `x-partnero-create`).
   *
   * `POST /v1/customer_referral_links` (createCustomerReferralLink)
   */
  create(body: BodyOf<'createCustomerReferralLink'>, options?: CreateOptions): Promise<ResultOf<'createCustomerReferralLink'>>;
  /**
   * Get a customer referral link.
   *
   * Gets one customer referral link by its ID.
   *
   * `GET /v1/customer_referral_links/{id}` (getCustomerReferralLink)
   */
  get(id: string, options?: RequestOptions): Promise<ResultOf<'getCustomerReferralLink'>>;
  /**
   * Rename a customer referral link.
   *
   * Gives a customer referral link a new key. Documented only by Partnero's SDK [sdk S-php]; it
   * behaves as for partner links [doc D-update] **[inferred]**. The link's ID follows its key:
   * the answer carries the new ID, and the old one no longer finds the link **[inferred]**.
   * The new key follows the key rules and is compared with the program's other keys without
   * regard to case (see `key`).
   *
   * `PUT /v1/customer_referral_links/{id}` (updateCustomerReferralLink)
   */
  update(id: string, body: BodyOf<'updateCustomerReferralLink'>, options?: WriteOptions): Promise<ResultOf<'updateCustomerReferralLink'>>;
  /**
   * Delete a customer referral link.
   *
   * Deletes a customer referral link. Documented only by Partnero's SDK [sdk S-php]: the answer
   * is not documented, so both a `200` with the usual envelope and a `204` without a body (a
   * status Partnero lists [doc V-general]) are success here **[inferred]**; comparable calls of
   * the API answer 200 `{"status": 1}`, which the examples and the sandbox use
   * (`x-partnero-example-status`). What happens to a customer's default link is not documented.
   *
   * `DELETE /v1/customer_referral_links/{id}` (deleteCustomerReferralLink)
   */
  delete(id: string, options?: WriteOptions): Promise<ResultOf<'deleteCustomerReferralLink'>>;
  /**
   * Search customer referral links.
   *
   * Finds a customer referral link by its `id` or its `key`: give exactly one of the two
   * (`x-partnero-exactly-one`); a search with neither or both is refused with 422 naming both
   * **[inferred]**. `customer[id]` narrows the search to one customer's links [sdk S-php
   * README]. Documented only by Partnero's SDK ("use id or key" [sdk S-php]); the answer is
   * **[inferred]**: a list in `data`, empty when nothing matches. How a search matches is not
   * documented either: exactly, at most one link, and for a key without regard to case (keys are
   * not case sensitive [doc H-custom]) is **[inferred]** (see the `id` and `key` parameters).
   *
   * `GET /v1/customer_referral_links:search` (searchCustomerReferralLinks)
   */
  search(query?: QueryOf<'searchCustomerReferralLinks'>, options?: RequestOptions): Promise<ResultOf<'searchCustomerReferralLinks'>>;
}

/** Every resource of the client, by property name. */
export interface Resources {
  readonly partnerLinks: PartnerLinks;
  readonly customerLinks: CustomerLinks;
}

/**
 * A unique, trackable URL that a partner (or, in a refer-a-friend program, a customer) shares
 * with their audience. Partner and customer links have the same shape [doc V-customer]; every
 * documented example carries all eight fields [doc D-list, V-partner, V-customer].
 */
export type ReferralLink = components['schemas']['ReferralLink'];
/**
 * Links to other pages of the same list. Partnero documents this object for its paginated
 * list responses [doc D-intro, D-partners-list]; no referral-link example shows it, so it is
 * optional here **[inferred]**. No documented example has a total count. That each link is an
 * absolute URI is **[inferred]** from Partnero's other list examples.
 */
export type PaginationLinks = components['schemas']['PaginationLinks'];
/**
 * Where this page stands in the list. Partnero documents this object for its paginated list
 * responses [doc D-intro, D-partners-list]; no referral-link example shows it, so it is
 * optional here **[inferred]**. No documented example has a `total` or a `last_page`.
 */
export type PaginationMeta = components['schemas']['PaginationMeta'];
/**
 * One page of the referral links of a partner or a customer.
 */
export type ReferralLinkList = components['schemas']['ReferralLinkList'];
/**
 * The body of every error answer (named `ApiError` rather than `Error`, so that code generated
 * from this description never shadows JavaScript's `Error`). Partnero says error answers carry a
 * human-readable `message` [doc D-intro], yet its only documented error body, a 422, has none:
 * `{"status": 0, "errors": {"website": ["The website format is invalid."]}}` [doc V-general]. So
 * `message` may be absent, and a validation error (422) names each refused field in `errors`.
 */
export type ApiError = components['schemas']['ApiError'];
/**
 * The partner who owns the link, identified by its `id`, `key` or `email`: at least one of the
 * three, each "required if the other two are absent" [doc D-create, V-partner]. Which one wins
 * when several are given is not documented: the first of `id`, `key`, `email` that is given
 * decides **[inferred]**. Partnero's SDK sends other partner fields too [sdk S-php README], so
 * they are allowed.
 */
export type PartnerReference = components['schemas']['PartnerReference'];
/**
 * A new referral link for a partner [doc D-create, V-partner]. `key` sits at the top level, as
 * in every documented example and in Partnero's SDK (one documentation page speaks of separate
 * "partner" and "link" objects; its own example does not). The direct-tracking fields of a
 * link are set in the dashboard; no source documents them as inputs [doc H-direct].
 */
export type NewPartnerReferralLink = components['schemas']['NewPartnerReferralLink'];
/**
 * One referral link, as the API answers a create, get or update.
 */
export type ReferralLinkResponse = components['schemas']['ReferralLinkResponse'];
/**
 * A link's new key. The key is the only field documented as updatable; the link's id follows
 * it.
 */
export type ReferralLinkRename = components['schemas']['ReferralLinkRename'];
/**
 * The answer to a delete. Partnero does not document it **[inferred]**: the usual envelope with
 * `status` 1 and possibly a `message`; a 204 without a body is allowed too.
 */
export type DeleteResult = components['schemas']['DeleteResult'];
/**
 * The links that match a search. Partnero does not document this answer **[inferred]**: a list
 * in `data`, as a third-party integration reads it, empty when nothing matches (rather than
 * 404), and not paginated, since a search by id or key matches at most one link **[inferred]**.
 */
export type ReferralLinkSearchResult = components['schemas']['ReferralLinkSearchResult'];
/**
 * A domain of the program that a referral link can use [doc V-partner].
 */
export type LinkDomain = components['schemas']['LinkDomain'];
/**
 * One page of the domains a referral link can use.
 */
export type LinkDomainList = components['schemas']['LinkDomainList'];
/**
 * The customer who owns the link, identified by its `id`, `key` or `email`: at least one of the
 * three [doc V-customer]. Which one wins when several are given is not documented, and the
 * sources disagree on which identifier is the main one (`key` [doc D-raf-customers], `id` [doc
 * V-raf-customers]): the first of `id`, `key`, `email` that is given decides **[inferred]**.
 * Partnero's SDK sends other customer fields too [sdk S-php], so they are allowed.
 */
export type CustomerReference = components['schemas']['CustomerReference'];
/**
 * A new referral link for a customer [doc V-customer]. `domain_id` and `is_additional` are not
 * documented for customers, but Partnero's SDK always sends them, as `null` and `false` [sdk
 * S-php]; so they are accepted **[inferred]**, `domain_id` as `null` only **[inferred]**: the
 * domains list is a partner-link call [doc V-partner, D-create] and no source gives a customer
 * link a domain.
 * The direct-tracking fields of a link are set in the dashboard; no source documents them as
 * inputs [doc H-direct].
 */
export type NewCustomerReferralLink = components['schemas']['NewCustomerReferralLink'];
