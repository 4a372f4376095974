import * as net from "net";

/**
 * The values the team's own rules are generated from. The names are also the stack configuration keys
 * (`trailwatch:officeIpAddresses`, `trailwatch:largeInstanceTypes`).
 */
export interface AlertRuleParameters {
    /**
     * Addresses console sign-ins are expected from. IPv4 (`203.0.113.10`) or IPv6 (`2001:db8::10`, written the way
     * CloudTrail records it: lowercase, shortest form), or a prefix of whole octets or groups followed by a wildcard
     * (`203.0.113.*`, `2001:db8:1:*`). Filter patterns compare text, so CIDR ranges cannot be expressed.
     * @default none: the rule console-login-outside-office stays off
     */
    officeIpAddresses?: string[];
    /**
     * Instance sizes (`16xlarge`, any family) or full instance types (`p4d.24xlarge`) whose launch is reported.
     * @default 8xlarge, 12xlarge, 16xlarge, 24xlarge, 32xlarge, 48xlarge, metal
     */
    largeInstanceTypes?: string[];
}

/** Default instance sizes for large-instance-launch: the sizes crypto-mining on stolen credentials reaches for. */
export const defaultLargeInstanceTypes: readonly string[] = [
    "8xlarge",
    "12xlarge",
    "16xlarge",
    "24xlarge",
    "32xlarge",
    "48xlarge",
    "metal",
];

const ipv4WildcardPrefix = /^(\d{1,3}\.){1,3}\*$/;
const ipv6WildcardPrefix = /^[0-9a-f]{1,4}(:[0-9a-f]{1,4}){0,6}:\*$/;

/**
 * The text CloudTrail records for an IPv6 address (RFC 5952: lowercase, no leading zeros, the longest run of two or
 * more zero groups as `::`). Undefined for text that is not an IPv6 address in plain hexadecimal groups.
 */
export function canonicalIpv6(address: string): string | undefined {
    if (!net.isIPv6(address) || address.includes(".") || address.includes("%")) return undefined;
    const [head, tail] = address.toLowerCase().split("::");
    const headGroups = head === "" ? [] : head.split(":");
    const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
    const missing = 8 - headGroups.length - tailGroups.length;
    const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...tailGroups].map(
        (g) => parseInt(g, 16).toString(16),
    );
    let bestStart = -1;
    let bestLength = 1;
    for (let i = 0; i < 8;) {
        if (groups[i] !== "0") {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === "0") j++;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    if (bestStart < 0) return groups.join(":");
    return `${groups.slice(0, bestStart).join(":")}::${groups.slice(bestStart + bestLength).join(":")}`;
}

/** Why `entry` cannot be an office IP address entry, or undefined when it can. */
export function officeIpAddressProblem(entry: string): string | undefined {
    if (entry.includes("/")) {
        return `"${entry}" is a CIDR range, which a filter pattern cannot express (it compares text): write the prefix with a wildcard instead, e.g. 203.0.113.* for 203.0.113.0/24 or 2001:db8:1:* for 2001:db8:1::/48`;
    }
    if (net.isIPv4(entry)) return undefined;
    if (ipv4WildcardPrefix.test(entry)) {
        const octets = entry.slice(0, -2).split(".");
        if (octets.every((o) => Number(o) <= 255 && String(Number(o)) === o)) return undefined;
        return `"${entry}" is not an IPv4 prefix: octets are 0-255 without leading zeros`;
    }
    if (entry.endsWith("*")) {
        if (!ipv6WildcardPrefix.test(entry)) {
            return `"${entry}" is not an address prefix: a wildcard replaces whole trailing octets or groups, as in 203.0.113.* or 2001:db8:1:* (lowercase, without ::)`;
        }
        const groups = entry.slice(0, -2).split(":");
        if (groups.some((g) => g.length > 1 && g.startsWith("0"))) {
            return `"${entry}" has a group with a leading zero, which CloudTrail never records: write ${groups.map((g) => parseInt(g, 16).toString(16)).join(":")}:*`;
        }
        if (groups.some((g) => g === "0")) {
            return `"${entry}" has a zero group: CloudTrail may record that zero compressed as ::, so the prefix would miss addresses; list the subnets below it instead`;
        }
        return undefined;
    }
    if (net.isIPv6(entry)) {
        const canonical = canonicalIpv6(entry);
        if (canonical === undefined) return `"${entry}" is not an IPv6 address in hexadecimal groups`;
        if (canonical !== entry) {
            return `"${entry}" is not written the way CloudTrail records it (lowercase, shortest form): use ${canonical}`;
        }
        return undefined;
    }
    return `"${entry}" is not an IPv4 or IPv6 address or a wildcard prefix such as 203.0.113.*`;
}

const instanceSize = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const instanceType = /^[a-z][a-z0-9-]*\.[a-z0-9]+(-[a-z0-9]+)*$/;

/** Why `entry` cannot be a large instance type entry, or undefined when it can. */
export function largeInstanceTypeProblem(entry: string): string | undefined {
    if (instanceSize.test(entry) || instanceType.test(entry)) return undefined;
    if (entry.startsWith("*.")) return `"${entry}": write the size without the wildcard: ${entry.slice(2)}`;
    return `"${entry}" is neither an instance size such as 16xlarge nor an instance type such as p4d.24xlarge (lowercase)`;
}

/** The filter-pattern value an instance type entry stands for: every family for a size, the one type otherwise. */
export function instanceTypeValue(entry: string): string {
    return entry.includes(".") ? entry : `*.${entry}`;
}
