// Generated from openapi/openapi.yaml by scripts/generate.mjs: do not edit.
// Change the spec, then run `npm run generate`.

export interface paths {
    "/v1/partners/{id}/referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a partner's referral links
         * @description Lists the referral links of one partner, one page at a time, with `limit` links a page.
         *     The client's `listAll` walks every page.
         */
        get: operations["listPartnerReferralLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner_referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a partner referral link
         * @description Creates a referral link with the given key for a partner, identified by its `id`, `key`
         *     or `email` [doc D-create, V-partner]. Keys are unique across the program and not case
         *     sensitive (see `key`).
         *
         *     Partnero documents the answer as `200 OK` in its API reference's example [doc V-partner]
         *     and as `201 Created` on another page [doc D-create]: both are success here. The examples
         *     and the sandbox use 200, the first listed (`x-partnero-example-status`). An unknown partner
         *     makes the call fail [sdk S-n8n], with a status no source gives: 404 or 422, both described below. There is no idempotency key: the client
         *     never sends a create twice blindly (see `x-partnero-create`).
         */
        post: operations["createPartnerReferralLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner_referral_links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a partner referral link
         * @description Gets one partner referral link by its ID. Documented only by Partnero's SDK [sdk S-php];
         *     the answer is the same as for a customer link [doc V-customer] **[inferred]**.
         */
        get: operations["getPartnerReferralLink"];
        /**
         * Rename a partner referral link
         * @description Gives a partner referral link a new key [doc D-update]. The link's ID follows its key: the
         *     answer carries the new ID [doc D-update], and the old one no longer finds the link
         *     **[inferred]**. The new key follows the key rules and is compared with the program's other
         *     keys without regard to case (see `key`).
         */
        put: operations["updatePartnerReferralLink"];
        post?: never;
        /**
         * Delete a partner referral link
         * @description Deletes a partner referral link. Documented by Partnero's SDK [sdk S-php] and listed
         *     ("Delete a Link") in its referral-links guide [doc D-guide-links], whose section was not
         *     captured: the answer is not documented, so both a `200` with the usual envelope and a `204`
         *     without a body (a status Partnero lists [doc V-general]) are success here **[inferred]**;
         *     comparable calls of the API answer 200 `{"status": 1}`, which the examples and the sandbox
         *     use (`x-partnero-example-status`).
         *     What happens to a partner's default link is not documented.
         */
        delete: operations["deletePartnerReferralLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner_referral_links:search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search partner referral links
         * @description Finds a partner referral link by its `id` or its `key`: give exactly one of the two
         *     (`x-partnero-exactly-one`); a search with neither or both is refused with 422 naming both
         *     **[inferred]**. Documented only by Partnero's SDK ("use id or key" [sdk S-php]); the answer
         *     is **[inferred]**: a list in `data`, empty when nothing matches. How a search matches is not
         *     documented either: exactly, at most one link, and for a key without regard to case (keys are
         *     not case sensitive [doc H-custom]) is **[inferred]** (see the `id` and `key` parameters).
         */
        get: operations["searchPartnerReferralLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner_referral_links:domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the domains a link can use
         * @description Lists the program's domains that a partner referral link can use, one page at a time: the
         *     default domain (`id` null) and any additional ones. Pass a domain's `id` and
         *     `is_additional` when creating a link. There is no such list for customer links.
         */
        get: operations["listPartnerReferralLinkDomains"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}/referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a customer's referral links
         * @description Lists the referral links of one customer (refer-a-friend programs), one page at a time, with `limit` links a page.
         *     The client's `listAll` walks every page.
         */
        get: operations["listCustomerReferralLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer_referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer referral link
         * @description Creates a referral link with the given key for a customer, identified by its `id`, `key`
         *     or `email` [doc V-customer]. Keys are unique across the program and not case sensitive
         *     (see `key`).
         *
         *     Partnero documents the answer as `200 OK` [doc V-customer]; one of its partner-link pages
         *     answers the same call with `201 Created` [doc D-create], so both are success here
         *     **[inferred]**. The examples and the sandbox use 200, the first listed
         *     (`x-partnero-example-status`).
         *     An unknown customer makes the call fail, with a status no source gives: 404 or 422, both
         *     described below. There is no idempotency key: the client never sends a create twice
         *     blindly (see `x-partnero-create`).
         */
        post: operations["createCustomerReferralLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer_referral_links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer referral link
         * @description Gets one customer referral link by its ID.
         */
        get: operations["getCustomerReferralLink"];
        /**
         * Rename a customer referral link
         * @description Gives a customer referral link a new key. Documented only by Partnero's SDK [sdk S-php]; it
         *     behaves as for partner links [doc D-update] **[inferred]**. The link's ID follows its key:
         *     the answer carries the new ID, and the old one no longer finds the link **[inferred]**.
         *     The new key follows the key rules and is compared with the program's other keys without
         *     regard to case (see `key`).
         */
        put: operations["updateCustomerReferralLink"];
        post?: never;
        /**
         * Delete a customer referral link
         * @description Deletes a customer referral link. Documented only by Partnero's SDK [sdk S-php]: the answer
         *     is not documented, so both a `200` with the usual envelope and a `204` without a body (a
         *     status Partnero lists [doc V-general]) are success here **[inferred]**; comparable calls of
         *     the API answer 200 `{"status": 1}`, which the examples and the sandbox use
         *     (`x-partnero-example-status`). What happens to a customer's default link is not documented.
         */
        delete: operations["deleteCustomerReferralLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer_referral_links:search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search customer referral links
         * @description Finds a customer referral link by its `id` or its `key`: give exactly one of the two
         *     (`x-partnero-exactly-one`); a search with neither or both is refused with 422 naming both
         *     **[inferred]**. `customer[id]` narrows the search to one customer's links [sdk S-php
         *     README]. Documented only by Partnero's SDK ("use id or key" [sdk S-php]); the answer is
         *     **[inferred]**: a list in `data`, empty when nothing matches. How a search matches is not
         *     documented either: exactly, at most one link, and for a key without regard to case (keys are
         *     not case sensitive [doc H-custom]) is **[inferred]** (see the `id` and `key` parameters).
         */
        get: operations["searchCustomerReferralLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A unique, trackable URL that a partner (or, in a refer-a-friend program, a customer) shares
         *     with their audience. Partner and customer links have the same shape [doc V-customer]; every
         *     documented example carries all eight fields [doc D-list, V-partner, V-customer].
         */
        ReferralLink: {
            /**
             * @description Link identifier [doc D-list]. In the documented examples it equals `key`, and renaming a
             *     link's key changes its id too [doc D-update]. Non-empty **[inferred]**.
             * @example ref_123
             */
            id: string;
            /**
             * @description The link's key: its token in the URL ("Referral key used in URL" [doc D-list]). The
             *     parameter that carries it (`aff` by default, `ref` in refer-a-friend programs) and the
             *     link's structure (`?aff=token` or `/aff/token`) are program settings [doc H-tracking,
             *     H-raf]. Keys are not case sensitive [doc H-custom], so this may differ in case from the
             *     key that was sent **[inferred]**. Non-empty **[inferred]**; not held to the rules of a new
             *     key, since links made before or outside them may not follow them.
             * @example ref_123
             */
            key: string;
            /**
             * Format: uri
             * @description Full referral URL [doc D-list]. That it is an absolute URI (RFC 3986) is **[inferred]**
             *     from the documented examples: Partnero builds it from the program's domain.
             * @example https://partnero.com?aff=ref_123
             */
            url: string;
            /**
             * @description Whether this is the owner's default link [doc D-list]. A default link's key is randomly
             *     generated unless one is given [doc H-disable].
             * @example true
             */
            default: boolean;
            /**
             * @description Whether this link uses an additional domain of the program [doc D-list].
             * @example false
             */
            is_additional: boolean;
            /**
             * @description Whether direct tracking is enabled: the link is tracked without the referral token in
             *     the URL [doc H-direct]. Set in the dashboard; no source documents it as an API input. The
             *     field table of the documentation ends here; the two fields below are present in every
             *     documented example.
             * @example false
             */
            direct_tracking: boolean;
            /**
             * @description **[inferred]** Whether a direct-tracking visit is redirected to
             *     `direct_tracking_redirect_url`. Present in every documented example, not described in
             *     its field table; set in the dashboard [doc H-direct].
             * @example false
             */
            direct_tracking_redirect: boolean;
            /**
             * @description **[inferred]** Where a direct-tracking visit is redirected, or `null` when there is no
             *     redirect. Present (as `null`) in every documented example, not described in its field
             *     table; set in the dashboard [doc H-direct]. Not constrained to a URI format, since it may
             *     hold what a user typed.
             * @example https://example.org/landing
             */
            direct_tracking_redirect_url: string | null;
        };
        /**
         * @description Links to other pages of the same list. Partnero documents this object for its paginated
         *     list responses [doc D-intro, D-partners-list]; no referral-link example shows it, so it is
         *     optional here **[inferred]**. No documented example has a total count. That each link is an
         *     absolute URI is **[inferred]** from Partnero's other list examples.
         */
        PaginationLinks: {
            /**
             * Format: uri
             * @description URL of the first page. A string in Partnero's documentation [doc D-partners-list]; `null`
             *     is allowed too, as for the other links, which a client may meet on a server that counts
             *     no pages.
             * @example https://api.partnero.com/v1/partners/partner_123/referral_links?page=1
             */
            first: string | null;
            /**
             * Format: uri
             * @description URL of the last page, or `null` when the server does not count pages (it is `null` in
             *     the documented example although a next page exists [doc D-intro]).
             * @example null
             */
            last: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, or `null` on the first page [doc D-partners-list].
             * @example null
             */
            prev: string | null;
            /**
             * Format: uri
             * @description URL of the next page, or `null` on the last page [doc D-partners-list, sdk S-n8n].
             * @example https://api.partnero.com/v1/partners/partner_123/referral_links?page=2
             */
            next: string | null;
        };
        /**
         * @description Where this page stands in the list. Partnero documents this object for its paginated list
         *     responses [doc D-intro, D-partners-list]; no referral-link example shows it, so it is
         *     optional here **[inferred]**. No documented example has a `total` or a `last_page`.
         */
        PaginationMeta: {
            /**
             * @description Number of this page, starting at 1 [doc D-partners-list].
             * @example 1
             */
            current_page: number;
            /**
             * @description Position of the first item of this page in the whole list [doc D-partners-list], or
             *     `null` when the page is empty **[inferred]**.
             * @example 1
             */
            from: number | null;
            /**
             * @description Position of the last item of this page in the whole list [doc D-partners-list], or
             *     `null` when the page is empty **[inferred]**.
             * @example 2
             */
            to: number | null;
            /**
             * @description Page size used for this page (the `limit` asked for, or its default) [doc D-partners-list].
             * @example 15
             */
            per_page: number;
            /**
             * Format: uri
             * @description URL of the list without query parameters [doc D-partners-list].
             * @example https://api.partnero.com/v1/partners/partner_123/referral_links
             */
            path: string;
        };
        /** @description One page of the referral links of a partner or a customer. */
        ReferralLinkList: {
            /** @description The referral links on this page. */
            data: components["schemas"]["ReferralLink"][];
            links?: components["schemas"]["PaginationLinks"];
            meta?: components["schemas"]["PaginationMeta"];
            /**
             * @description Always `1` on success [doc D-intro, D-list]. The older documented list examples leave it
             *     out [doc V-partner, V-customer]; the newer ones have it, as every other answer does, so
             *     it is required here **[inferred]**.
             * @example 1
             * @constant
             * @enum {integer}
             */
            status: 1;
        };
        /**
         * @description The body of every error answer (named `ApiError` rather than `Error`, so that code generated
         *     from this description never shadows JavaScript's `Error`). Partnero says error answers carry a
         *     human-readable `message` [doc D-intro], yet its only documented error body, a 422, has none:
         *     `{"status": 0, "errors": {"website": ["The website format is invalid."]}}` [doc V-general]. So
         *     `message` may be absent, and a validation error (422) names each refused field in `errors`.
         */
        ApiError: {
            /**
             * @description What went wrong, in words meant for a person (possibly empty). Both of Partnero's SDKs read
             *     it [sdk S-php, S-n8n]; the documented 422 leaves it out [doc V-general].
             * @example Unauthenticated.
             */
            message?: string;
            /**
             * @description For a validation error (422), the messages for each refused field, by field name.
             * @example {
             *       "limit": [
             *         "The limit must not be greater than 250."
             *       ]
             *     }
             */
            errors?: {
                [key: string]: string[];
            };
            /**
             * @description `1` marks success on every Partnero answer; the value on failure is not documented
             *     (`0` is **[inferred]**), and it may be absent.
             * @example 0
             */
            status?: number;
        };
        /**
         * @description The partner who owns the link, identified by its `id`, `key` or `email`: at least one of the
         *     three, each "required if the other two are absent" [doc D-create, V-partner]. Which one wins
         *     when several are given is not documented: the first of `id`, `key`, `email` that is given
         *     decides **[inferred]**. Partnero's SDK sends other partner fields too [sdk S-php README], so
         *     they are allowed.
         */
        PartnerReference: {
            /**
             * @description The partner's ID. Required if `key` and `email` are absent.
             * @example partner_123
             */
            id: string;
            /**
             * @description The partner's key. Required if `id` and `email` are absent.
             * @example partner_key_123
             */
            key?: string;
            /**
             * @description The partner's email address. Required if `id` and `key` are absent.
             * @example partner@example.com
             */
            email?: string;
        } | {
            /**
             * @description The partner's ID. Required if `key` and `email` are absent.
             * @example partner_123
             */
            id?: string;
            /**
             * @description The partner's key. Required if `id` and `email` are absent.
             * @example partner_key_123
             */
            key: string;
            /**
             * @description The partner's email address. Required if `id` and `key` are absent.
             * @example partner@example.com
             */
            email?: string;
        } | {
            /**
             * @description The partner's ID. Required if `key` and `email` are absent.
             * @example partner_123
             */
            id?: string;
            /**
             * @description The partner's key. Required if `id` and `email` are absent.
             * @example partner_key_123
             */
            key?: string;
            /**
             * @description The partner's email address. Required if `id` and `key` are absent.
             * @example partner@example.com
             */
            email: string;
        };
        /**
         * @description A new referral link for a partner [doc D-create, V-partner]. `key` sits at the top level, as
         *     in every documented example and in Partnero's SDK (one documentation page speaks of separate
         *     "partner" and "link" objects; its own example does not). The direct-tracking fields of a
         *     link are set in the dashboard; no source documents them as inputs [doc H-direct].
         */
        NewPartnerReferralLink: {
            /**
             * @description The new link's key. The key is the link's token in its URL (`?aff=token`, or
             *     `/aff/token`: the parameter name and the link's structure are program settings [doc
             *     H-tracking, H-raf]).
             *     Keys are unique across the program **[inferred]** ("Key should be unique" [doc V-partner],
             *     "Unique key for the referral link" [doc D-create]) and not case sensitive [doc H-custom]:
             *     `Summer` and `summer` are the same key, and the answer may carry it in another case than
             *     was sent **[inferred]**.
             *
             *     Key rules [doc H-custom]: letters, numbers, `-`, `_` and `.` ("letters" read as `A`-`Z`
             *     and `a`-`z`), up to 64 characters. They are the partner portal's rules; that the API
             *     applies the same ones is **[inferred]**.
             *     `.` and `..` are excluded too: no path can address a link with such a key (its ID
             *     follows the key). The client refuses a key that breaks them before sending: it saves a
             *     round trip and gives a clear error naming `key`; the contract tool's negative data is
             *     what settles whether the API refuses them too.
             * @example ref_456
             */
            key: string;
            partner: components["schemas"]["PartnerReference"];
            /**
             * @description The domain to use, an `id` from the domains list; leave it out (or `null`) for the
             *     default domain. Documented as a string but shown as a number, so both are accepted
             *     **[inferred]**. When present, even as `null`, `is_additional` is required too
             *     ("Required when domain_id is present" [doc V-partner, D-create]); Partnero's SDK always
             *     sends both (`null` and `false` when not given) [sdk S-php].
             * @example 8
             */
            domain_id?: number | string | null;
            /**
             * @description Whether `domain_id` is an additional domain (its `is_additional` in the domains list). "Required when domain_id is present" [doc V-partner], even as `null` (`dependentRequired`).
             * @example true
             */
            is_additional?: boolean;
        };
        /** @description One referral link, as the API answers a create, get or update. */
        ReferralLinkResponse: {
            data: components["schemas"]["ReferralLink"];
            /**
             * @description Always `1` on success.
             * @example 1
             * @constant
             * @enum {integer}
             */
            status: 1;
        };
        /**
         * @description A link's new key. The key is the only field documented as updatable; the link's id follows
         *     it.
         */
        ReferralLinkRename: {
            /**
             * @description The link's new key; its ID follows it. The key is the link's token in its URL (`?aff=token`, or
             *     `/aff/token`: the parameter name and the link's structure are program settings [doc
             *     H-tracking, H-raf]).
             *     Keys are unique across the program **[inferred]** ("Key should be unique" [doc V-partner],
             *     "Unique key for the referral link" [doc D-create]) and not case sensitive [doc H-custom]:
             *     `Summer` and `summer` are the same key, and the answer may carry it in another case than
             *     was sent **[inferred]**.
             *
             *     Key rules [doc H-custom]: letters, numbers, `-`, `_` and `.` ("letters" read as `A`-`Z`
             *     and `a`-`z`), up to 64 characters. They are the partner portal's rules; that the API
             *     applies the same ones is **[inferred]**.
             *     `.` and `..` are excluded too: no path can address a link with such a key (its ID
             *     follows the key). The client refuses a key that breaks them before sending: it saves a
             *     round trip and gives a clear error naming `key`; the contract tool's negative data is
             *     what settles whether the API refuses them too.
             * @example ref_789
             */
            key: string;
        };
        /**
         * @description The answer to a delete. Partnero does not document it **[inferred]**: the usual envelope with
         *     `status` 1 and possibly a `message`; a 204 without a body is allowed too.
         */
        DeleteResult: {
            /**
             * @description Always `1` on success.
             * @example 1
             * @constant
             * @enum {integer}
             */
            status: 1;
            /**
             * @description A confirmation meant for a person, when the server sends one **[inferred]**.
             * @example Referral link deleted.
             */
            message?: string;
        };
        /**
         * @description The links that match a search. Partnero does not document this answer **[inferred]**: a list
         *     in `data`, as a third-party integration reads it, empty when nothing matches (rather than
         *     404), and not paginated, since a search by id or key matches at most one link **[inferred]**.
         */
        ReferralLinkSearchResult: {
            /**
             * @description The matching links; at most one, since ids and keys are unique across the program
             *     **[inferred]**.
             */
            data: components["schemas"]["ReferralLink"][];
            /**
             * @description Always `1` on success.
             * @example 1
             * @constant
             * @enum {integer}
             */
            status: 1;
        };
        /** @description A domain of the program that a referral link can use [doc V-partner]. */
        LinkDomain: {
            /**
             * @description The domain's ID, to pass as `domain_id` when creating a link; `null` for the program's
             *     default domain.
             * @example 8
             */
            id: number | null;
            /**
             * @description The domain, possibly with a path (`mmc.test/profile`).
             * @example partnero.com
             */
            domain: string;
            /**
             * @description The prefix a link's key is appended to, for example `https://partnero.com?aff=` [doc
             *     V-partner]. The parameter name and the link's structure are program settings [doc
             *     H-tracking, H-raf].
             * @example https://partnero.com?aff=
             */
            url: string;
            /**
             * @description Whether this is an additional domain; pass it as `is_additional` with its `domain_id`.
             * @example false
             */
            is_additional: boolean;
        };
        /** @description One page of the domains a referral link can use. */
        LinkDomainList: {
            /** @description The domains on this page. */
            data: components["schemas"]["LinkDomain"][];
            links?: components["schemas"]["PaginationLinks"];
            meta?: components["schemas"]["PaginationMeta"];
            /**
             * @description Always `1` on success. One documented example of this answer leaves it out; the newer one
             *     has it, as every other answer does, so it is required here **[inferred]** [doc V-partner].
             * @example 1
             * @constant
             * @enum {integer}
             */
            status: 1;
        };
        /**
         * @description The customer who owns the link, identified by its `id`, `key` or `email`: at least one of the
         *     three [doc V-customer]. Which one wins when several are given is not documented, and the
         *     sources disagree on which identifier is the main one (`key` [doc D-raf-customers], `id` [doc
         *     V-raf-customers]): the first of `id`, `key`, `email` that is given decides **[inferred]**.
         *     Partnero's SDK sends other customer fields too [sdk S-php], so they are allowed.
         */
        CustomerReference: {
            /**
             * @description The customer's ID. Required if `key` and `email` are absent.
             * @example customer_123
             */
            id: string;
            /**
             * @description The customer's key. Required if `id` and `email` are absent.
             * @example customer_key_123
             */
            key?: string;
            /**
             * @description The customer's email address. Required if `id` and `key` are absent.
             * @example customer@example.com
             */
            email?: string;
        } | {
            /**
             * @description The customer's ID. Required if `key` and `email` are absent.
             * @example customer_123
             */
            id?: string;
            /**
             * @description The customer's key. Required if `id` and `email` are absent.
             * @example customer_key_123
             */
            key: string;
            /**
             * @description The customer's email address. Required if `id` and `key` are absent.
             * @example customer@example.com
             */
            email?: string;
        } | {
            /**
             * @description The customer's ID. Required if `key` and `email` are absent.
             * @example customer_123
             */
            id?: string;
            /**
             * @description The customer's key. Required if `id` and `email` are absent.
             * @example customer_key_123
             */
            key?: string;
            /**
             * @description The customer's email address. Required if `id` and `key` are absent.
             * @example customer@example.com
             */
            email: string;
        };
        /**
         * @description A new referral link for a customer [doc V-customer]. `domain_id` and `is_additional` are not
         *     documented for customers, but Partnero's SDK always sends them, as `null` and `false` [sdk
         *     S-php]; so they are accepted **[inferred]**, `domain_id` as `null` only **[inferred]**: the
         *     domains list is a partner-link call [doc V-partner, D-create] and no source gives a customer
         *     link a domain.
         *     The direct-tracking fields of a link are set in the dashboard; no source documents them as
         *     inputs [doc H-direct].
         */
        NewCustomerReferralLink: {
            /**
             * @description The new link's key. The key is the link's token in its URL (`?aff=token`, or
             *     `/aff/token`: the parameter name and the link's structure are program settings [doc
             *     H-tracking, H-raf]).
             *     Keys are unique across the program **[inferred]** ("Key should be unique" [doc V-partner],
             *     "Unique key for the referral link" [doc D-create]) and not case sensitive [doc H-custom]:
             *     `Summer` and `summer` are the same key, and the answer may carry it in another case than
             *     was sent **[inferred]**.
             *
             *     Key rules [doc H-custom]: letters, numbers, `-`, `_` and `.` ("letters" read as `A`-`Z`
             *     and `a`-`z`), up to 64 characters. They are the partner portal's rules; that the API
             *     applies the same ones is **[inferred]**.
             *     `.` and `..` are excluded too: no path can address a link with such a key (its ID
             *     follows the key). The client refuses a key that breaks them before sending: it saves a
             *     round trip and gives a clear error naming `key`; the contract tool's negative data is
             *     what settles whether the API refuses them too.
             * @example ref_123_1
             */
            key: string;
            customer: components["schemas"]["CustomerReference"];
            /**
             * @description Always `null` for a customer link (the program's default domain), or left out **[inferred]**:
             *     Partnero's SDK sends `null` [sdk S-php], and the domains list is for partner links [doc
             *     V-partner]. When present, `is_additional` is required too (as for partner links [doc V-partner]).
             * @example null
             */
            domain_id?: null;
            /**
             * @description Sent as `false` by Partnero's SDK [sdk S-php]. Required when `domain_id` is present, as
             *     for partner links ("Required when domain_id is present" [doc V-partner]) **[inferred]**.
             * @example false
             */
            is_additional?: boolean;
        };
    };
    responses: {
        /** @description The request could not be understood (400, in Partnero's status list [doc D-intro]). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The API key is missing, invalid or expired (401 [doc D-intro, D-auth]). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The API key may not do this, or the account has no API access (403 [doc D-intro, D-auth]). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description No partner has this ID in the program of the API key (404 as the documented answer to an invalid request of this list [doc V-partner]). */
        PartnerNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Request Timeout (408), in Partnero's status list [doc V-general], which describes it as "There is an error on our system"; trying again may succeed, and a client retries it. */
        RequestTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description A parameter was refused (422, validation [doc D-intro]); `errors` names each refused field with its messages. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description The rate limit was exceeded (429 [doc D-intro, V-general]). Partnero documents no numbers
         *     and no rate-limit headers; wait and try again, for as long as `Retry-After` says when it is
         *     present.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Partnero failed to answer (500 [doc D-intro]); trying again later may succeed. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description Bad Gateway (502), in Partnero's status list [doc V-general]: a server between the client and
         *     Partnero got no valid answer; trying again may succeed, and a client retries it. Its body is
         *     not described: a gateway's answer need not be Partnero's JSON.
         */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description Partnero cannot answer for now (overload or maintenance); trying again later may succeed.
         *     Not in Partnero's status list, which was captured cut off after 502 [doc V-general]
         *     **[inferred]**: any server may answer it, and a client retries it. `Retry-After`, when
         *     present, says how long to wait.
         */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description No partner of the program matches the `partner` given. "A missing or unknown partner causes the
         *     request to fail" [sdk S-n8n], with no status: this 404 is **[inferred]**, and a Laravel-style
         *     422 naming the field given (`errors["partner.id"]`) is as likely (see 422). A client must
         *     expect either.
         */
        UnknownPartner: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description The new link was refused; `errors` names each refused field with its messages. A key that is
         *     already taken, by any link of the program and in any letter case, is refused here
         *     **[inferred]**: keys are documented as unique and not case sensitive [doc D-create, V-partner,
         *     H-custom], the answer to a duplicate is not. So is a key that breaks the portal's key rules
         *     (letters, digits, `-`, `_`, `.`, up to 64 characters [doc H-custom]) **[inferred]**. An
         *     unknown partner may be refused here too, naming the field that was given
         *     (`errors["partner.id"]`, `partner.key` or `partner.email`) **[inferred]**: "A missing or
         *     unknown partner causes the request to fail" [sdk S-n8n] gives no status, and this 422 is as
         *     likely as the 404 described with it.
         */
        NewPartnerLinkRejected: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description No referral link has this ID in the program of the API key (after a rename, the old ID no
         *     longer finds the link **[inferred]**).
         */
        ReferralLinkNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description The new key was refused; `errors` names each refused field with its messages. A key that is
         *     already taken, by any link of the program and in any letter case, is refused here
         *     **[inferred]**: keys are documented as unique and not case sensitive [doc D-create, V-partner,
         *     H-custom], the answer to a duplicate is not. So is a key that breaks the portal's key rules
         *     (letters, digits, `-`, `_`, `.`, up to 64 characters [doc H-custom]) **[inferred]**.
         */
        ReferralLinkRejected: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Not found. Partnero's documentation gives 404 as the answer to an invalid request of this list [doc V-partner]. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description No customer has this identifier in the program of the API key (404 as the documented answer to an invalid request of this list [doc V-customer]). */
        CustomerNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description No customer of the program matches the `customer` given. "A missing or unknown partner causes the
         *     request to fail" [sdk S-n8n], with no status: this 404 is **[inferred]**, and a Laravel-style
         *     422 naming the field given (`errors["customer.id"]`) is as likely (see 422). A client must
         *     expect either.
         */
        UnknownCustomer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /**
         * @description The new link was refused; `errors` names each refused field with its messages. A key that is
         *     already taken, by any link of the program and in any letter case, is refused here
         *     **[inferred]**: keys are documented as unique and not case sensitive [doc D-create, V-partner,
         *     H-custom], the answer to a duplicate is not. So is a key that breaks the portal's key rules
         *     (letters, digits, `-`, `_`, `.`, up to 64 characters [doc H-custom]) **[inferred]**. An
         *     unknown customer may be refused here too, naming the field that was given
         *     (`errors["customer.id"]`, `customer.key` or `customer.email`) **[inferred]**: "A missing or
         *     unknown partner causes the request to fail" [sdk S-n8n] gives no status, and this 422 is as
         *     likely as the 404 described with it.
         */
        NewCustomerLinkRejected: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
    };
    parameters: {
        /**
         * @description The partner's unique ID, for example `partner_123` [doc D-list]. It is the partner's *id*: a
         *     referral key in its place is answered "not found" [sdk S-n8n README], and so is an email
         *     address **[inferred]**. No character rules are documented, so clients send it as one
         *     percent-encoded path segment **[inferred]**; `.` and `..` are excluded because no encoding
         *     keeps them from being read as relative path segments.
         */
        PartnerId: string;
        /**
         * @description Number of results per page, from 1 to 250, default 15 [doc D-intro, D-list, V-partner,
         *     V-customer]. Partnero's n8n node describes list limits in general as 10 to 100 (default 50)
         *     [sdk S-n8n]; the documented 1 to 250 is kept here, and a live contract run (the smallest and
         *     largest `limit`) is what settles it.
         */
        Limit: number;
        /**
         * @description Page number, starting at 1 (default 1) [doc D-intro]. That pages start at 1 and that 0 is
         *     refused is **[inferred]** from the default.
         */
        Page: number;
        /**
         * @description The referral link's current ID, for example `ref_456`. A link's ID follows its key: after a
         *     rename, the old ID no longer finds the link **[inferred]** from the documented update
         *     example. Since keys are not case sensitive [doc H-custom], an ID that differs from the
         *     link's only in case finds the link too **[inferred]**. Not held to the key rules of a new
         *     key, so that links made before or outside them stay reachable. Sent as one percent-encoded
         *     path segment; `.` and `..` are excluded because no encoding keeps them from being read as
         *     relative path segments.
         */
        LinkId: string;
        /**
         * @description Find the link with this ID. Give exactly one of `id` and `key` ("use id or key" [sdk S-php README]): not both, not neither.
         *     Matching is exact, and at most one link matches **[inferred]**: no source documents how a
         *     search matches, and Partnero's n8n node matches partial values in its partner search [sdk
         *     S-n8n].
         */
        SearchId: string;
        /**
         * @description Find the link with this key. Give exactly one of `id` and `key` ("use id or key" [sdk S-php README]): not both, not neither. Keys
         *     are not case sensitive [doc H-custom], so a key that differs only in case finds the link
         *     **[inferred]**. Matching is otherwise exact, and at most one link matches **[inferred]**:
         *     no source documents how a search matches; Partnero's n8n node matches partial values in its
         *     partner search [sdk S-n8n], and the PHP SDK's README narrows a customer-link search by
         *     `customer[id]`, which would be pointless if a key matched at most one link [sdk S-php].
         *     Not held to the key rules of a new key, so that links made before or outside them are found.
         */
        SearchKey: string;
        /**
         * @description Number of domains per page, from 1 to 250, default 10 (unlike the link lists) [doc
         *     V-partner]. Partnero's n8n node describes list limits in general as 10 to 100 (default 50)
         *     [sdk S-n8n]; the documented 1 to 250 is kept here, and a live contract run (the smallest and
         *     largest `limit`) is what settles it.
         */
        DomainLimit: number;
        /**
         * @description The customer's identifier, for example `customer_123`. The sources disagree on which
         *     identifier this is: the API reference names it `{id}`; Partnero's customers reference calls
         *     `key` the "Unique customer identifier" and `id` the "Alternative" [doc D-raf-customers], its
         *     other reference calls `id` the "Main identification of the customer" [doc V-raf-customers],
         *     its guide calls this path with the customer's `key` [doc D-guide-cust], and the n8n node's
         *     customer paths take "key, ID or email address" [sdk S-n8n]. So the customer's `id` or `key`
         *     finds the customer here **[inferred]**. Sent as one percent-encoded path segment; `.` and
         *     `..` are excluded because no encoding keeps them from being read as relative path segments.
         */
        CustomerId: string;
        /**
         * @description The customer referral link's current ID, for example `ref_123_1`. A link's ID follows its
         *     key: after a rename, the old ID no longer finds the link **[inferred]** from the documented
         *     update example. Since keys are not case sensitive [doc H-custom], an ID that differs from
         *     the link's only in case finds the link too **[inferred]**. Not held to the key rules of a new
         *     key, so that links made before or outside them stay reachable. Sent as one percent-encoded
         *     path segment; `.` and `..` are excluded because no encoding keeps them from being read as
         *     relative path segments.
         */
        CustomerLinkId: string;
        /**
         * @description Only links of the customer with this ID: the PHP SDK's README narrows a customer-link search
         *     with `'customer' => ['id' => 'customer-id']`, which PHP sends as the query `customer[id]=...`
         *     [sdk S-php README]. Written as the name on the wire (`customer[id]`, its brackets as they
         *     are). That it narrows to that customer's links, and that an unknown customer finds nothing
         *     rather than being refused, is **[inferred]**.
         */
        SearchCustomerId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description How long to wait before trying again: a number of seconds or an HTTP date. Partnero does
         *     not document that it sends this header **[inferred]**; a client must cope without it.
         */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPartnerReferralLinks: {
        parameters: {
            query?: {
                /**
                 * @description Number of results per page, from 1 to 250, default 15 [doc D-intro, D-list, V-partner,
                 *     V-customer]. Partnero's n8n node describes list limits in general as 10 to 100 (default 50)
                 *     [sdk S-n8n]; the documented 1 to 250 is kept here, and a live contract run (the smallest and
                 *     largest `limit`) is what settles it.
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Page number, starting at 1 (default 1) [doc D-intro]. That pages start at 1 and that 0 is
                 *     refused is **[inferred]** from the default.
                 */
                page?: components["parameters"]["Page"];
            };
            header?: never;
            path: {
                /**
                 * @description The partner's unique ID, for example `partner_123` [doc D-list]. It is the partner's *id*: a
                 *     referral key in its place is answered "not found" [sdk S-n8n README], and so is an email
                 *     address **[inferred]**. No character rules are documented, so clients send it as one
                 *     percent-encoded path segment **[inferred]**; `.` and `..` are excluded because no encoding
                 *     keeps them from being read as relative path segments.
                 */
                id: components["parameters"]["PartnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the partner's referral links. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["PartnerNotFound"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPartnerReferralLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPartnerReferralLink"];
            };
        };
        responses: {
            /** @description The link was created [doc V-partner]. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkResponse"];
                };
            };
            /** @description The link was created, as one page of Partnero's documentation answers [doc D-create]. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UnknownPartner"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["NewPartnerLinkRejected"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPartnerReferralLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The referral link's current ID, for example `ref_456`. A link's ID follows its key: after a
                 *     rename, the old ID no longer finds the link **[inferred]** from the documented update
                 *     example. Since keys are not case sensitive [doc H-custom], an ID that differs from the
                 *     link's only in case finds the link too **[inferred]**. Not held to the key rules of a new
                 *     key, so that links made before or outside them stay reachable. Sent as one percent-encoded
                 *     path segment; `.` and `..` are excluded because no encoding keeps them from being read as
                 *     relative path segments.
                 */
                id: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralLinkNotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updatePartnerReferralLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The referral link's current ID, for example `ref_456`. A link's ID follows its key: after a
                 *     rename, the old ID no longer finds the link **[inferred]** from the documented update
                 *     example. Since keys are not case sensitive [doc H-custom], an ID that differs from the
                 *     link's only in case finds the link too **[inferred]**. Not held to the key rules of a new
                 *     key, so that links made before or outside them stay reachable. Sent as one percent-encoded
                 *     path segment; `.` and `..` are excluded because no encoding keeps them from being read as
                 *     relative path segments.
                 */
                id: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralLinkRename"];
            };
        };
        responses: {
            /** @description The renamed link, with its new ID. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralLinkNotFound"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["ReferralLinkRejected"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deletePartnerReferralLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The referral link's current ID, for example `ref_456`. A link's ID follows its key: after a
                 *     rename, the old ID no longer finds the link **[inferred]** from the documented update
                 *     example. Since keys are not case sensitive [doc H-custom], an ID that differs from the
                 *     link's only in case finds the link too **[inferred]**. Not held to the key rules of a new
                 *     key, so that links made before or outside them stay reachable. Sent as one percent-encoded
                 *     path segment; `.` and `..` are excluded because no encoding keeps them from being read as
                 *     relative path segments.
                 */
                id: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link was deleted **[inferred]**. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteResult"];
                };
            };
            /** @description The link was deleted; no body **[inferred]**. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralLinkNotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchPartnerReferralLinks: {
        parameters: {
            query?: {
                /**
                 * @description Find the link with this ID. Give exactly one of `id` and `key` ("use id or key" [sdk S-php README]): not both, not neither.
                 *     Matching is exact, and at most one link matches **[inferred]**: no source documents how a
                 *     search matches, and Partnero's n8n node matches partial values in its partner search [sdk
                 *     S-n8n].
                 */
                id?: components["parameters"]["SearchId"];
                /**
                 * @description Find the link with this key. Give exactly one of `id` and `key` ("use id or key" [sdk S-php README]): not both, not neither. Keys
                 *     are not case sensitive [doc H-custom], so a key that differs only in case finds the link
                 *     **[inferred]**. Matching is otherwise exact, and at most one link matches **[inferred]**:
                 *     no source documents how a search matches; Partnero's n8n node matches partial values in its
                 *     partner search [sdk S-n8n], and the PHP SDK's README narrows a customer-link search by
                 *     `customer[id]`, which would be pointless if a key matched at most one link [sdk S-php].
                 *     Not held to the key rules of a new key, so that links made before or outside them are found.
                 */
                key?: components["parameters"]["SearchKey"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching links. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkSearchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPartnerReferralLinkDomains: {
        parameters: {
            query?: {
                /**
                 * @description Number of domains per page, from 1 to 250, default 10 (unlike the link lists) [doc
                 *     V-partner]. Partnero's n8n node describes list limits in general as 10 to 100 (default 50)
                 *     [sdk S-n8n]; the documented 1 to 250 is kept here, and a live contract run (the smallest and
                 *     largest `limit`) is what settles it.
                 */
                limit?: components["parameters"]["DomainLimit"];
                /**
                 * @description Page number, starting at 1 (default 1) [doc D-intro]. That pages start at 1 and that 0 is
                 *     refused is **[inferred]** from the default.
                 */
                page?: components["parameters"]["Page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of domains. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkDomainList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCustomerReferralLinks: {
        parameters: {
            query?: {
                /**
                 * @description Number of results per page, from 1 to 250, default 15 [doc D-intro, D-list, V-partner,
                 *     V-customer]. Partnero's n8n node describes list limits in general as 10 to 100 (default 50)
                 *     [sdk S-n8n]; the documented 1 to 250 is kept here, and a live contract run (the smallest and
                 *     largest `limit`) is what settles it.
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Page number, starting at 1 (default 1) [doc D-intro]. That pages start at 1 and that 0 is
                 *     refused is **[inferred]** from the default.
                 */
                page?: components["parameters"]["Page"];
            };
            header?: never;
            path: {
                /**
                 * @description The customer's identifier, for example `customer_123`. The sources disagree on which
                 *     identifier this is: the API reference names it `{id}`; Partnero's customers reference calls
                 *     `key` the "Unique customer identifier" and `id` the "Alternative" [doc D-raf-customers], its
                 *     other reference calls `id` the "Main identification of the customer" [doc V-raf-customers],
                 *     its guide calls this path with the customer's `key` [doc D-guide-cust], and the n8n node's
                 *     customer paths take "key, ID or email address" [sdk S-n8n]. So the customer's `id` or `key`
                 *     finds the customer here **[inferred]**. Sent as one percent-encoded path segment; `.` and
                 *     `..` are excluded because no encoding keeps them from being read as relative path segments.
                 */
                id: components["parameters"]["CustomerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the customer's referral links. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["CustomerNotFound"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCustomerReferralLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCustomerReferralLink"];
            };
        };
        responses: {
            /** @description The link was created [doc V-customer]. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkResponse"];
                };
            };
            /** @description The link was created (as Partnero's partner-link page answers the same call) **[inferred]**. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UnknownCustomer"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["NewCustomerLinkRejected"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomerReferralLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The customer referral link's current ID, for example `ref_123_1`. A link's ID follows its
                 *     key: after a rename, the old ID no longer finds the link **[inferred]** from the documented
                 *     update example. Since keys are not case sensitive [doc H-custom], an ID that differs from
                 *     the link's only in case finds the link too **[inferred]**. Not held to the key rules of a new
                 *     key, so that links made before or outside them stay reachable. Sent as one percent-encoded
                 *     path segment; `.` and `..` are excluded because no encoding keeps them from being read as
                 *     relative path segments.
                 */
                id: components["parameters"]["CustomerLinkId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralLinkNotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCustomerReferralLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The customer referral link's current ID, for example `ref_123_1`. A link's ID follows its
                 *     key: after a rename, the old ID no longer finds the link **[inferred]** from the documented
                 *     update example. Since keys are not case sensitive [doc H-custom], an ID that differs from
                 *     the link's only in case finds the link too **[inferred]**. Not held to the key rules of a new
                 *     key, so that links made before or outside them stay reachable. Sent as one percent-encoded
                 *     path segment; `.` and `..` are excluded because no encoding keeps them from being read as
                 *     relative path segments.
                 */
                id: components["parameters"]["CustomerLinkId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralLinkRename"];
            };
        };
        responses: {
            /** @description The renamed link, with its new ID. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralLinkNotFound"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["ReferralLinkRejected"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCustomerReferralLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The customer referral link's current ID, for example `ref_123_1`. A link's ID follows its
                 *     key: after a rename, the old ID no longer finds the link **[inferred]** from the documented
                 *     update example. Since keys are not case sensitive [doc H-custom], an ID that differs from
                 *     the link's only in case finds the link too **[inferred]**. Not held to the key rules of a new
                 *     key, so that links made before or outside them stay reachable. Sent as one percent-encoded
                 *     path segment; `.` and `..` are excluded because no encoding keeps them from being read as
                 *     relative path segments.
                 */
                id: components["parameters"]["CustomerLinkId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link was deleted **[inferred]**. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteResult"];
                };
            };
            /** @description The link was deleted; no body **[inferred]**. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ReferralLinkNotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchCustomerReferralLinks: {
        parameters: {
            query?: {
                /**
                 * @description Find the link with this ID. Give exactly one of `id` and `key` ("use id or key" [sdk S-php README]): not both, not neither.
                 *     Matching is exact, and at most one link matches **[inferred]**: no source documents how a
                 *     search matches, and Partnero's n8n node matches partial values in its partner search [sdk
                 *     S-n8n].
                 */
                id?: components["parameters"]["SearchId"];
                /**
                 * @description Find the link with this key. Give exactly one of `id` and `key` ("use id or key" [sdk S-php README]): not both, not neither. Keys
                 *     are not case sensitive [doc H-custom], so a key that differs only in case finds the link
                 *     **[inferred]**. Matching is otherwise exact, and at most one link matches **[inferred]**:
                 *     no source documents how a search matches; Partnero's n8n node matches partial values in its
                 *     partner search [sdk S-n8n], and the PHP SDK's README narrows a customer-link search by
                 *     `customer[id]`, which would be pointless if a key matched at most one link [sdk S-php].
                 *     Not held to the key rules of a new key, so that links made before or outside them are found.
                 */
                key?: components["parameters"]["SearchKey"];
                /**
                 * @description Only links of the customer with this ID: the PHP SDK's README narrows a customer-link search
                 *     with `'customer' => ['id' => 'customer-id']`, which PHP sends as the query `customer[id]=...`
                 *     [sdk S-php README]. Written as the name on the wire (`customer[id]`, its brackets as they
                 *     are). That it narrows to that customer's links, and that an unknown customer finds nothing
                 *     rather than being refused, is **[inferred]**.
                 */
                "customer[id]"?: components["parameters"]["SearchCustomerId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching links. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralLinkSearchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
