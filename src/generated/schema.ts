// Generated from openapi/openapi.yaml by scripts/generate.mjs: do not edit.
// Change the spec, then run `npm run generate`.

export interface paths {
    "/v1/partners/{id}/referral_links": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The partner's unique ID, for example `partner_123`. It is the partner's *id*: a referral
                 *     key or an email address in its place is answered with 404. No character rules are
                 *     documented, so clients send it as one percent-encoded path segment **[inferred]**.
                 */
                id: components["parameters"]["PartnerId"];
            };
            cookie?: never;
        };
        /**
         * List referral links
         * @description Lists the referral links of one partner, one page at a time.
         *
         *     A referral link is a unique, trackable URL that partners share with their audience.
         *     It allows the system to attribute sign-ups and purchases to the partner.
         */
        get: operations["listReferralLinks"];
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
        /** @description A unique, trackable URL that a partner shares with their audience. */
        ReferralLink: {
            /**
             * @description Link identifier. In the documented examples it equals `key`, and renaming a link's key
             *     changes its id too. Non-empty **[inferred]**.
             * @example ref_123
             */
            id: string;
            /**
             * @description Referral key used in the URL (the value of its `aff` parameter). Non-empty **[inferred]**.
             * @example ref_123
             */
            key: string;
            /**
             * Format: uri
             * @description Full referral URL. That it is an absolute URI (RFC 3986) is **[inferred]** from the
             *     documented examples: Partnero builds it from the program's domain.
             * @example https://partnero.com?aff=ref_123
             */
            url: string;
            /**
             * @description Whether this is the partner's default link.
             * @example true
             */
            default: boolean;
            /**
             * @description Whether this link uses an additional domain of the program.
             * @example false
             */
            is_additional: boolean;
            /**
             * @description Whether direct tracking is enabled: the link is tracked without an `?aff=` token in the
             *     URL. The field table of the documentation ends here; the two fields below are present in
             *     every documented example.
             * @example false
             */
            direct_tracking: boolean;
            /**
             * @description **[inferred]** Whether a direct-tracking visit is redirected to
             *     `direct_tracking_redirect_url`. Present in every documented example, not described in
             *     its field table.
             * @example false
             */
            direct_tracking_redirect: boolean;
            /**
             * @description **[inferred]** Where a direct-tracking visit is redirected, or `null` when there is no
             *     redirect. Present (as `null`) in every documented example, not described in its field
             *     table. Not constrained to a URI format, since it may hold what a user typed.
             * @example https://example.org/landing
             */
            direct_tracking_redirect_url: string | null;
        };
        /**
         * @description Links to other pages of the same list. Partnero documents this object for its paginated
         *     list responses; the referral-links example does not show it, so it is optional here
         *     **[inferred]**. There is no total count. That each link is an absolute URI is **[inferred]**
         *     from Partnero's other list examples.
         */
        PaginationLinks: {
            /**
             * Format: uri
             * @description URL of the first page.
             * @example https://api.partnero.com/v1/partners/partner_123/referral_links?page=1
             */
            first: string | null;
            /**
             * Format: uri
             * @description URL of the last page, or `null` when the server does not count pages.
             * @example null
             */
            last: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, or `null` on the first page.
             * @example null
             */
            prev: string | null;
            /**
             * Format: uri
             * @description URL of the next page, or `null` on the last page.
             * @example https://api.partnero.com/v1/partners/partner_123/referral_links?page=2
             */
            next: string | null;
        };
        /**
         * @description Where this page stands in the list. Partnero documents this object for its paginated list
         *     responses; the referral-links example does not show it, so it is optional here
         *     **[inferred]**. There is no `total` and no `last_page`.
         */
        PaginationMeta: {
            /**
             * @description Number of this page, starting at 1.
             * @example 1
             */
            current_page: number;
            /**
             * @description Position of the first item of this page in the whole list, or `null` when the page is empty.
             * @example 1
             */
            from: number | null;
            /**
             * @description Position of the last item of this page in the whole list, or `null` when the page is empty.
             * @example 2
             */
            to: number | null;
            /**
             * @description Page size used for this page (the `limit` asked for, or its default).
             * @example 15
             */
            per_page: number;
            /**
             * Format: uri
             * @description URL of the list without query parameters.
             * @example https://api.partnero.com/v1/partners/partner_123/referral_links
             */
            path: string;
        };
        /** @description One page of a partner's referral links. */
        ReferralLinkList: {
            /** @description The referral links on this page. */
            data: components["schemas"]["ReferralLink"][];
            links?: components["schemas"]["PaginationLinks"];
            meta?: components["schemas"]["PaginationMeta"];
            /**
             * @description Always `1` on success.
             * @example 1
             * @constant
             */
            status: 1;
        };
        /**
         * @description The body of every error answer. Partnero documents a human-readable `message`; a
         *     validation error (422) adds `errors`, the messages for each field that was refused.
         */
        Error: {
            /**
             * @description What went wrong, in words meant for a person (possibly empty).
             * @example Unauthenticated.
             */
            message: string;
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
    };
    responses: {
        /** @description The request could not be understood. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The API key is missing or invalid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The API key may not do this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No partner has this ID in the program of the API key. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A parameter was refused; `errors` names each refused field with its messages. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The rate limit was exceeded. Partnero documents no numbers and no rate-limit headers; wait
         *     and try again, for as long as `Retry-After` says when it is present.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Partnero failed to answer; trying again later may succeed. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description The partner's unique ID, for example `partner_123`. It is the partner's *id*: a referral
         *     key or an email address in its place is answered with 404. No character rules are
         *     documented, so clients send it as one percent-encoded path segment **[inferred]**.
         */
        PartnerId: string;
        /** @description Number of results per page, from 1 to 250. */
        Limit: number;
        /**
         * @description Page number, starting at 1. The documentation states the default; that pages start at 1
         *     and that 0 is refused is **[inferred]** from the default.
         */
        Page: number;
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
    listReferralLinks: {
        parameters: {
            query?: {
                /** @description Number of results per page, from 1 to 250. */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Page number, starting at 1. The documentation states the default; that pages start at 1
                 *     and that 0 is refused is **[inferred]** from the default.
                 */
                page?: components["parameters"]["Page"];
            };
            header?: never;
            path: {
                /**
                 * @description The partner's unique ID, for example `partner_123`. It is the partner's *id*: a referral
                 *     key or an email address in its place is answered with 404. No character rules are
                 *     documented, so clients send it as one percent-encoded path segment **[inferred]**.
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
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
