/**
 * Limits CloudWatch Logs enforces on a filter pattern, with where each is documented. trailwatch
 * rejects a pattern that breaks one at parse time, so a bad rule fails `pulumi preview` instead of
 * the PutMetricFilter call halfway through `pulumi up`.
 */

/**
 * Longest accepted pattern, in characters. API reference, MetricFilter data type, `filterPattern`:
 * "Length Constraints: Minimum length of 0. Maximum length of 1024."
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_MetricFilter.html
 */
export const MAX_FILTER_PATTERN_LENGTH = 1024;

/**
 * Regular expressions (`%...%`) per pattern. PutMetricFilter: "there is a quota of two regular
 * expression patterns within a single filter pattern"; the syntax page: "There is a limit of 2 regex
 * for each filter pattern when creating a delimited or JSON filter pattern".
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutMetricFilter.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html (its regex section,
 * "Supported regular expressions (regex) syntax", https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/regex-expressions.html,
 * carries the quota today; the dialect itself is checked in filterRegex.ts)
 *
 * (The other regex quota, "a maximum of 5 filter patterns containing regex for each log group", is a
 * property of a set of filters, not of one pattern: see {@link FilterPattern.regexCount}.)
 */
export const MAX_REGEXES_PER_FILTER_PATTERN = 2;

/**
 * Wildcards (`.*` or `[*]`) in one property selector. Syntax page, JSON patterns: "You can only use
 * up to one wildcard selector in a property selector, and up to three wildcard selectors in a filter
 * pattern with compound expressions."
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
export const MAX_WILDCARDS_PER_SELECTOR = 1;

/** Property selectors with a wildcard in one pattern; same sentence as {@link MAX_WILDCARDS_PER_SELECTOR}. */
export const MAX_WILDCARD_SELECTORS_PER_FILTER_PATTERN = 3;
